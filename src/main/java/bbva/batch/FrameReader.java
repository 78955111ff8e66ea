package bbva.batch;

import bbva.AnalysisParameters;
import bbva.BatchPlan;
import bbva.store.Phase;
import bbva.store.VideoEntity;
import bbva.video.VideoFrame;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Base of the readers that decode one range of frames (each "detect" partition). It reads one frame
 * ahead on a thread of its own (decodes it and makes its {@link #item}) while the processor works on
 * the frame before, unless the streams' models fill the cores by themselves
 * ({@link AnalysisParameters#readAhead}); then it reads each frame when asked. Its checkpoint is the
 * next frame it hands out, wherever that is (a chunk ended early by a stop leaves it mid-batch), and
 * a restart seeks to exactly that frame; a frame read ahead but not handed out is read again.
 */
public abstract class FrameReader extends StepReader {
    @Inject
    JobParameters job;

    protected AnalysisParameters params;
    protected VideoEntity video;
    protected BatchPlan plan;
    /** Touched only by the read-ahead thread, when there is one. */
    private FrameCursor frames;
    /** Null when frames are read when asked. */
    private ExecutorService ahead;
    /** The frame being read ahead. */
    private Future<Object> coming;
    /** The frame the next {@link #readItem} hands out, and the reader's last. */
    private int next;
    private int last;

    /** Analyzed frames [first, last] of this reader, or null when it has none. */
    public record Range(int first, int last) {
    }

    protected abstract Range range();

    protected abstract Phase phase();

    /** The item handed to the processor for a decoded frame; runs on the read-ahead thread, if any. */
    protected abstract Object item(VideoFrame frame);

    @Override
    public void open(Serializable checkpoint) throws IOException {
        params = job.params();
        video = job.video();
        FrameCursor.checkUnchanged(params.video(), video);
        plan = BatchPlan.of(video);
        Range range = range();
        if (range != null) {
            next = checkpoint == null ? range.first() : (Integer) checkpoint;
            last = range.last();
            frames = new FrameCursor(params.video(), video, plan, next, range.last());
            ahead = params.readAhead(Runtime.getRuntime().availableProcessors()) ? ReadAhead.thread("bbva-read-ahead") : null;
        }
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (frames == null || next > last) {
            return null;
        }
        state().at(phase(), plan.batchOf(next), false);   // before a failure to read it can be reported
        if (ahead != null && coming == null) {
            coming = ahead.submit(this::read);   // the first: not in open, before a subclass has made what item needs
        }
        Object item = ahead != null ? ReadAhead.await(coming) : read();
        coming = null;
        if (item == null) {
            return null;
        }
        next += plan.stride();
        if (ahead != null) {
            coming = ahead.submit(this::read);
        }
        return item;
    }

    private Object read() {
        return frames.hasNext() ? item(frames.read()) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return frames == null ? null : next;
    }

    @Override
    protected void closeInput() throws InterruptedException {
        if (frames == null) {
            return;
        }
        try {
            if (coming != null) {
                ReadAhead.await(coming);   // the decoder must not close under it
            }
        } catch (RuntimeException ignored) {
            // a frame read ahead and never handed out: its failure is not this run's
        } finally {
            coming = null;
            if (ahead != null) {
                ahead.shutdown();
            }
            frames.close();
        }
    }
}
