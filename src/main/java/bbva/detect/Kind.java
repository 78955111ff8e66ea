package bbva.detect;

import java.util.Locale;
import java.util.Set;

/**
 * What a detected box is, decided once from the label any model gives it (COCO's "person" and
 * "sports ball", a basketball model's "player", "referee", "ball", "number"...): every step asks
 * this, never the label.
 */
public enum Kind {
    /** A person of unknown role (COCO models): tracked, given a team by kit, read. */
    PERSON,
    /** A player (basketball models): as a person. */
    PLAYER,
    /** A referee: tracked, never in a team, never a player. */
    REFEREE,
    BALL,
    /** A jersey-number box (basketball models): read inside the person it lies in. */
    NUMBER,
    OTHER;

    private static final Set<String> PERSONS = Set.of("person", "people", "man", "woman");
    private static final Set<String> PLAYERS = Set.of("player", "players", "basketball player", "athlete");
    private static final Set<String> REFEREES = Set.of("referee", "ref", "official", "umpire");
    private static final Set<String> BALLS = Set.of("sports ball", "ball", "basketball");
    private static final Set<String> NUMBERS = Set.of("number", "jersey number", "jersey-number", "jersey_number");

    public static Kind of(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (PERSONS.contains(l)) {
            return PERSON;
        }
        if (PLAYERS.contains(l)) {
            return PLAYER;
        }
        if (REFEREES.contains(l)) {
            return REFEREE;
        }
        if (BALLS.contains(l)) {
            return BALL;
        }
        return NUMBERS.contains(l) ? NUMBER : OTHER;
    }

    /** The labels (lower case) of people, as {@link #of} knows them. */
    public static Set<String> humanLabels() {
        Set<String> all = new java.util.TreeSet<>(PERSONS);
        all.addAll(PLAYERS);
        all.addAll(REFEREES);
        return all;
    }

    /** Someone on the picture: a person, player or referee. */
    public boolean human() {
        return this == PERSON || this == PLAYER || this == REFEREE;
    }
}
