package bbva.teams;

import java.util.List;
import java.util.Map;

/** The teams of one video and each track's team (absent: "other", a referee or an outlier). */
public record TeamAssignment(List<Team> teams, Map<Integer, Integer> teamOfTrack) {
}
