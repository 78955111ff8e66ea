package bbva.cli;

import bbva.identify.People;
import bbva.identify.Person;
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
        out.printf("  %-6s %-5s %-7s %-11s %-12s %-9s %-9s%n", "TRACK", "TEAM", "NUMBER", "CONFIDENCE", "FRAMES SEEN", "FIRST",
                "LAST");
        for (Player p : players) {
            out.printf(Locale.ROOT, "  %-6d %-5s %-7s %-11.2f %-12d %-9s %-9s%s%n", p.trackId(), p.team() == null ? "-" : p.team(),
                    p.number() == null ? "-" : p.number(),
                    p.confidence(), p.framesSeen(), time(p.firstFrame(), v.fps), time(p.lastFrame(), v.fps),
                    p.shortTrack() ? " (short track)" : "");
        }
    }

    /** People: all tracks of one (team, number) together; tracks of unknown team or number stay alone. */
    static void printPeople(PrintStream out, VideoEntity v, List<Player> players) {
        List<Person> people = People.of(players);
        out.println();
        out.println("People (" + people.stream().filter(Person::identified).count() + " by team and number, "
                + people.stream().filter(p -> !p.identified()).count() + " tracks unidentified):");
        out.printf("  %-5s %-7s %-16s %-12s %-9s %-9s %s%n", "TEAM", "NUMBER", "TRACKS", "FRAMES SEEN", "FIRST", "LAST",
                "CONFIDENCE");
        for (Person p : people) {
            String tracks = p.tracks().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            out.printf(Locale.ROOT, "  %-5s %-7s %-16s %-12d %-9s %-9s %.2f%n", p.team() == null ? "-" : p.team(),
                    p.number() == null ? "-" : p.number(), tracks, p.framesSeen(), time(p.firstFrame(), v.fps),
                    time(p.lastFrame(), v.fps), p.confidence());
        }
    }

    static String time(int frame, double fps) {
        double s = fps > 0 ? frame / fps : 0;
        return bbva.render.Clock.of(s, 1);
    }
}
