package bbva.video;

import bbva.bench.SyntheticGame;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A rendered game with known identities: ten players in two kits and a referee on a court. Each lane
 * holds two people a little apart in depth (the lower one is nearer and drawn in front). In the first
 * part the nearer one overtakes the other and hides it for about 1.3 s; then it steps behind and is
 * overtaken and hidden in turn. One lane pairs two players of the same kit. Ground truth: every
 * person's box in every frame where it is in view and at most half covered by a nearer person.
 */
public final class TeamClip {
    public enum Kit { HOME, AWAY, REFEREE }

    /** A person: id (1..11), kit, jersey number ("" for the referee), lane, and whether the lane runs right to left. */
    public record Person(int id, Kit kit, String number, int lane, boolean near, boolean mirrored) {
    }

    /** A ground-truth box of one person in one frame. */
    public record Box(int frame, int person, double x1, double y1, double x2, double y2) {
    }

    public static final int W = 960;
    public static final int H = 540;
    static final int PW = 50;
    static final int PH = 120;
    static final int LANE = 76;
    static final int DEPTH = 14;
    public static final int FRAMES = 400;
    public static final double FPS = 25;
    static final Color HOME_SHIRT = new Color(235, 235, 230);
    static final Color HOME_INK = new Color(20, 20, 70);
    static final Color AWAY_SHIRT = new Color(30, 50, 150);
    static final Color AWAY_INK = Color.WHITE;

    public static final List<Person> PEOPLE = List.of(
            new Person(1, Kit.HOME, "4", 0, false, false), new Person(2, Kit.AWAY, "5", 0, true, false),
            new Person(3, Kit.AWAY, "8", 1, false, true), new Person(4, Kit.HOME, "7", 1, true, true),
            new Person(5, Kit.HOME, "11", 2, false, false), new Person(6, Kit.HOME, "23", 2, true, false),
            new Person(7, Kit.AWAY, "12", 3, false, true), new Person(8, Kit.AWAY, "24", 3, true, true),
            new Person(9, Kit.HOME, "30", 4, false, false), new Person(10, Kit.AWAY, "33", 4, true, false),
            new Person(11, Kit.REFEREE, "", 5, false, false));

    private TeamClip() {
    }

    /** Top-left corner of a person's box in a frame (before mirroring), by keyframes with straight moves between. */
    static double[] position(Person p, int f) {
        double y0 = 16 + p.lane() * LANE;
        double x;
        double y;
        if (p.kit() == Kit.REFEREE) {
            x = 60 + 1.8 * f;
            y = y0;
        } else if (!p.near()) {
            // far: 1 px/frame, then from frame 200 2 px/frame to overtake its lane partner
            x = f <= 200 ? 100 + f : 300 + 2.0 * (f - 200);
            y = y0;
        } else {
            // near: 2.5 px/frame overtaking, steps back in depth (frames 150-200), then 0.5 px/frame
            if (f <= 150) {
                x = 40 + 2.5 * f;
                y = y0 + DEPTH;
            } else if (f <= 200) {
                x = 415 + 0.5 * (f - 150);
                y = y0 + DEPTH - 2.0 * DEPTH * (f - 150) / 50;
            } else {
                x = 440 + 0.5 * (f - 200);
                y = y0 - DEPTH;
            }
        }
        if (p.mirrored()) {
            x = W - PW - x;
        }
        return new double[] {x, y};
    }

    static double[] box(Person p, int f) {
        double[] xy = position(p, f);
        return new double[] {Math.round(xy[0]), Math.round(xy[1]), Math.round(xy[0]) + PW, Math.round(xy[1]) + PH};
    }

    /** People far to near: nearer people (larger box bottom) are drawn later, over the others. */
    static List<Person> byDepth(int f) {
        List<Person> order = new ArrayList<>(PEOPLE);
        order.sort(Comparator.comparingDouble((Person p) -> box(p, f)[3]).thenComparingInt(Person::id));
        return order;
    }

    public static Path render(Path file) throws IOException {
        return ClipWriter.write(file, W, H, FPS, FRAMES, TeamClip::draw);
    }

    public static BufferedImage draw(int frame) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = SyntheticGame.court(img, 4, 80);
        for (Person p : byDepth(frame)) {
            double[] b = box(p, frame);
            int x = (int) b[0];
            int y = (int) b[1];
            g.setColor(new Color(225, 185, 150));
            g.fillOval(x + PW / 2 - 11, y, 22, 24);                          // head
            if (p.kit() == Kit.REFEREE) {
                for (int s = 0; s < 6; s++) {                                 // striped shirt
                    g.setColor(s % 2 == 0 ? new Color(30, 30, 30) : new Color(230, 230, 230));
                    g.fillRect(x + s * PW / 6, y + 22, PW / 6 + 1, 58);
                }
            } else {
                g.setColor(p.kit() == Kit.HOME ? HOME_SHIRT : AWAY_SHIRT);
                g.fillRect(x, y + 22, PW, 58);                                // shirt
                g.setColor(p.kit() == Kit.HOME ? HOME_INK : AWAY_INK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
                FontMetrics m = g.getFontMetrics();
                // on the chest, as on a real shirt: bbva reads people under a quarter of the frame's height there
                g.drawString(p.number(), x + (PW - m.stringWidth(p.number())) / 2, y + 48);
            }
            g.setColor(new Color(40, 40, 40));
            g.fillRect(x + 7, y + 80, PW - 14, PH - 80);                      // legs
        }
        g.dispose();
        return img;
    }

    /** Every person's box where it is in the frame and at most half covered by a nearer person. */
    public static List<Box> truth() {
        List<Box> out = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            List<Person> order = byDepth(f);
            for (int i = 0; i < order.size(); i++) {
                double[] b = box(order.get(i), f);
                if (b[0] < 0 || b[2] > W || b[1] < 0 || b[3] > H) {
                    continue;
                }
                double covered = 0;
                for (int j = i + 1; j < order.size(); j++) {
                    covered = Math.max(covered, overlap(b, box(order.get(j), f)) / (PW * PH));
                }
                if (covered <= 0.5) {
                    out.add(new Box(f, order.get(i).id(), b[0], b[1], b[2], b[3]));
                }
            }
        }
        return out;
    }

    /** The frames in which a person is hidden (in the frame but not in the truth). */
    public static int hiddenFrames(int person) {
        return FRAMES - (int) truth().stream().filter(b -> b.person() == person).count();
    }

    static double overlap(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** A detections CSV for --detector file: the truth, or with {@code noise} a jittered, gappy, polluted version of it. */
    public static Path detections(Path file, boolean noise) throws IOException {
        Random random = new Random(42);
        List<String> lines = new ArrayList<>(List.of("frame,classId,label,score,x1,y1,x2,y2"));
        for (Box b : truth()) {
            if (noise && random.nextDouble() < 0.05) {
                continue;
            }
            double j = noise ? 3 : 0;
            lines.add(line(b.frame(), b.x1() + jitter(random, j), b.y1() + jitter(random, j), b.x2() + jitter(random, j),
                    b.y2() + jitter(random, j)));
        }
        if (noise) {
            for (int k = 0; k < 30; k++) {
                int f = random.nextInt(FRAMES);
                double x = random.nextInt(W - PW);
                double y = random.nextInt(H - PH);
                lines.add(line(f, x, y, x + PW, y + PH));
            }
        }
        Files.write(file, lines);
        return file;
    }

    private static double jitter(Random random, double amount) {
        return amount == 0 ? 0 : (random.nextDouble() * 2 - 1) * amount;
    }

    private static String line(int frame, double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "%d,1,person,0.90,%.1f,%.1f,%.1f,%.1f", frame, x1, y1, x2, y2);
    }
}
