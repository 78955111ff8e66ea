package bbva.batch.detect;

import bbva.batch.faults.FaultPoints;
import bbva.BatchPlan;
import bbva.batch.FramesWriter;
import bbva.court.FrameView;
import bbva.detect.Detection;
import bbva.ocr.JerseyPicks;
import bbva.store.BatchCounts;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writer of step "detect": replaces the detections of exactly the frames of its chunk, whatever
 * their number (a stop, skip or retry ends chunks early), and completes the batches whose last
 * frame it holds, with each one's detections and the crops OCR will read in it, in one transaction. A chunk replayed after a crash rewrites the same rows.
 */
@Named("detectWriter")
@Dependent
public class DetectWriter extends FramesWriter {
    private static final Logger LOG = Logger.getLogger(DetectWriter.class.getName());
    /** Crops per person OCR will read, or null when this analysis reads no numbers. */
    private Integer ocrCrops;

    @Override
    public void open(Serializable checkpoint) {
        super.open(checkpoint);
        var params = job.params();
        ocrCrops = params.ocrEnabled() ? params.ocrCrops() : null;
    }

    @Override
    protected int frameOf(Object item) {
        return ((DetectedFrame) item).frame();
    }

    @Override
    protected void write(int first, int last, List<Object> items) {
        List<Detection> detections = new ArrayList<>();
        List<FrameView> views = new ArrayList<>();
        for (Object item : items) {
            detections.addAll(((DetectedFrame) item).detections());
            views.add(((DetectedFrame) item).view());
        }
        store.writeDetections(videoId, execution, plan, first, last, detections, views, completed(first, last, detections));
        DetectionRuns.signal();
        LOG.info(() -> "detect: frames " + first + "-" + last + " stored with " + detections.size() + " detections (batch "
                + plan.batchOf(first) + (plan.batchOf(last) != plan.batchOf(first) ? "-" + plan.batchOf(last) : "") + ")");
        FaultPoints.reach("detect.committed." + plan.batchOf(last));
    }

    /**
     * The batches this chunk completes, each with its detections and the crops OCR will read in it
     * (none without OCR); part of a batch may have been stored by an earlier chunk.
     */
    private Map<Integer, BatchCounts> completed(int first, int last, List<Detection> detections) {
        Map<Integer, BatchCounts> out = new HashMap<>();
        for (int b = plan.batchOf(first); b <= plan.batchOf(last); b++) {
            BatchPlan.Span span = plan.span(b);
            if (span.frameEnd() > last) {
                continue;
            }
            List<Detection> batch = new ArrayList<>();
            if (span.frameStart() < first) {
                batch.addAll(store.detections(videoId, span.frameStart(), first - 1));
            }
            detections.stream().filter(d -> d.frame() >= span.frameStart() && d.frame() <= span.frameEnd()).forEach(batch::add);
            out.put(b, new BatchCounts(batch.size(),
                    ocrCrops != null ? JerseyPicks.cropsToRead(batch, video.width, video.height, ocrCrops) : null));
        }
        return out;
    }
}
