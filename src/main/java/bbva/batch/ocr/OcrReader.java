package bbva.batch.ocr;

import bbva.batch.JobParameters;
import bbva.batch.StepReader;
import bbva.batch.ocr.OcrCursor;
import bbva.batch.ocr.OcrMapper;
import bbva.store.Batch;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Optional;

/**
 * Reader of a step "ocr" partition: the batches of its range whose OCR is still to do (what step
 * "ocrFollow" or an earlier execution read is skipped), lowest first, each re-decoded with the crops
 * to read in its frames, one item per batch. As soon as it hands out a batch it starts the next, which
 * is decoded on a thread of its own while the model reads the one handed out, unless the partitions'
 * engines of one thread each fill the cores. Checkpoint = the next frame (a batch's first, but after a
 * restart from an older checkpoint, which may be mid-batch).
 */
@Named("ocrReader")
@Dependent
public class OcrReader extends StepReader {
    @Inject
    JobParameters job;
    @Inject
    Store store;
    @Inject
    @BatchProperty(name = OcrMapper.FIRST_BATCH)
    String firstBatch;
    @Inject
    @BatchProperty(name = OcrMapper.LAST_BATCH)
    String lastBatch;

    private VideoEntity video;
    private OcrCursor cursor;
    private Integer resumeAt;
    private int from;
    private int to;

    @Override
    public void open(Serializable checkpoint) throws IOException {
        video = job.video();
        // one partition per core fills the cores with engines of one thread; fewer leave time for decoding beside the model
        cursor = new OcrCursor(store, job.params(), video, Runtime.getRuntime().availableProcessors() > job.params().ocrThreads());
        from = Integer.parseInt(firstBatch);
        to = Integer.parseInt(lastBatch);
        resumeAt = (Integer) checkpoint;
        if (resumeAt != null) {
            from = Math.max(from, cursor.plan().batchOf(resumeAt));
        }
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (!cursor.hasNext() && !startNext()) {
            return null;
        }
        BatchCrops crops = cursor.read(state());
        startNext();   // read ahead while the model reads this one
        return crops;
    }

    /** Starts the range's next batch to read, if any. */
    private boolean startNext() {
        Optional<Batch> next = store.firstToRead(video.id, from, to);
        if (next.isEmpty()) {
            return false;
        }
        cursor.start(next.get().index(), resumeAt);
        resumeAt = null;
        from = next.get().index() + 1;
        return true;
    }

    @Override
    public Serializable checkpointInfo() {
        Integer next = cursor.next();
        return next == null ? resumeAt : next;
    }

    @Override
    protected void closeInput() {
        if (cursor != null) {
            cursor.close();
        }
    }
}
