package bbva.export;

import bbva.identify.Player;
import java.math.BigDecimal;

/** A player as the export and the REST API show it: confidence to 4 decimals. */
public record PlayerRow(int trackId, String number, BigDecimal confidence, int votes, int readings, int framesSeen,
                        int firstFrame, int lastFrame, boolean shortTrack, Integer team) {
    public static PlayerRow of(Player p) {
        return new PlayerRow(p.trackId(), p.number(), Fixed.of(p.confidence(), 4), p.votes(), p.readings(), p.framesSeen(),
                p.firstFrame(), p.lastFrame(), p.shortTrack(), p.team());
    }
}
