package bbva.store;

import bbva.identify.Player;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One tracked person and the jersey number its readings voted for (null: none read). */
@Entity
@Table(name = "players")
public class PlayerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "video_id")
    public long videoId;
    @Column(name = "track_id")
    public int trackId;
    @Column(name = "jersey_number")
    public String number;
    public float confidence;
    /** Readings that voted for the number. */
    public int votes;
    /** All readings of the track, with or without a number. */
    public int readings;
    @Column(name = "frames_seen")
    public int framesSeen;
    @Column(name = "first_frame")
    public int firstFrame;
    @Column(name = "last_frame")
    public int lastFrame;
    @Column(name = "short_track")
    public boolean shortTrack;
    @Column(name = "team_id")
    public Integer team;

    static PlayerEntity of(long videoId, Player p) {
        PlayerEntity e = new PlayerEntity();
        e.videoId = videoId;
        e.trackId = p.trackId();
        e.number = p.number();
        e.confidence = p.confidence();
        e.votes = p.votes();
        e.readings = p.readings();
        e.framesSeen = p.framesSeen();
        e.firstFrame = p.firstFrame();
        e.lastFrame = p.lastFrame();
        e.shortTrack = p.shortTrack();
        e.team = p.team();
        return e;
    }

    Player toPlayer() {
        return new Player(trackId, number, confidence, votes, readings, framesSeen, firstFrame, lastFrame, shortTrack, team);
    }
}
