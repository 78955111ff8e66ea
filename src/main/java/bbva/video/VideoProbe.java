package bbva.video;

import bbva.AnalysisException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Validates a video before any work is planned: it must open, have a video stream, and decode
 * cleanly to the end. The frame count is what decodes, since headers can be wrong.
 */
public final class VideoProbe {
    private static final String REENCODE = "Re-encode or re-download it (e.g. ffmpeg -i in.avi -c:v libx264 out.mp4) and run the analysis again.";

    private VideoProbe() {
    }

    public static VideoInfo probe(Path path) {
        return probe(path, () -> false).orElseThrow();
    }

    /** As {@link #probe(Path)}, but gives up (empty) as soon as {@code stop} says so: a whole game takes minutes to decode. */
    public static java.util.Optional<VideoInfo> probe(Path path, java.util.function.BooleanSupplier stop) {
        if (!Files.exists(path)) {
            throw new AnalysisException("Video not found: " + path + ". Check the path.");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new AnalysisException("Cannot read " + path + ": it is not a readable file.");
        }
        try (DecodeErrors.Count errors = DecodeErrors.count()) {
            return probe(path, stop, errors);
        }
    }

    private static java.util.Optional<VideoInfo> probe(Path path, java.util.function.BooleanSupplier stop, DecodeErrors.Count errors) {
        int decoded = 0;
        int firstErrorAt = -1;
        int headerFrames;
        VideoInfo partial;
        try (FrameSource source = FrameSource.open(path, 0)) {
            headerFrames = source.headerFrameCount();
            while (source.skip()) {
                if (stop.getAsBoolean()) {
                    return java.util.Optional.empty();
                }
                decoded++;
                if (firstErrorAt < 0 && errors.errors() > 0) {
                    firstErrorAt = decoded;
                }
            }
            partial = new VideoInfo(path, fingerprint(path), size(path), source.width(), source.height(),
                    source.fps(), decoded, source.codec());
        }
        if (decoded == 0) {
            throw new AnalysisException(path + " contains no decodable video frames. " + REENCODE);
        }
        // AVI and MP4 headers state the frame count; a file that ends early (errors, if any, only in its
        // last frames, where the cut fell) was cut short
        boolean cleanUntilTheEnd = firstErrorAt < 0 || firstErrorAt >= decoded - 2;
        if (headerFrames > 0 && decoded < headerFrames * 0.98 - 1 && cleanUntilTheEnd) {
            throw new AnalysisException(path + " is truncated: its header says " + headerFrames + " frames but only "
                    + decoded + " decode. " + REENCODE);
        }
        if (errors.errors() > 0) {
            throw new AnalysisException(path + " is damaged: FFmpeg reported " + errors.errors() + " decode error(s), "
                    + "the first near frame " + Math.max(0, firstErrorAt - 1) + " (" + errors.firstMessage() + "); "
                    + decoded + " frames decoded" + (headerFrames > 0 ? " of " + headerFrames + " declared" : "")
                    + ". " + REENCODE);
        }
        return java.util.Optional.of(partial);
    }

    private static String fingerprint(Path path) {
        try {
            return Fingerprint.of(path);
        } catch (IOException e) {
            throw new AnalysisException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new AnalysisException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }
}
