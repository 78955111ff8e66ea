package bbva.batch.ocr;

import bbva.AnalysisParameters;
import bbva.batch.faults.FaultPoints;
import bbva.batch.JobParameters;
import bbva.batch.RunMetrics;
import bbva.batch.StepState;
import bbva.batch.ocr.OcrEngines;
import bbva.batch.ocr.OcrFollowReader;
import bbva.detect.Detection;
import bbva.ocr.JerseyCrops;
import bbva.ocr.JerseyReader;
import bbva.ocr.JerseyReading;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Processor of steps "ocr" and "ocrFollow": reads all of a frame's crops in one engine call. */
@Named("ocrProcessor")
@Dependent
public class OcrProcessor implements ItemProcessor {
    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;
    @Inject
    JobContext jobContext;
    @Inject
    OcrEngines engines;

    @Override
    public Object processItem(Object item) {
        FrameCrops frame = (FrameCrops) item;
        FaultPoints.reach("ocr.frame." + frame.frame());
        List<JerseyCrops.Crop> crops = frame.crops();
        JerseyReader reader = engines.forStep(StepState.of(stepContext), threads(), RunMetrics.of(jobContext.getExecutionId()));
        List<JerseyReading> readings = reader.read(crops.stream().map(JerseyCrops.Crop::image).toList());
        Map<Detection, JerseyReading> out = new LinkedHashMap<>();
        for (int i = 0; i < crops.size(); i++) {
            out.put(crops.get(i).person(), readings.get(i));
        }
        return new FrameReadings(frame.frame(), out, reader.engine());
    }

    /**
     * Step "ocrFollow" runs beside detection and gets the cores detection leaves (at least one): more
     * threads would only contend with the detector's. The "ocr" partitions share all the cores.
     */
    private int threads() {
        int cores = Runtime.getRuntime().availableProcessors();
        AnalysisParameters params = job.params();
        return OcrFollowReader.STEP.equals(stepContext.getStepName())
                ? Math.max(1, cores - params.threads()) : Math.max(1, cores / params.ocrThreads());
    }
}
