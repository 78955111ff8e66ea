package bbva.render;

import bbva.court.Court;
import bbva.detect.Detection;
import bbva.detect.Kind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws stored results on a frame: each person box in its track's colour with a label "#NUMBER · TRACK"
 * (or just the track, or the score when untracked), people off the court in thin grey, the ball as
 * a ring, the court's outline (dashed cyan), a trail of each track's recent foot positions, and a
 * header with the frame number, time and "CUT" where a new shot begins. Keeps the trails between
 * frames, so frames must come in order.
 */
public final class Annotator {
    public static final int TRAIL = 25;
    private static final Color BALL = new Color(255, 140, 0);
    private static final Color UNTRACKED = new Color(200, 200, 200);
    private static final Color OFF_COURT = new Color(150, 150, 150);
    private static final Color COURT = new Color(0, 255, 255);

    private final double fps;
    private final Map<Integer, Deque<int[]>> trails = new HashMap<>();

    public Annotator(double fps) {
        this.fps = fps > 0 ? fps : 25;
    }

    /** A distinct, stable colour per track id (golden-ratio hues). */
    public static Color colourOf(Integer trackId) {
        if (trackId == null) {
            return UNTRACKED;
        }
        float hue = (float) ((trackId * 0.618033988749895) % 1.0);
        return Color.getHSBColor(hue, 0.85f, 1.0f);
    }

    /** Where a person's label goes: its background above the box, and the part showing the number's digits. */
    public record LabelLayout(String text, Rectangle background, Rectangle digits, int baseline) {
    }

    private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR).createGraphics();

    /** The label of a person box: "#NUMBER · TRACK", "· TRACK" without a number, the score when untracked. */
    public static LabelLayout label(Detection d, String number) {
        String prefix = d.trackId() == null || number == null ? "" : "#";
        String digits = d.trackId() == null || number == null ? "" : number;
        String text = d.trackId() == null ? String.format(Locale.ROOT, "%.2f", d.score())
                : prefix + digits + (number == null ? "· " : " · ") + d.trackId();
        FontMetrics m;
        synchronized (MEASURE) {
            m = MEASURE.getFontMetrics(labelFont(d));
        }
        int height = m.getAscent() + m.getDescent() + 2;
        int x = Math.round(d.x1());
        int y = Math.max(0, Math.round(d.y1()) - height - 2);
        Rectangle background = new Rectangle(x, y, m.stringWidth(text) + 8, height);
        Rectangle digitBox = new Rectangle(x + 4 + m.stringWidth(prefix), y, m.stringWidth(digits), height);
        return new LabelLayout(text, background, digitBox, y + m.getAscent() + 1);
    }

    static Font labelFont(Detection d) {
        return new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, Math.min(28, Math.round(d.height() / 6))));
    }

    /** Draws on the image (TYPE_3BYTE_BGR, shared with the frame's bytes). */
    public void draw(BufferedImage image, int frame, boolean analysed, List<Detection> detections, StoredResults results) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            drawCourt(g, results.court(frame));
            updateTrails(detections);
            drawTrails(g);
            for (Detection d : detections) {
                if (d.person() && d.offCourt()) {
                    g.setColor(OFF_COURT);
                    g.setStroke(new BasicStroke(1));
                    g.drawRect(Math.round(d.x1()), Math.round(d.y1()), Math.round(d.width()), Math.round(d.height()));
                } else if (d.person()) {
                    drawPerson(g, d, results.number(d.trackId()));
                } else if (d.kind() == Kind.BALL) {
                    g.setColor(BALL);
                    g.setStroke(new BasicStroke(3));
                    g.drawOval(Math.round(d.x1()), Math.round(d.y1()), Math.round(d.width()), Math.round(d.height()));
                }
            }
            drawHeader(g, frame, analysed, results.cutAt(frame), image.getWidth());
        } finally {
            g.dispose();
        }
    }

    private void drawPerson(Graphics2D g, Detection d, String number) {
        Color c = colourOf(d.trackId());
        g.setColor(c);
        g.setStroke(new BasicStroke(3));
        g.drawRect(Math.round(d.x1()), Math.round(d.y1()), Math.round(d.width()), Math.round(d.height()));
        LabelLayout label = label(d, number);
        g.fillRect(label.background().x, label.background().y, label.background().width, label.background().height);
        g.setColor(Color.BLACK);
        g.setFont(labelFont(d));
        g.drawString(label.text(), label.background().x + 4, label.baseline());
    }

    private void updateTrails(List<Detection> detections) {
        for (Detection d : detections) {
            if (d.trackId() != null && d.person()) {
                Deque<int[]> t = trails.computeIfAbsent(d.trackId(), k -> new ArrayDeque<>());
                int[] foot = {Math.round((d.x1() + d.x2()) / 2), Math.round(d.y2())};
                if (t.isEmpty() || t.peekLast()[0] != foot[0] || t.peekLast()[1] != foot[1]) {
                    t.addLast(foot);
                }
                while (t.size() > TRAIL) {
                    t.removeFirst();
                }
            }
        }
        trails.keySet().removeIf(id -> detections.stream().noneMatch(d -> id.equals(d.trackId())));
    }

    private void drawTrails(Graphics2D g) {
        g.setStroke(new BasicStroke(2));
        trails.forEach((id, points) -> {
            g.setColor(colourOf(id));
            Iterator<int[]> it = points.iterator();
            int[] previous = it.hasNext() ? it.next() : null;
            while (it.hasNext()) {
                int[] p = it.next();
                g.drawLine(previous[0], previous[1], p[0], p[1]);
                previous = p;
            }
        });
    }

    /** The floor bbva took as the court: a thin outline, so a user sees who counted as on it. */
    private static void drawCourt(Graphics2D g, Court court) {
        if (court == null) {
            return;
        }
        double[] c = court.corners();
        java.awt.geom.Path2D.Double outline = new java.awt.geom.Path2D.Double();
        outline.moveTo(c[0], c[1]);
        for (int i = 2; i < c.length; i += 2) {
            outline.lineTo(c[i], c[i + 1]);
        }
        outline.closePath();
        g.setColor(COURT);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {10, 6}, 0));
        g.draw(outline);
    }

    private void drawHeader(Graphics2D g, int frame, boolean analysed, boolean cut, int width) {
        double seconds = frame / fps;
        String text = String.format(Locale.ROOT, "frame %d  %s%s%s", frame, Clock.of(seconds, 2),
                cut ? "  CUT" : "", analysed ? "" : "  (not analysed)");
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        FontMetrics m = g.getFontMetrics();
        g.setColor(new Color(0, 0, 0, 160));
        g.fillRect(0, 0, Math.min(width, m.stringWidth(text) + 12), m.getHeight() + 6);
        g.setColor(analysed ? Color.WHITE : new Color(255, 200, 0));
        g.drawString(text, 6, m.getAscent() + 3);
    }
}
