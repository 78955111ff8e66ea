package bbva.batch;

import bbva.BatchPlan;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * A writer of one item per analyzed frame (or per range of them): it hands its subclass the chunk's frame range, whatever
 * the chunk's length (a chunk is not a batch), with the video, its batch plan and this execution, which
 * must hold the video's rows to write them (a partition that reaches an executor after a restart took
 * them over fails at once).
 */
public abstract class FramesWriter extends AbstractItemWriter {
    @Inject
    protected JobParameters job;

    @Inject
    protected Store store;

    protected VideoEntity video;
    protected long videoId;
    protected long execution;
    protected BatchPlan plan;

    @Override
    public void open(Serializable checkpoint) {
        video = job.video();
        videoId = video.id;
        execution = job.execution();
        plan = BatchPlan.of(video);
        store.requireHolder(video, execution);
    }

    @Override
    public void writeItems(List<Object> items) {
        write(frameOf(items.get(0)), lastFrameOf(items.get(items.size() - 1)), items);
    }

    /** The (first) analyzed frame of an item. */
    protected abstract int frameOf(Object item);

    /** The last analyzed frame of an item that holds several. */
    protected int lastFrameOf(Object item) {
        return frameOf(item);
    }

    /** Stores the items of analyzed frames [first, last], and what that completes, in one transaction. */
    protected abstract void write(int first, int last, List<Object> items);
}
