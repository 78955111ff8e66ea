package bbva.batch;

import bbva.store.BatchPlan;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * A writer of one item per analyzed frame: it hands its subclass the chunk's frame range, whatever
 * the chunk's length (a chunk is not a batch), with the video and its batch plan.
 */
abstract class FramesWriter extends AbstractItemWriter {
    @Inject
    JobParameters job;

    protected long videoId;
    protected BatchPlan plan;

    @Override
    public void open(Serializable checkpoint) {
        var video = job.video();
        videoId = video.id;
        plan = BatchPlan.of(video);
    }

    @Override
    public void writeItems(List<Object> items) {
        write(frameOf(items.get(0)), frameOf(items.get(items.size() - 1)), items);
    }

    protected abstract int frameOf(Object item);

    /** Stores the items of analyzed frames [first, last], and what that completes, in one transaction. */
    protected abstract void write(int first, int last, List<Object> items);
}
