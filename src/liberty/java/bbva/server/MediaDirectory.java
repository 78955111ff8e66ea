package bbva.server;

import bbva.AnalysisException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Videos the server may read: paths must resolve (symlinks included) inside the media directory. */
@ApplicationScoped
public class MediaDirectory {
    private final Path root = Path.of(System.getProperty("bbva.media.dir",
            System.getenv().getOrDefault("BBVA_MEDIA_DIR", "media"))).toAbsolutePath().normalize();

    Path resolve(String relative) {
        Path candidate = root.resolve(relative).normalize();
        try {
            Path real = Files.exists(candidate) ? candidate.toRealPath() : candidate;
            if (!candidate.startsWith(root) || !real.startsWith(root.toRealPath())) {
                throw new AnalysisException("The video path must be inside the media directory; '" + relative + "' is not.");
            }
        } catch (IOException e) {
            throw new AnalysisException("Cannot check the video path '" + relative + "': " + e.getMessage());
        }
        return candidate;
    }

    String relative(String absolute) {
        Path p = Path.of(absolute);
        return p.startsWith(root) ? root.relativize(p).toString() : p.getFileName().toString();
    }
}
