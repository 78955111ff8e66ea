package bbva.batch;

import bbva.detect.Detection;
import bbva.store.BatchPlan;
import bbva.store.Phase;
import bbva.store.Store;
import bbva.video.VideoFrame;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Reader of a step "ocr" partition: re-decodes its batch's frames and cuts the jersey crops of the
 * people detected there.
 */
@Named("ocrReader")
@Dependent
public class OcrReader extends FrameReader {
    @Inject
    Store store;
    @Inject
    @BatchProperty(name = OcrMapper.BATCH)
    String batchIndex;

    private Map<Integer, List<Detection>> byFrame = Map.of();

    @Override
    public void open(Serializable checkpoint) throws IOException {
        super.open(checkpoint);
        BatchPlan.Span span = span();
        if (span != null) {
            byFrame = FrameCrops.detectionsByFrame(store, video, span, params.ocrCrops());
        }
    }

    private BatchPlan.Span span() {
        int batch = Integer.parseInt(batchIndex);
        return batch < 0 ? null : plan.span(batch);
    }

    @Override
    protected Range range() {
        BatchPlan.Span span = span();
        return span == null ? null : new Range(span.frameStart(), span.frameEnd());
    }

    @Override
    protected Phase phase() {
        return Phase.OCR;
    }

    @Override
    protected Object item(VideoFrame frame) {
        return FrameCrops.of(frame, byFrame);
    }
}
