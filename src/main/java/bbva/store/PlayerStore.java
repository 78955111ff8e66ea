package bbva.store;

import bbva.BatchPlan;
import bbva.detect.Detection;
import bbva.identify.Player;
import bbva.ocr.OcrReading;
import bbva.ocr.JerseyReading;
import bbva.teams.Team;
import bbva.teams.TeamAssignment;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Map;

/** OCR readings and players. Writes are single, idempotent transactions like {@link Store}'s. */
public class PlayerStore {
    private final Jpa jpa;

    public PlayerStore(EntityManagerFactory emf) {
        this.jpa = new Jpa(emf);
    }

    /**
     * Replaces the readings of the analyzed frames [first, last] (any run of them) and records what
     * that completes of the batches' OCR, in one transaction.
     */
    public void writeReadings(long videoId, long execution, BatchPlan plan, int first, int last,
                              Map<Detection, JerseyReading> readings, String engine) {
        jpa.inTransaction(em -> {
            VideoOwnership.requireHolder(em, videoId, execution);
            em.createQuery("DELETE FROM OcrReadingEntity r WHERE r.videoId = :v AND r.frame BETWEEN :a AND :b")
                    .setParameter("v", videoId).setParameter("a", first).setParameter("b", last).executeUpdate();
            readings.forEach((d, reading) -> {
                OcrReadingEntity e = new OcrReadingEntity();
                e.videoId = videoId;
                e.frame = d.frame();
                e.index = d.index();
                e.number = reading.number();
                e.confidence = reading.confidence();
                e.engine = engine;
                em.persist(e);
            });
            BatchRepository.written(em, videoId, execution, plan, Phase.OCR, first, last);
            return null;
        });
    }

    /** The readings of frames [from, to], in frame and rank order. */
    public List<OcrReading> readings(long videoId, int from, int to) {
        return jpa.read(em -> em.createQuery("SELECT r FROM OcrReadingEntity r WHERE r.videoId = :v AND r.frame BETWEEN :a AND :b "
                        + "ORDER BY r.frame, r.index", OcrReadingEntity.class).setParameter("v", videoId)
                .setParameter("a", from).setParameter("b", to).getResultStream().map(OcrReadingEntity::toReading).toList());
    }

    /** Replaces the video's teams and its tracks' teams, in one transaction. */
    public void replaceTeams(long videoId, long execution, TeamAssignment assignment) {
        jpa.inTransaction(em -> {
            VideoOwnership.requireHolder(em, videoId, execution);
            em.createQuery("DELETE FROM TeamEntity t WHERE t.videoId = :v").setParameter("v", videoId).executeUpdate();
            em.createNativeQuery("DELETE FROM track_teams WHERE video_id = ?").setParameter(1, videoId).executeUpdate();
            assignment.teams().forEach(t -> em.persist(TeamEntity.of(videoId, t)));
            assignment.teamOfTrack().forEach((track, team) -> em.createNativeQuery(
                    "INSERT INTO track_teams (video_id, track_id, team_id) VALUES (?, ?, ?)")
                    .setParameter(1, videoId).setParameter(2, track).setParameter(3, team).executeUpdate());
            return null;
        });
    }

    public List<Team> teams(long videoId) {
        return jpa.read(em -> em.createQuery("SELECT t FROM TeamEntity t WHERE t.videoId = :v ORDER BY t.teamId",
                TeamEntity.class).setParameter("v", videoId).getResultStream().map(TeamEntity::toTeam).toList());
    }

    /** Track id -> team id; tracks of no team are absent. */
    public Map<Integer, Integer> teamOfTrack(long videoId) {
        return jpa.read(em -> {
            Map<Integer, Integer> out = new java.util.TreeMap<>();
            for (Object row : em.createNativeQuery("SELECT track_id, team_id FROM track_teams WHERE video_id = ?")
                    .setParameter(1, videoId).getResultList()) {
                Object[] r = (Object[]) row;
                out.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
            }
            return out;
        });
    }

    public void replacePlayers(long videoId, long execution, List<Player> players) {
        jpa.inTransaction(em -> {
            VideoOwnership.requireHolder(em, videoId, execution);
            em.createQuery("DELETE FROM PlayerEntity p WHERE p.videoId = :v").setParameter("v", videoId).executeUpdate();
            players.forEach(p -> em.persist(PlayerEntity.of(videoId, p)));
            return null;
        });
    }

    public List<Player> players(long videoId) {
        return jpa.read(em -> em.createQuery("SELECT p FROM PlayerEntity p WHERE p.videoId = :v ORDER BY p.trackId",
                PlayerEntity.class).setParameter("v", videoId).getResultStream().map(PlayerEntity::toPlayer).toList());
    }
}
