package bbva.store;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Clob;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of tracker_states. A chunk of step "track" saves the state it ends with in the
 * transaction of its track ids; the checkpoint then names only that frame. Two states are kept: the
 * one the chunk started from (still the checkpoint's until the runtime saves the new one, and what
 * a replay after a kill in between starts from) and the new one. Any other is deleted, so the table
 * holds two rows per video whatever its length, and a replayed or shortened chunk replaces its own.
 */
final class TrackerStates {
    private TrackerStates() {
    }

    static void save(EntityManager em, long videoId, int startedAfter, TrackerSnapshot next) {
        em.createNativeQuery("DELETE FROM tracker_states WHERE video_id = ? AND after_frame <> ?")
                .setParameter(1, videoId).setParameter(2, startedAfter).executeUpdate();
        em.createNativeQuery("INSERT INTO tracker_states (video_id, after_frame, format, state) VALUES (?, ?, ?, ?)")
                .setParameter(1, videoId).setParameter(2, next.afterFrame()).setParameter(3, next.format())
                .setParameter(4, next.text()).executeUpdate();
    }

    static Optional<TrackerSnapshot> load(EntityManager em, long videoId, int afterFrame) {
        List<?> rows = em.createNativeQuery("SELECT format, state FROM tracker_states WHERE video_id = ? AND after_frame = ?")
                .setParameter(1, videoId).setParameter(2, afterFrame).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new TrackerSnapshot(afterFrame, ((Number) row[0]).intValue(), text(row[1]));
        });
    }

    static void clear(EntityManager em, long videoId) {
        em.createNativeQuery("DELETE FROM tracker_states WHERE video_id = ?").setParameter(1, videoId).executeUpdate();
    }

    /** Derby gives a CLOB, PostgreSQL a String. */
    private static String text(Object value) {
        if (value instanceof Clob clob) {
            try (Reader in = clob.getCharacterStream()) {
                StringBuilder out = new StringBuilder();
                char[] buf = new char[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.append(buf, 0, n);
                }
                return out.toString();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read a stored tracking state", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return value.toString();
    }
}
