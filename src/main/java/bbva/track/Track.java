package bbva.track;

import bbva.colour.Appearance;

/** One tracked object: its last box, velocity in pixels per frame, torso colours and life counters. Mutable; owned by the tracker. */
final class Track implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    int id;           // 0 while tentative (not yet initialized)
    double x1;
    double y1;
    double x2;
    double y2;
    double vx;
    double vy;
    int lastFrame;
    int hits;
    int missed;
    final long birthOrder;
    /** Torso colours when last seen clear of other boxes (an overlapped box mixes two people's colours). */
    Appearance appearance;

    Track(long birthOrder, double x1, double y1, double x2, double y2, int frame) {
        this.birthOrder = birthOrder;
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
        this.lastFrame = frame;
        this.hits = 1;
    }

    /** The box moved by its velocity to {@code frame}. */
    double[] predicted(int frame) {
        int dt = frame - lastFrame;
        return new double[] {x1 + vx * dt, y1 + vy * dt, x2 + vx * dt, y2 + vy * dt};
    }

    void update(double nx1, double ny1, double nx2, double ny2, int frame, double alpha) {
        int dt = Math.max(1, frame - lastFrame);
        double cvx = ((nx1 + nx2) - (x1 + x2)) / 2 / dt;
        double cvy = ((ny1 + ny2) - (y1 + y2)) / 2 / dt;
        vx = hits == 1 ? cvx : alpha * cvx + (1 - alpha) * vx;
        vy = hits == 1 ? cvy : alpha * cvy + (1 - alpha) * vy;
        x1 = nx1;
        y1 = ny1;
        x2 = nx2;
        y2 = ny2;
        lastFrame = frame;
        hits++;
        missed = 0;
    }

    /** A lost track taking over a new detection's track: same id, history and velocity, the new box. */
    void resume(Track fresh, int frame, double alpha) {
        update(fresh.x1, fresh.y1, fresh.x2, fresh.y2, frame, alpha);
        if (fresh.appearance != null) {
            appearance = fresh.appearance;
        }
    }
}
