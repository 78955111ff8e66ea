package bbva.video;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rendered basketball-like clip with known ground truth: players of two teams (white shirts with
 * black numbers, blue with white) walk across a court on separate lanes; {@link #boxes} is the ground-truth detections CSV that
 * {@code --detector file} replays.
 */
public final class PlayerClip {
    public record Player(String number, Color shirt, Color ink, int lane, double speed, int startX) {
    }

    public static final List<Player> PLAYERS = List.of(
            new Player("7", Color.WHITE, Color.BLACK, 0, 3.0, 20),
            new Player("23", new Color(20, 40, 160), Color.WHITE, 1, -2.5, 560),
            new Player("0", Color.WHITE, Color.BLACK, 2, 2.0, 150),
            new Player("45", new Color(20, 40, 160), Color.WHITE, 3, -3.5, 480));

    static final int W = 640;
    static final int H = 400;
    static final int PW = 60;
    static final int PH = 150;

    private PlayerClip() {
    }

    static int x(Player p, int frame) {
        return (int) Math.round(p.startX() + p.speed() * frame);
    }

    static int y(Player p) {
        return 20 + p.lane() * 90 - (p.lane() % 2) * 10;
    }

    public static Path render(Path file, int frames) throws IOException {
        return ClipWriter.write(file, W, H, 25, frames, PlayerClip::draw);
    }

    public static BufferedImage draw(int frame) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(196, 150, 100));
        g.fillRect(0, 0, W, H);
        for (Player p : PLAYERS) {
            int x = x(p, frame);
            int y = y(p);
            g.setColor(new Color(230, 190, 160));
            g.fillOval(x + PW / 2 - 12, y, 24, 26);                       // head
            g.setColor(p.shirt());
            g.fillRect(x, y + 24, PW, 70);                                 // shirt
            g.setColor(new Color(40, 40, 40));
            g.fillRect(x + 8, y + 94, PW - 16, PH - 94);                   // legs
            g.setColor(p.ink());
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 38));
            FontMetrics m = g.getFontMetrics();
            g.drawString(p.number(), x + (PW - m.stringWidth(p.number())) / 2, y + 24 + 47);
        }
        g.dispose();
        return img;
    }

    /** Ground-truth person boxes, one line per player per frame, for the frames where the player is fully in view. */
    public static Path boxes(Path file, int frames) throws IOException {
        List<String> lines = new ArrayList<>(List.of("frame,classId,label,score,x1,y1,x2,y2"));
        for (int f = 0; f < frames; f++) {
            for (Player p : PLAYERS) {
                int x = x(p, f);
                if (x >= 0 && x + PW <= W) {
                    lines.add(String.format(Locale.ROOT, "%d,1,person,0.95,%d,%d,%d,%d", f, x, y(p), x + PW, y(p) + PH));
                }
            }
        }
        Files.write(file, lines);
        return file;
    }

    /** Which player a stored box belongs to (by its lane). */
    public static Player at(double y1) {
        for (Player p : PLAYERS) {
            if (Math.abs(y(p) - y1) < 1) {
                return p;
            }
        }
        throw new IllegalArgumentException("no player at y=" + y1);
    }
}
