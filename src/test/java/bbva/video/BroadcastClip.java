package bbva.video;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
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
 * A rendered TV broadcast with exact truth, hard in the ways real ones are: 854x480, small players
 * (55-110 px at the wide camera) in two kits with numbers, two referees in grey, stands full of
 * seated fans (some in the teams' colours), a bench in blue warm-ups beside the far sideline, a
 * camera that pans, a hard cut at {@link #CUT} to a closer camera, and a score bug over the picture.
 * The scene is drawn in world coordinates and seen through the camera of each frame; the truth is
 * every person's box in screen pixels, with its role and whether the feet are on the floor.
 */
public final class BroadcastClip {
    public enum Role { PLAYER, REFEREE, BENCH, CROWD }

    /** A person of the scene; team 0 (gold) or 1 (blue) for players and the bench, -1 otherwise; number "" when none. */
    public record Person(int id, Role role, int team, String number) {
        public boolean onCourt() {
            return role == Role.PLAYER || role == Role.REFEREE;
        }
    }

    /** A person's box in one frame, in screen pixels (clipped to the frame). */
    public record Box(int frame, Person person, double x1, double y1, double x2, double y2) {
    }

    public static final int W = 854;
    public static final int H = 480;
    public static final double FPS = 25;
    public static final int FRAMES = 150;
    /** The first frame of the second camera. */
    public static final int CUT = 90;
    /** The playing floor in world coordinates: far sideline y=FAR, near sideline y=NEAR. */
    static final int FAR = 200;
    static final int NEAR = 470;
    static final Color WOOD = new Color(205, 156, 98);
    static final Color APRON = new Color(32, 52, 112);
    static final Color[] KIT = {new Color(240, 190, 40), new Color(30, 70, 170)};
    static final Color[] INK = {new Color(70, 30, 110), new Color(245, 245, 245)};
    static final Color REFEREE_SHIRT = new Color(135, 135, 140);
    static final String[][] NUMBERS = {{"3", "15", "24", "7", "42"}, {"30", "11", "10", "23", "5"}};

    private static final List<Person> PEOPLE = new ArrayList<>();
    /** World positions: feet x, feet y, and for the people who move, an amplitude and a phase. */
    private static final List<double[]> PLACES = new ArrayList<>();
    private static final List<Color> SHIRTS = new ArrayList<>();

    static {
        Random random = new Random(7);
        int id = 1;
        for (int team = 0; team < 2; team++) {
            for (int k = 0; k < 5; k++) {
                add(new Person(id++, Role.PLAYER, team, NUMBERS[team][k]), KIT[team],
                        420 + 180 * k + 60 * team, 250 + 45 * k + 25 * team, 60 + 10 * k, k + 3 * team);
            }
        }
        add(new Person(id++, Role.REFEREE, -1, ""), REFEREE_SHIRT, 380, 300, 40, 1.5);
        add(new Person(id++, Role.REFEREE, -1, ""), REFEREE_SHIRT, 1250, 420, 50, 4.5);
        for (int k = 0; k < 5; k++) {
            add(new Person(id++, Role.BENCH, 1, ""), KIT[1], 640 + 50 * k, FAR - 14, 0, 0);
        }
        Color[] crowd = {KIT[0], KIT[1], new Color(230, 230, 230), new Color(180, 40, 40), new Color(30, 30, 30),
            new Color(60, 120, 70), KIT[0]};
        for (int row = 0; row < 5; row++) {
            for (int k = 0; k < 22; k++) {
                add(new Person(id++, Role.CROWD, -1, ""), crowd[random.nextInt(crowd.length)],
                        40 + 72 * k + 30 * (row % 2) + random.nextInt(12), 48 + 30 * row, 0, 0);
            }
        }
    }

    private static void add(Person p, Color shirt, double x, double y, double amplitude, double phase) {
        PEOPLE.add(p);
        SHIRTS.add(shirt);
        PLACES.add(new double[] {x, y, amplitude, phase});
    }

    private BroadcastClip() {
    }

    public static List<Person> people() {
        return List.copyOf(PEOPLE);
    }

    /** World to screen for a frame: the wide camera pans right until the cut, then a closer one pans slowly. */
    static AffineTransform camera(int frame) {
        AffineTransform t = new AffineTransform();
        if (frame < CUT) {
            t.translate(-(180 + 3.0 * frame), 0);
        } else {
            t.scale(1.3, 1.3);
            t.translate(-(560 + 1.5 * (frame - CUT)), -110);
        }
        return t;
    }

    /** A person's box in world coordinates in a frame. */
    static double[] worldBox(int i, int frame) {
        Person p = PEOPLE.get(i);
        double[] at = PLACES.get(i);
        double x = at[0] + at[2] * Math.sin(frame / 14.0 + at[3]);
        double y = at[1] + (p.onCourt() ? 12 * Math.cos(frame / 21.0 + at[3]) : 0);
        double h = switch (p.role()) {
            case PLAYER, REFEREE -> 55 + 55 * (y - FAR) / (NEAR - FAR) + (p.role() == Role.REFEREE ? -4 : 0);
            case BENCH -> 40;
            case CROWD -> 30;
        };
        double w = h * (p.onCourt() ? 0.38 : 0.55);
        return new double[] {x - w / 2, y - h, x + w / 2, y};
    }

    public static Path render(Path file) throws IOException {
        return ClipWriter.write(file, W, H, FPS, FRAMES, BroadcastClip::draw);
    }

    public static BufferedImage draw(int frame) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        AffineTransform screen = g.getTransform();
        g.transform(camera(frame));
        drawArena(g);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < PEOPLE.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> worldBox(i, frame)[3]).thenComparingInt(i -> i));
        for (int i : order) {
            drawPerson(g, i, worldBox(i, frame));
        }
        g.setTransform(screen);
        drawScoreBug(g);
        g.dispose();
        return img;
    }

    private static void drawArena(Graphics2D g) {
        g.setColor(new Color(44, 46, 58));
        g.fillRect(-400, -400, 2800, FAR + 400);
        g.setColor(new Color(70, 72, 90));
        for (int row = 0; row < 6; row++) {
            g.fillRect(-400, 50 + 30 * row, 2800, 6);                     // seat rows
        }
        g.setColor(APRON);
        g.fillRect(-400, FAR - 30, 2800, 30);
        g.fillRect(-400, NEAR, 2800, 400);
        Polygon floor = new Polygon(new int[] {140, 1460, 1760, -160}, new int[] {FAR, FAR, NEAR, NEAR}, 4);
        g.setColor(WOOD);
        g.fillPolygon(floor);
        g.setColor(new Color(150, 60, 130));                               // painted keys
        g.fillPolygon(new Polygon(new int[] {140, 330, 300, -60}, new int[] {FAR + 60, FAR + 60, FAR + 190, FAR + 190}, 4));
        g.fillPolygon(new Polygon(new int[] {1270, 1460, 1660, 1300}, new int[] {FAR + 60, FAR + 60, FAR + 190, FAR + 190}, 4));
        g.setColor(new Color(245, 245, 245));
        g.setStroke(new BasicStroke(3));
        g.drawPolygon(floor);
        g.drawLine(800, FAR, 800, NEAR);
        g.drawOval(700, FAR + 95, 200, 80);
    }

    private static void drawPerson(Graphics2D g, int i, double[] b) {
        Person p = PEOPLE.get(i);
        double w = b[2] - b[0];
        double h = b[3] - b[1];
        g.setColor(new Color(205, 160, 125));
        double head = h * (p.onCourt() ? 0.14 : 0.28);
        g.fill(new java.awt.geom.Ellipse2D.Double(b[0] + w / 2 - head * 0.4, b[1], head * 0.8, head));
        double torsoTop = b[1] + head;
        double torso = h * (p.onCourt() ? 0.34 : 0.45);
        g.setColor(SHIRTS.get(i));
        g.fill(new java.awt.geom.Rectangle2D.Double(b[0], torsoTop, w, torso));
        if (!p.number().isEmpty()) {
            g.setColor(INK[p.team()]);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.round(torso * 0.62)));
            FontMetrics m = g.getFontMetrics();
            g.drawString(p.number(), (float) (b[0] + (w - m.stringWidth(p.number())) / 2),
                    (float) (torsoTop + torso * 0.72));
        }
        g.setColor(p.role() == Role.PLAYER ? SHIRTS.get(i).darker() : new Color(35, 35, 40));
        g.fill(new java.awt.geom.Rectangle2D.Double(b[0] + w * 0.12, torsoTop + torso, w * 0.76, b[3] - torsoTop - torso));
    }

    private static void drawScoreBug(Graphics2D g) {
        g.setColor(new Color(20, 20, 30));
        g.fillRect(560, 420, 270, 40);
        g.setColor(KIT[0]);
        g.fillRect(566, 426, 60, 28);
        g.setColor(KIT[1]);
        g.fillRect(686, 426, 60, 28);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString("88   1ST 11:14", 632, 448);
    }

    /** Every person at least half in the frame, nearest last; boxes clipped to the frame. */
    public static List<Box> truth() {
        List<Box> out = new ArrayList<>();
        for (int f = 0; f < FRAMES; f++) {
            AffineTransform cam = camera(f);
            for (int i = 0; i < PEOPLE.size(); i++) {
                double[] w = worldBox(i, f);
                double[] s = new double[4];
                cam.transform(w, 0, s, 0, 2);
                double x1 = Math.max(0, s[0]);
                double y1 = Math.max(0, s[1]);
                double x2 = Math.min(W, s[2]);
                double y2 = Math.min(H, s[3]);
                if ((x2 - x1) * (y2 - y1) >= 0.5 * (s[2] - s[0]) * (s[3] - s[1])) {
                    out.add(new Box(f, PEOPLE.get(i), x1, y1, x2, y2));
                }
            }
        }
        return out;
    }

    /** A detections CSV for --detector file with every person of the truth, as a perfect detector would see them. */
    public static Path detections(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("frame,classId,label,score,x1,y1,x2,y2"));
        for (Box b : truth()) {
            lines.add(String.format(Locale.ROOT, "%d,1,person,0.90,%.1f,%.1f,%.1f,%.1f",
                    b.frame(), b.x1(), b.y1(), b.x2(), b.y2()));
        }
        Files.write(file, lines);
        return file;
    }
}
