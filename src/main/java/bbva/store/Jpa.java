package bbva.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;

/**
 * Resource-local units of work: a read, or one transaction that commits or rolls back whole. OCR
 * partitions write concurrently, and Derby may pick one of two colliding transactions as a lock
 * victim; since every write here is idempotent, the victim is simply run again.
 */
final class Jpa {
    private static final Set<String> LOCK_CONFLICT = Set.of("40001", "40XL1", "40XL2");
    private static final int ATTEMPTS = 5;

    private final EntityManagerFactory emf;

    Jpa(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /** A read; a reader chosen as a deadlock victim (e.g. against a chunk's commit) reads again. */
    <T> T read(Function<EntityManager, T> work) {
        return retried(() -> {
            EntityManager em = emf.createEntityManager();
            try {
                return work.apply(em);
            } finally {
                em.close();
            }
        });
    }

    <T> T inTransaction(Function<EntityManager, T> work) {
        return retried(() -> once(work));
    }

    private static <T> T retried(java.util.function.Supplier<T> unit) {
        for (int attempt = 1; ; attempt++) {
            try {
                return unit.get();
            } catch (PersistenceException e) {
                if (attempt == ATTEMPTS || !lockConflict(e) || !sleep(50L * attempt)) {
                    throw e;
                }
            }
        }
    }

    private static boolean lockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && LOCK_CONFLICT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** False when interrupted (the interrupt is kept): a stopping thread does not retry. */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private <T> T once(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }
}
