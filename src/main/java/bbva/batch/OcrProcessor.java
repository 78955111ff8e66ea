package bbva.batch;

import bbva.detect.Detection;
import bbva.ocr.JerseyCrops;
import bbva.ocr.JerseyReader;
import bbva.ocr.JerseyReading;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Processor of step "ocr": reads all of a frame's crops in one engine call. */
@Named("ocrProcessor")
@Dependent
public class OcrProcessor implements ItemProcessor {
    @Inject
    StepContext stepContext;

    @Override
    public Object processItem(Object item) {
        List<JerseyCrops.Crop> crops = ((FrameCrops) item).crops();
        JerseyReader reader = (JerseyReader) stepContext.getTransientUserData();
        List<JerseyReading> readings = reader.read(crops.stream().map(JerseyCrops.Crop::image).toList());
        Map<Detection, JerseyReading> out = new LinkedHashMap<>();
        for (int i = 0; i < crops.size(); i++) {
            out.put(crops.get(i).person(), readings.get(i));
        }
        return out;
    }
}
