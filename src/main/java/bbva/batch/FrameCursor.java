package bbva.batch;

import bbva.AnalysisException;
import bbva.BatchPlan;
import bbva.store.VideoEntity;
import bbva.video.Fingerprint;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The analyzed frames [next, last] of the prepared video, decoded in order from exactly {@code next}
 * (a checkpoint may be anywhere, mid-batch included).
 */
public final class FrameCursor implements AutoCloseable {
    private final Path file;
    private final VideoEntity video;
    private final BatchPlan plan;
    private final int last;
    private int next;
    private FrameSource source;

    public FrameCursor(Path file, VideoEntity video, BatchPlan plan, int next, int last) {
        this.file = file;
        this.video = video;
        this.plan = plan;
        this.next = next;
        this.last = last;
    }

    /** Refuses a file that is no longer the one prepare fingerprinted. */
    public static void checkUnchanged(Path file, VideoEntity video) throws IOException {
        if (!Fingerprint.of(file).equals(video.fingerprint)) {
            throw new AnalysisException(file + " has changed since its analysis started. Put the "
                    + "original file back to continue, or analyze the new file from the start.");
        }
    }

    public boolean hasNext() {
        return next <= last;
    }

    /** The frame the next {@link #read} returns. */
    public int next() {
        return next;
    }

    public VideoFrame read() {
        if (source == null) {
            source = FrameSource.open(file, next);
        }
        while (source.nextIndex() < next) {
            if (!source.skip()) {
                throw endedEarly();
            }
        }
        VideoFrame frame = source.next();
        if (frame == null) {
            throw endedEarly();
        }
        next += plan.stride();
        return frame;
    }

    private AnalysisException endedEarly() {
        return new AnalysisException(file + " ends at frame " + source.nextIndex() + " although "
                + video.frameCount + " frames decoded when the analysis started. The file may be damaged or "
                + "cut short; re-encode it and analyze it from the start.");
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
