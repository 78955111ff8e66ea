package bbva.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A game of any length with exact truth, for measuring bbva at a game's scale: ten numbered players in
 * two kits (white home, blue away) and a referee in grey, each moving in its own part of the court
 * (so every box is whole and the truth is the same person all game), drawn at 640x360, 30 fps. It
 * writes the video and the boxes to replay with {@code --detector file}.
 */
public final class SyntheticGame {
    public enum Kit { HOME, AWAY, REFEREE }

    /** A person on the floor: kit, number ("" for the referee) and the grid cell it moves in. */
    public record Person(Kit kit, String number, int cell) {
    }

    public static final int W = 640;
    public static final int H = 360;
    public static final double FPS = 30;
    static final int COLS = 4;
    static final int ROWS = 3;
    static final int PW = 34;
    static final int PH = 100;
    static final int CELL_W = W / COLS;
    static final int CELL_H = H / ROWS;

    public static final List<Person> PEOPLE = List.of(
            new Person(Kit.HOME, "4", 0), new Person(Kit.HOME, "7", 1), new Person(Kit.HOME, "11", 2),
            new Person(Kit.HOME, "23", 3), new Person(Kit.HOME, "30", 4), new Person(Kit.AWAY, "5", 5),
            new Person(Kit.AWAY, "8", 6), new Person(Kit.AWAY, "12", 7), new Person(Kit.AWAY, "24", 8),
            new Person(Kit.AWAY, "33", 9), new Person(Kit.REFEREE, "", 10));

    private SyntheticGame() {
    }

    /** Writes {@code frames} frames to {@code video} and their true boxes to {@code boxes} (frame,classId,label,score,x1,y1,x2,y2). */
    public static void write(Path video, Path boxes, int frames) throws IOException {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(video.toFile(), W, H, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter();
             Writer csv = Files.newBufferedWriter(boxes)) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(FPS);
            r.setVideoQuality(3);
            r.start();
            csv.write("frame,classId,label,score,x1,y1,x2,y2\n");
            BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
            for (int f = 0; f < frames; f++) {
                draw(img, f);
                r.record(conv.convert(img));
                for (Person p : PEOPLE) {
                    int[] b = box(p, f);
                    csv.write(String.format(Locale.ROOT, "%d,1,person,0.9,%d,%d,%d,%d%n", f, b[0], b[1], b[2], b[3]));
                }
            }
            r.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("Cannot write " + video + ": " + e.getMessage(), e);
        }
    }

    /** The person's box in frame f: a slow loop inside its cell (periods of 7-13 s, all different). */
    static int[] box(Person p, int f) {
        int cx = (p.cell() % COLS) * CELL_W;
        int cy = (p.cell() / COLS) * CELL_H;
        double t = f / FPS;
        double u = 0.5 + 0.5 * Math.sin(2 * Math.PI * t / (7 + p.cell() * 0.6));
        double v = 0.5 + 0.5 * Math.sin(2 * Math.PI * t / (9 + p.cell() * 0.4) + p.cell());
        int x = cx + 4 + (int) Math.round(u * (CELL_W - PW - 8));
        int y = cy + 4 + (int) Math.round(v * (CELL_H - PH - 8));
        return new int[] {x, y, x + PW, y + PH};
    }

    /** An empty court (wood, centre line and circle) over the whole image; the graphics to draw people on. */
    public static Graphics2D court(BufferedImage img, int line, int circle) {
        int w = img.getWidth();
        int h = img.getHeight();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(196, 150, 100));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(240, 240, 240));
        g.setStroke(new BasicStroke(line));
        g.drawLine(w / 2, 0, w / 2, h);
        g.drawOval(w / 2 - circle, h / 2 - circle, 2 * circle, 2 * circle);
        return g;
    }

    static void draw(BufferedImage img, int f) {
        Graphics2D g = court(img, 3, 50);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 19));
        FontMetrics m = g.getFontMetrics();
        for (Person p : PEOPLE) {
            int[] b = box(p, f);
            int x = b[0];
            int y = b[1];
            g.setColor(new Color(225, 185, 150));
            g.fillOval(x + PW / 2 - 8, y, 16, 17);
            if (p.kit() == Kit.REFEREE) {
                g.setColor(new Color(140, 140, 145));
                g.fillRect(x, y + 17, PW, 45);
            } else {
                g.setColor(p.kit() == Kit.HOME ? new Color(235, 235, 230) : new Color(30, 50, 150));
                g.fillRect(x, y + 17, PW, 45);
                g.setColor(p.kit() == Kit.HOME ? new Color(20, 20, 70) : Color.WHITE);
                // on the chest, inside both bands bbva reads (20-42 % of the height, and 20-55 % for a
                // person over a quarter of the frame's height, as here)
                g.drawString(p.number(), x + (PW - m.stringWidth(p.number())) / 2, y + 39);
            }
            g.setColor(new Color(40, 40, 40));
            g.fillRect(x + 5, y + 62, PW - 10, PH - 62);
        }
        g.dispose();
    }
}
