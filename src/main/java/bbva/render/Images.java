package bbva.render;

import bbva.AnalysisException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/** Writes pictures whole or not at all: to a hidden temporary name, then renamed. */
public final class Images {
    private Images() {
    }

    public static void writePng(BufferedImage image, Path output) throws IOException {
        Path temp = output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".partial");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new AnalysisException("No PNG writer available in this Java runtime.");
            }
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AnalysisException("Cannot write " + output + " (" + e.getMessage() + "). Check that its folder "
                    + "exists and is writable.", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
