package bbva.teams;

import java.util.Map;

/** The teams of one video and each track's team (absent: "other", a referee or an outlier). */
public record TeamAssignment(java.util.List<Team> teams, Map<Integer, Integer> teamOfTrack) {
}
