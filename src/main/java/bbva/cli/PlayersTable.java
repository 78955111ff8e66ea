package bbva.cli;

import bbva.identify.Player;
import bbva.store.VideoEntity;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The players table printed at the end of an analysis. */
final class PlayersTable {
    private PlayersTable() {
    }

    static void print(PrintStream out, VideoEntity v, List<Player> players) {
        out.println();
        out.println("Players (" + players.size() + " tracks):");
        out.printf("  %-6s %-7s %-11s %-12s %-9s %-9s%n", "TRACK", "NUMBER", "CONFIDENCE", "FRAMES SEEN", "FIRST", "LAST");
        for (Player p : players) {
            out.printf(Locale.ROOT, "  %-6d %-7s %-11.2f %-12d %-9s %-9s%s%n", p.trackId(), p.number() == null ? "-" : p.number(),
                    p.confidence(), p.framesSeen(), time(p.firstFrame(), v.fps), time(p.lastFrame(), v.fps),
                    p.shortTrack() ? " (short track)" : "");
        }
    }

    static String time(int frame, double fps) {
        double s = fps > 0 ? frame / fps : 0;
        return String.format(Locale.ROOT, "%d:%04.1f", (int) (s / 60), s % 60);
    }
}
