package bbva.batch;

import bbva.AnalysisParameters;
import bbva.detect.Detector;
import bbva.detect.DetectorFactory;
import bbva.BatchPlan;
import bbva.batch.faults.FaultPoints;
import bbva.store.Store;
import bbva.video.VideoInfo;
import bbva.video.VideoProbe;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Step "prepare": validate video, model and parameters, then record the video and plan its batches. */
@Named("prepare")
@Dependent
public class Prepare extends AbstractBatchlet {
    @Inject
    JobParameters job;
    @Inject
    Store store;

    private volatile boolean stopRequested;

    @Override
    public String process() {
        AnalysisParameters params = job.params();
        FaultPoints.reach("prepare.probing");
        var probed = VideoProbe.probe(params.video(), () -> stopRequested);
        if (probed.isEmpty()) {
            return BatchStatus.STOPPED.name();
        }
        VideoInfo info = probed.get();
        String detector;
        try (Detector d = DetectorFactory.forFrames(params, info.width(), info.height())) {
            detector = d.describe();
        }
        int frames = params.maxFrames() > 0 ? Math.min(params.maxFrames(), info.frameCount()) : info.frameCount();
        BatchPlan plan = new BatchPlan(frames, params.frameStride(), params.batchSizeFrames());
        FaultPoints.reach("prepare.planning");
        store.planAnalysis(info, params, detector, plan, params.ocrEnabled(), job.owner());
        FaultPoints.reach("prepare.planned");
        return BatchStatus.COMPLETED.name();
    }

    /** A stop ends the full decode early; nothing is planned, and a restart prepares again. */
    @Override
    public void stop() {
        stopRequested = true;
    }
}
