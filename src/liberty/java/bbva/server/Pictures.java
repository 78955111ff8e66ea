package bbva.server;

import bbva.AnalysisException;
import bbva.render.PlayerSheet;
import bbva.render.Snapshot;
import bbva.render.StoredResults;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The pictures of an analysis (the CLI's snapshot and players sheet), drawn from stored results only. */
final class Pictures {
    private Pictures() {
    }

    static StreamingOutput frame(Store store, PlayerStore players, VideoEntity v, String frameText) {
        int frame;
        try {
            frame = Integer.parseInt(frameText.strip());
        } catch (NumberFormatException e) {
            frame = -1;
        }
        if (frame < 0 || frame >= v.frameCount) {
            throw new AnalysisException("frame must be a number from 0 to " + (v.frameCount - 1) + ".");
        }
        StoredResults results = StoredResults.open(store, players, v, Path.of(v.path));
        return png(Snapshot.draw(results, Path.of(v.path), frame));
    }

    static StreamingOutput players(Store store, PlayerStore players, VideoEntity v, boolean all) {
        StoredResults results = StoredResults.open(store, players, v, Path.of(v.path));
        return png(PlayerSheet.draw(results, Path.of(v.path), all));
    }

    private static StreamingOutput png(BufferedImage image) {
        return out -> ImageIO.write(image, "png", out);
    }
}
