package bbva.detect;

import bbva.colour.Appearance;

/**
 * One detected object in one frame: the single value type that flows from the detector through
 * the writer, the store and the export. Box corners are in frame pixels. {@code index} is the
 * rank within its frame (assigned by {@link Detections#rank}), {@code trackId} is null until tracked.
 * {@code appearance} is a person's torso colours, taken from the frame by the detect step (null for
 * other classes, and for results stored before it existed). {@code offCourt}: a person whose feet
 * are off the playing floor (stands, bench, staff), kept but never tracked, read or made a player.
 * {@code weak}: scored under the analysis's threshold but over half of it; such a box only continues a
 * track the tracker already follows (a player half hidden behind another, ByteTrack's second
 * association), and step {@code track} deletes those that continue none.
 */
public record Detection(int frame, int index, int classId, String label, float score,
                        float x1, float y1, float x2, float y2, Integer trackId, Appearance appearance,
                        boolean offCourt, boolean weak) {

    public Detection(int frame, int index, int classId, String label, float score,
                     float x1, float y1, float x2, float y2, Integer trackId) {
        this(frame, index, classId, label, score, x1, y1, x2, y2, trackId, null, false, false);
    }

    public static Detection of(int classId, String label, float score, float x1, float y1, float x2, float y2) {
        return new Detection(-1, -1, classId, label, score, x1, y1, x2, y2, null, null, false, false);
    }

    /** A box scored under the threshold {@code confident}, kept as {@link #weak}. */
    public static Detection scored(int classId, String label, float score, float confident, float x1, float y1, float x2, float y2) {
        return new Detection(-1, -1, classId, label, score, x1, y1, x2, y2, null, null, false, score < confident);
    }

    public Detection at(int frameIndex, int rank) {
        return new Detection(frameIndex, rank, classId, label, score, x1, y1, x2, y2, trackId, appearance, offCourt, weak);
    }

    public Detection withTrack(Integer track) {
        return new Detection(frame, index, classId, label, score, x1, y1, x2, y2, track, appearance, offCourt, weak);
    }

    public Detection withAppearance(Appearance a) {
        return new Detection(frame, index, classId, label, score, x1, y1, x2, y2, trackId, a, offCourt, weak);
    }

    public Detection offCourt(boolean off) {
        return new Detection(frame, index, classId, label, score, x1, y1, x2, y2, trackId, appearance, off, weak);
    }

    /** The same box moved by (dx, dy): a tile's box in frame pixels. */
    public Detection moved(float dx, float dy) {
        return new Detection(frame, index, classId, label, score, x1 + dx, y1 + dy, x2 + dx, y2 + dy, trackId, appearance, offCourt, weak);
    }

    public Kind kind() {
        return Kind.of(label);
    }

    /** A person, player or referee. */
    public boolean person() {
        return kind().human();
    }

    /**
     * Part of the results (exported, drawn): every box but a weak one no track has taken, which step
     * track deletes (or has not decided on yet).
     */
    public boolean result() {
        return !weak || trackId != null;
    }

    /** A person on the floor: what tracking, teams, OCR and players are about. */
    public boolean inPlay() {
        return person() && !offCourt;
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }
}
