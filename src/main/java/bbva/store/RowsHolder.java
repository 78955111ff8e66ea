package bbva.store;

import bbva.AnalysisException;
import jakarta.persistence.EntityManager;
import java.util.Objects;

/**
 * Only the execution that holds a video's rows (the row names it: an execution takes it as it starts)
 * writes them. A partition queued for an execution that then failed can still reach an executor after
 * a restart took the rows over (Liberty runs a queued partition when it takes the message while its
 * execution is the newest), so it must not store anything then: were it to complete, the restart's copy
 * of that partition would find it complete and Liberty would report that copy FAILED.
 */
final class RowsHolder {
    private RowsHolder() {
    }

    static boolean holds(EntityManager em, long videoId, long execution) {
        return Objects.equals(holder(em, videoId), execution);
    }

    /** Throws, so that the caller's transaction stores nothing, unless {@code execution} holds the rows. */
    static void require(EntityManager em, long videoId, long execution) {
        Long holder = holder(em, videoId);
        if (!Objects.equals(holder, execution)) {
            throw new AnalysisException("Execution " + execution + " no longer holds the results of this video: execution "
                    + holder + " took them over (a restart, or an analysis that replaced it). This work of execution "
                    + execution + ", delivered late, stores nothing; execution " + holder + " does it.");
        }
    }

    private static Long holder(EntityManager em, long videoId) {
        return em.createQuery("SELECT v.jobExecution FROM VideoEntity v WHERE v.id = :v", Long.class)
                .setParameter("v", videoId).getResultStream().findFirst().orElse(null);
    }
}
