package bbva.render;

import bbva.AnalysisException;
import bbva.detect.Detection;
import bbva.identify.Player;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A contact sheet of the players: one tile per track with its clearest picture (its largest box),
 * its jersey number large on the track's colour ("-" for none), the track id, the number's
 * confidence and the time on screen. Numbered players come first, by
 * number; then the others by track.
 */
public final class PlayerSheet {
    public static final int TILE_W = 180;
    public static final int PICTURE_H = 220;
    public static final int TILE_H = PICTURE_H + 70;
    public static final int COLUMNS = 6;
    private static final Color BACKGROUND = new Color(30, 30, 30);

    private PlayerSheet() {
    }

    /** The players on the sheet, in tile order. */
    public static List<Player> order(List<Player> players, boolean includeShort) {
        return players.stream().filter(p -> includeShort || !p.shortTrack())
                .sorted(Comparator.comparing((Player p) -> p.number() == null)
                        .thenComparingInt(p -> p.number() == null ? 0 : Integer.parseInt(p.number()))
                        .thenComparing(p -> p.number() == null ? "" : p.number())
                        .thenComparingInt(Player::trackId))
                .toList();
    }

    /** Where tile {@code i} shows its number (the digits alone, or "-"). */
    public static Rectangle numberRegion(int i) {
        return new Rectangle(tileX(i) + 6, tileY(i) + PICTURE_H + 4, TILE_W - 12, 30);
    }

    /** Where tile {@code i} shows its picture. */
    public static Rectangle pictureRegion(int i) {
        return new Rectangle(tileX(i), tileY(i), TILE_W, PICTURE_H);
    }

    public static BufferedImage draw(StoredResults results, Path video, boolean includeShort) {
        List<Player> players = order(results.players(), includeShort);
        if (players.isEmpty()) {
            throw new AnalysisException("No players stored for " + results.video().name + " yet: they are made by the last "
                    + "step (identify). Let the analysis finish, then try again" + (includeShort ? "."
                    : "; short tracks are left out unless asked for (bbva players --all, or ?all=true in the REST API)."));
        }
        Map<Integer, Detection> pictures = results.largestBoxOfEachTrack();
        int columns = Math.min(COLUMNS, players.size());
        int rows = (players.size() + columns - 1) / columns;
        BufferedImage sheet = new BufferedImage(columns * TILE_W, rows * TILE_H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            for (int i = 0; i < players.size(); i++) {
                Player p = players.get(i);
                drawPicture(g, i, picture(video, pictures.get(p.trackId())));
                drawCaption(g, i, p, results.video().fps, results.video().frameStride);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** The box with a small margin, cut from its frame. */
    static BufferedImage picture(Path video, Detection d) {
        try (FrameSource source = FrameSource.open(video, d.frame())) {
            VideoFrame f = source.next();
            if (f == null) {
                throw new AnalysisException("Frame " + d.frame() + " of " + video + " could not be decoded.");
            }
            BufferedImage frame = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_3BYTE_BGR);
            System.arraycopy(f.bgr(), 0, ((DataBufferByte) frame.getRaster().getDataBuffer()).getData(), 0, f.bgr().length);
            float mx = 0.1f * d.width();
            float my = 0.05f * d.height();
            int x1 = Math.max(0, Math.round(d.x1() - mx));
            int y1 = Math.max(0, Math.round(d.y1() - my));
            int x2 = Math.min(f.width(), Math.round(d.x2() + mx));
            int y2 = Math.min(f.height(), Math.round(d.y2() + my));
            return frame.getSubimage(x1, y1, Math.max(1, x2 - x1), Math.max(1, y2 - y1));
        }
    }

    private static void drawPicture(Graphics2D g, int i, BufferedImage picture) {
        Rectangle r = pictureRegion(i);
        double scale = Math.min((r.width - 8) / (double) picture.getWidth(), (r.height - 8) / (double) picture.getHeight());
        int w = (int) Math.round(picture.getWidth() * scale);
        int h = (int) Math.round(picture.getHeight() * scale);
        g.drawImage(picture, r.x + (r.width - w) / 2, r.y + (r.height - h) / 2, w, h, null);
    }

    private static void drawCaption(Graphics2D g, int i, Player p, double fps, int stride) {
        Rectangle number = numberRegion(i);
        g.setColor(Annotator.colourOf(p.trackId()));
        g.fillRect(number.x, number.y, number.width, number.height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        g.drawString(p.number() == null ? "-" : p.number(), number.x + 8, number.y + 24);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double seconds = p.framesSeen() * Math.max(1, stride) / (fps > 0 ? fps : 25);
        String confidence = p.number() == null ? "no number" : String.format(Locale.ROOT, "confidence %.2f", p.confidence());
        g.drawString(String.format(Locale.ROOT, "track %d · %s", p.trackId(), confidence), number.x, number.y + 46);
        g.drawString(String.format(Locale.ROOT, "%.1f s on screen%s", seconds, p.shortTrack() ? " (short track)" : ""),
                number.x, number.y + 62);
    }

    private static int tileX(int i) {
        return (i % COLUMNS) * TILE_W;
    }

    private static int tileY(int i) {
        return (i / COLUMNS) * TILE_H;
    }
}
