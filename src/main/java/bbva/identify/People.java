package bbva.identify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Players (one per track) joined into people: one per (team, number), the rest one per track. Derived on read, never stored. */
public final class People {
    private People() {
    }

    /** Identified people by team then number, then the unidentified tracks by track id. */
    public static List<Person> of(List<Player> players) {
        Map<String, List<Player>> byIdentity = new TreeMap<>();
        List<Person> out = new ArrayList<>();
        List<Person> unidentified = new ArrayList<>();
        for (Player p : players.stream().sorted(Comparator.comparingInt(Player::trackId)).toList()) {
            if (p.team() != null && p.number() != null && !p.shortTrack()) {
                byIdentity.computeIfAbsent(String.format("%03d/%3s", p.team(), p.number()), k -> new ArrayList<>()).add(p);
            } else {
                unidentified.add(join(List.of(p), false));
            }
        }
        byIdentity.values().forEach(tracks -> out.add(join(tracks, true)));
        out.addAll(unidentified);
        return out;
    }

    private static Person join(List<Player> tracks, boolean identified) {
        int frames = tracks.stream().mapToInt(Player::framesSeen).sum();
        double weighted = tracks.stream().mapToDouble(p -> (double) p.confidence() * p.framesSeen()).sum();
        Player first = tracks.get(0);
        return new Person(first.team(), first.number(), identified, tracks.stream().map(Player::trackId).toList(), frames,
                tracks.stream().mapToInt(Player::firstFrame).min().orElseThrow(),
                tracks.stream().mapToInt(Player::lastFrame).max().orElseThrow(), frames == 0 ? 0f : (float) (weighted / frames));
    }
}
