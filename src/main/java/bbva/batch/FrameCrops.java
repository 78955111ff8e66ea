package bbva.batch;

import bbva.ocr.JerseyCrops;
import java.util.List;

/** Item of step "ocr": one analyzed frame's jersey crops (possibly none). */
record FrameCrops(int frame, List<JerseyCrops.Crop> crops) {
}
