package bbva.export;

import bbva.ocr.OcrReading;
import java.math.BigDecimal;

/** A jersey reading as exported: confidence to 4 decimals. */
public record ReadingRow(int frame, int index, String number, BigDecimal confidence, String engine) {
    public static ReadingRow of(OcrReading r) {
        return new ReadingRow(r.frame(), r.index(), r.number(), Fixed.of(r.confidence(), 4), r.engine());
    }
}
