package bbva.export;

import bbva.identify.Person;
import java.math.BigDecimal;
import java.util.List;

/** A person as exported: confidence to 4 decimals; in CSV the tracks are one cell, separated by ';'. */
public record PersonRow(Integer team, String number, boolean identified, List<Integer> tracks, int framesSeen, int firstFrame,
                        int lastFrame, BigDecimal confidence) {
    public static PersonRow of(Person p) {
        return new PersonRow(p.team(), p.number(), p.identified(), p.tracks(), p.framesSeen(), p.firstFrame(), p.lastFrame(),
                Fixed.of(p.confidence(), 4));
    }
}
