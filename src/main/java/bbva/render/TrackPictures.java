package bbva.render;

import bbva.AnalysisException;
import bbva.detect.Detection;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A track's clearest pictures side by side: its largest boxes, at least half a second apart. */
public final class TrackPictures {
    public static final int HEIGHT = 200;
    private static final int GAP = 6;

    private TrackPictures() {
    }

    /** The frames of the pictures, in frame order. */
    public static List<Detection> choose(List<Detection> boxes, int count, double fps) {
        int apart = (int) Math.max(1, Math.round(fps / 2));
        List<Detection> chosen = new ArrayList<>();
        for (Detection d : boxes.stream().sorted(Comparator.comparingDouble((Detection b) -> -b.width() * b.height())
                .thenComparingInt(Detection::frame)).toList()) {
            if (chosen.size() < count && chosen.stream().allMatch(c -> Math.abs(c.frame() - d.frame()) >= apart)) {
                chosen.add(d);
            }
        }
        chosen.sort(Comparator.comparingInt(Detection::frame));
        return chosen;
    }

    public static BufferedImage draw(StoredResults results, Path video, int trackId, int count) {
        List<Detection> views = choose(results.boxesOf(trackId), count, results.video().fps);
        if (views.isEmpty()) {
            throw new AnalysisException("Track " + trackId + " has no boxes in this analysis.");
        }
        List<BufferedImage> pictures = new ArrayList<>();
        int width = GAP;
        for (Detection d : views) {
            BufferedImage p = PlayerSheet.picture(video, d);
            pictures.add(p);
            width += (int) Math.round(p.getWidth() * HEIGHT / (double) p.getHeight()) + GAP;
        }
        BufferedImage out = new BufferedImage(width, HEIGHT + 2 * GAP, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(30, 30, 30));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int x = GAP;
        for (BufferedImage p : pictures) {
            int w = (int) Math.round(p.getWidth() * HEIGHT / (double) p.getHeight());
            g.drawImage(p, x, GAP, w, HEIGHT, null);
            x += w + GAP;
        }
        g.dispose();
        return out;
    }
}
