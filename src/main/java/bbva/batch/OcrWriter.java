package bbva.batch;

import bbva.detect.Detection;
import bbva.ocr.JerseyReader;
import bbva.ocr.JerseyReading;
import bbva.store.BatchPlan;
import bbva.store.PlayerStore;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writer of a step "ocr" partition: replaces the readings of exactly the frames of its chunk, however
 * many, and completes the batch's OCR when the chunk holds its last frame, in one transaction.
 */
@Named("ocrWriter")
@Dependent
public class OcrWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(OcrWriter.class.getName());

    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;
    @Inject
    PlayerStore players;

    private long videoId;
    private BatchPlan plan;

    @Override
    public void open(Serializable checkpoint) {
        var video = job.video();
        videoId = video.id;
        plan = BatchPlan.of(video);
    }

    @Override
    public void writeItems(List<Object> items) {
        Map<Detection, JerseyReading> all = new LinkedHashMap<>();
        for (Object item : items) {
            all.putAll(((FrameReadings) item).readings());
        }
        int first = ((FrameReadings) items.get(0)).frame();
        int last = ((FrameReadings) items.get(items.size() - 1)).frame();
        String engine = StepResources.of(stepContext).require(JerseyReader.class).engine();
        players.writeReadings(videoId, plan, first, last, all, engine);
        LOG.info(() -> "ocr: frames " + first + "-" + last + " read, " + all.size() + " person detections (batch "
                + plan.batchOf(first) + ")");
        FaultPoints.reach("ocr.committed." + plan.batchOf(last));
    }
}
