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

/** Processor of steps "ocr" and "ocrFollow": reads the crops of the rest of a batch together. */
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
        BatchCrops batch = (BatchCrops) item;
        for (int frame = batch.first(); frame <= batch.last(); frame++) {
            FaultPoints.reach("ocr.frame." + frame);
        }
        List<JerseyCrops.Crop> crops = batch.crops();
        JerseyReader reader = engines.forStep(StepState.of(stepContext), threads(), RunMetrics.of(jobContext.getExecutionId()));
        List<JerseyReading> readings = reader.read(crops.stream().map(JerseyCrops.Crop::image).toList());
        Map<Detection, JerseyReading> out = new LinkedHashMap<>();
        for (int i = 0; i < crops.size(); i++) {
            JerseyReading kept = crops.get(i).look().kept(readings.get(i));
            if (kept != null) {
                out.put(crops.get(i).person(), kept);
            }
        }
        return new BatchReadings(batch.first(), batch.last(), out, reader.engine());
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
