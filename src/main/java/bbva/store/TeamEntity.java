package bbva.store;

import bbva.teams.Team;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A team of one video: its kit colour (CIE Lab) and how many boxes and tracks it has. */
@Entity
@Table(name = "teams")
@IdClass(TeamEntity.Key.class)
public class TeamEntity {
    /** The composite primary key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public long videoId;
        public int teamId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.videoId == videoId && k.teamId == teamId;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(videoId) * 31 + teamId;
        }
    }

    @Id
    @Column(name = "video_id")
    public long videoId;
    @Id
    @Column(name = "team_id")
    public int teamId;
    @Column(name = "color_l")
    public float l;
    @Column(name = "color_a")
    public float a;
    @Column(name = "color_b")
    public float b;
    public int detections;
    public int tracks;

    static TeamEntity of(long videoId, Team t) {
        TeamEntity e = new TeamEntity();
        e.videoId = videoId;
        e.teamId = t.id();
        e.l = t.l();
        e.a = t.a();
        e.b = t.b();
        e.detections = t.detections();
        e.tracks = t.tracks();
        return e;
    }

    Team toTeam() {
        return new Team(teamId, l, a, b, detections, tracks);
    }
}
