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
    private int last;
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

    /**
     * Goes on past {@code last} to {@code newLast}, reading on from the same decoder: the frames that
     * follow need no new opening of the file nor a seek.
     */
    public void extendTo(int newLast) {
        if (newLast < last) {
            throw new IllegalArgumentException("frame " + newLast + " is before " + last);
        }
        last = newLast;
    }

    /** The frame the next {@link #read} returns. */
    public int next() {
        return next;
    }

    public VideoFrame read() {
        decodeUpTo(next);
        VideoFrame frame = source.next();
        if (frame == null) {
            throw endedEarly();
        }
        next += plan.stride();
        return frame;
    }

    /** Goes past the next frame without converting it to BGR: for a frame nothing is looked for in. */
    public void skip() {
        decodeUpTo(next + 1);
        next += plan.stride();
    }

    /** Decodes past every frame before {@code index}. */
    private void decodeUpTo(int index) {
        if (source == null) {
            source = FrameSource.open(file, next);
        }
        while (source.nextIndex() < index) {
            if (!source.skip()) {
                throw endedEarly();
            }
        }
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
