package bbva.export;

import bbva.colour.Lab;
import bbva.teams.Team;
import java.math.BigDecimal;
import java.util.Locale;

/** A team as exported: its kit colour as sRGB hex and in CIE Lab (1 decimal), with its boxes and tracks. */
public record TeamRow(int team, String color, BigDecimal l, BigDecimal a, BigDecimal b, int detections, int tracks) {
    public static TeamRow of(Team t) {
        int[] rgb = Lab.toSrgb(t.l(), t.a(), t.b());
        return new TeamRow(t.id(), String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]), Fixed.of(t.l(), 1),
                Fixed.of(t.a(), 1), Fixed.of(t.b(), 1), t.detections(), t.tracks());
    }
}
