package bbva.store;

import bbva.AnalysisException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One analysis of a video at a time: a videos row names the job instance whose results it holds and
 * its latest execution. Another instance takes the row over only when that execution is not running,
 * and only on purpose (job parameter replace=true), since taking over replaces the results.
 * <p>
 * Only the execution the row names writes the video's rows: every write transaction first checks it
 * with the row locked ({@link #requireHolder(EntityManager, long, long)}). A partition queued for an execution that
 * then failed can still reach an executor after a restart took the row over (Liberty runs a queued
 * partition when it takes the message while its execution is the newest), so it must not store
 * anything then: were it to complete, the restart's copy of that partition would find it complete and
 * Liberty would report that copy FAILED.
 */
final class VideoOwnership {
    private VideoOwnership() {
    }

    /** The video's row, locked for this transaction, so two executions cannot both take it over. */
    static Optional<VideoEntity> locked(EntityManager em, String path) {
        return em.createQuery("SELECT v FROM VideoEntity v WHERE v.path = :p", VideoEntity.class)
                .setParameter("p", path).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    static void takeOver(VideoEntity v, JobOwner owner) {
        boolean other = v.jobInstance != null && v.jobInstance != owner.instance();
        if (other && v.jobExecution != null && owner.running().running(v.jobExecution)) {
            throw busy(v.path, v.jobInstance);
        }
        if (other && !owner.replace()) {
            throw new AnalysisException(v.path + " holds the results of analysis " + v.jobInstance + ". To replace "
                    + "them with a new analysis, submit it with replace=true; to continue that one, restart it.");
        }
        v.jobInstance = owner.instance();
        v.jobExecution = owner.execution();
    }

    static boolean holds(EntityManager em, long videoId, long execution) {
        return Objects.equals(holder(em, videoId), execution);
    }

    /** Throws, so that the caller's transaction stores nothing, unless {@code execution} holds the rows. */
    static void requireHolder(EntityManager em, long videoId, long execution) {
        requireHolder(holder(em, videoId), execution);
    }

    static void requireHolder(Long holder, long execution) {
        if (!Objects.equals(holder, execution)) {
            throw new AnalysisException("Execution " + execution + " no longer holds the results of this video: execution "
                    + holder + " took them over (a restart, or an analysis that replaced it). This work of execution "
                    + execution + ", delivered late, stores nothing; execution " + holder + " does it.");
        }
    }

    /**
     * The execution holding the video's rows, read with the video's row locked until the caller's
     * transaction ends: a takeover (which locks the row to change it) waits for the write to commit,
     * so no write of the former holder can land after the takeover.
     */
    private static Long holder(EntityManager em, long videoId) {
        VideoEntity v = em.find(VideoEntity.class, videoId, LockModeType.PESSIMISTIC_READ);
        return v == null ? null : v.jobExecution;
    }

    /** Two first analyses of a new file both insert its row: the unique path lets one through. */
    static <T> T firstOwner(String path, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw busy(path, null);
                }
            }
            throw e;
        }
    }

    private static AnalysisException busy(String path, Long instance) {
        return new AnalysisException(path + " is being analyzed right now" + (instance == null ? "" : " (analysis "
                + instance + ")") + "; one analysis of a video runs at a time. Wait for it to end or stop it, then start again.");
    }
}
