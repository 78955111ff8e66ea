package bbva.batch;

import bbva.AnalysisParameters;
import bbva.detect.Detection;
import bbva.ocr.JerseyCrops;
import bbva.ocr.JerseyReader;
import bbva.store.BatchPlan;
import bbva.store.PlayerStore;
import bbva.store.Status;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of a step "ocr" partition: re-decodes its batch's frames and cuts the jersey crops of the
 * people detected there. It holds the partition's resources: the video, and an OCR engine borrowed
 * from {@link OcrEngines} (the processor takes it from the partition's step context).
 */
@Named("ocrReader")
@Dependent
public class OcrReader extends AbstractItemReader {
    @Inject
    JobContext jobContext;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Inject
    OcrEngines engines;
    @Inject
    @BatchProperty(name = OcrMapper.BATCH)
    String batchIndex;

    private BatchPlan plan;
    private BatchPlan.Span span;
    private FrameSource source;
    private JerseyReader reader;
    private long ocrNanosAtStart;
    private final Map<Integer, List<Detection>> byFrame = new HashMap<>();
    private int nextFrame;

    @Override
    public void open(Serializable checkpoint) {
        int batch = Integer.parseInt(batchIndex);
        if (batch < 0) {
            return;
        }
        AnalysisParameters params = JobParameters.of(jobContext);
        VideoEntity video = JobParameters.video(jobContext, store);
        plan = BatchPlan.of(video);
        span = plan.span(batch);
        players.markOcr(video.id, batch, Status.PROCESSING);
        for (Detection d : store.detections(video.id, span.frameStart(), span.frameEnd())) {
            byFrame.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
        }
        nextFrame = span.frameStart();
        source = FrameSource.open(params.video(), nextFrame);
        // the partitions share the cores
        reader = engines.borrow(Math.max(1, Runtime.getRuntime().availableProcessors() / params.ocrThreads()));
        ocrNanosAtStart = reader.inferenceNanos();
        stepContext.setTransientUserData(reader);
    }

    @Override
    public Object readItem() {
        if (span == null || nextFrame > span.frameEnd()) {
            return null;
        }
        while (source.nextIndex() < nextFrame) {
            source.skip();
        }
        VideoFrame frame = source.next();
        if (frame == null) {
            throw new IllegalStateException("video ended at frame " + nextFrame + " while reading jersey numbers");
        }
        nextFrame += plan.stride();
        return new FrameCrops(frame.index(), JerseyCrops.forFrame(frame, byFrame.getOrDefault(frame.index(), List.of())));
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
        }
        if (reader != null) {
            RunMetrics.addOcr(reader.inferenceNanos() - ocrNanosAtStart);
            engines.release(reader);
        }
    }
}
