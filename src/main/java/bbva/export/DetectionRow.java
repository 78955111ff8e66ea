package bbva.export;

import bbva.detect.Detection;
import java.math.BigDecimal;

/** A detection as exported: score to 4 decimals, box to 2. */
public record DetectionRow(int frame, int index, int classId, String label, BigDecimal score, BigDecimal x1, BigDecimal y1,
                           BigDecimal x2, BigDecimal y2, Integer trackId, boolean offCourt) {
    public static DetectionRow of(Detection d) {
        return new DetectionRow(d.frame(), d.index(), d.classId(), d.label(), Fixed.of(d.score(), 4), Fixed.of(d.x1(), 2),
                Fixed.of(d.y1(), 2), Fixed.of(d.x2(), 2), Fixed.of(d.y2(), 2), d.trackId(), d.offCourt());
    }
}
