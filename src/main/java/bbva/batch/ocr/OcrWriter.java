package bbva.batch.ocr;

import bbva.batch.faults.FaultPoints;
import bbva.batch.FramesWriter;
import bbva.detect.Detection;
import bbva.ocr.JerseyReading;
import bbva.store.PlayerStore;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
public class OcrWriter extends FramesWriter {
    private static final Logger LOG = Logger.getLogger(OcrWriter.class.getName());

    @Inject
    PlayerStore players;

    @Override
    protected int frameOf(Object item) {
        return ((BatchReadings) item).first();
    }

    @Override
    protected int lastFrameOf(Object item) {
        return ((BatchReadings) item).last();
    }

    @Override
    protected void write(int first, int last, List<Object> items) {
        Map<Detection, JerseyReading> all = new LinkedHashMap<>();
        for (Object item : items) {
            all.putAll(((BatchReadings) item).readings());
        }
        String engine = ((BatchReadings) items.get(0)).engine();
        players.writeReadings(videoId, execution, plan, first, last, all, engine);
        LOG.info(() -> "ocr: frames " + first + "-" + last + " read, " + all.size() + " person detections (batch "
                + plan.batchOf(first) + ")");
        FaultPoints.reach("ocr.committed." + plan.batchOf(last));
    }
}
