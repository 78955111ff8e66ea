package bbva.batch;

import bbva.detect.Detection;
import bbva.ocr.JerseyReader;
import bbva.ocr.JerseyReading;
import bbva.store.BatchPlan;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writer of a step "ocr" partition: a chunk is the whole batch (item-count = batch size), so it
 * replaces the batch's readings and completes its OCR in one transaction.
 */
@Named("ocrWriter")
@Dependent
public class OcrWriter extends AbstractItemWriter {
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Inject
    @BatchProperty(name = OcrMapper.BATCH)
    String batchIndex;

    private long videoId;
    private BatchPlan.Span span;

    @Override
    public void open(Serializable checkpoint) {
        VideoEntity video = JobParameters.video(jobContext, store);
        videoId = video.id;
        int batch = Integer.parseInt(batchIndex);
        span = batch < 0 ? null : BatchPlan.of(video).span(batch);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        Map<Detection, JerseyReading> all = new LinkedHashMap<>();
        for (Object item : items) {
            all.putAll((Map<Detection, JerseyReading>) item);
        }
        String engine = ((JerseyReader) stepContext.getTransientUserData()).engine();
        players.writeReadings(videoId, span.index(), span.frameStart(), span.frameEnd(), all, engine);
        FaultPoints.reach("ocr.committed." + span.index());
    }
}
