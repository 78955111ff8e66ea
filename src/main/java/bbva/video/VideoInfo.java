package bbva.video;

import java.nio.file.Path;

/** What prepare learns about a video; frameCount is what actually decodes, not the header's claim. */
public record VideoInfo(Path path, String fingerprint, long sizeBytes, int width, int height, double fps,
                        int frameCount, String codec) {
}
