package bbva.embedded;

import bbva.store.PlayerStore;
import bbva.store.Store;
import jakarta.batch.operations.JobOperator;
import java.io.IOException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.jberet.operations.JobOperatorImpl;
import org.jberet.runtime.JobExecutionImpl;
import org.jberet.se.BatchSEEnvironment;

/**
 * The embedded (no server) runtime of one process: the data directory's database, the store the
 * batch artifacts use (through {@link EmbeddedProducers}), and a JBeret SE job operator whose job
 * repository lives in the same database.
 */
public final class EmbeddedRuntime implements AutoCloseable {
    private static volatile EmbeddedRuntime current;

    private final DataDir dir;
    private final DataDir.Lock lock;
    private final Database database;
    private final Store store;
    private final PlayerStore players;
    private final JobOperator jobOperator;

    private EmbeddedRuntime(DataDir dir, DataDir.Lock lock, Database database) {
        this.dir = dir;
        this.lock = lock;
        this.database = database;
        this.store = new Store(database.entityManagerFactory());
        this.players = new PlayerStore(database.entityManagerFactory());
        BatchSEEnvironment env = new BatchSEEnvironment();
        Properties config = env.getBatchConfigurationProperties();
        config.setProperty("job-repository-type", "jdbc");
        config.setProperty("db-url", database.url());
        config.setProperty("db-user", database.user());
        config.setProperty("db-password", database.password());
        this.jobOperator = new JobOperatorImpl(env);
    }

    /**
     * Owns the data directory (needed to run jobs); empty when another process owns it, whose
     * published details are then in {@link DataDir#holder()}.
     */
    public static Optional<EmbeddedRuntime> own(DataDir dir, Properties about) throws Exception {
        Optional<DataDir.Lock> lock = dir.tryLock();
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        Database db;
        try {
            db = Database.host(dir);
        } catch (Exception e) {
            lock.get().close();
            throw e;
        }
        Properties info = new Properties();
        info.putAll(about);
        info.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        info.setProperty("port", Integer.toString(db.port()));
        lock.get().publish(info);
        return Optional.of(install(new EmbeddedRuntime(dir, lock.get(), db)));
    }

    /** Reads through the owner's Derby network server. */
    public static EmbeddedRuntime viaOwner(DataDir dir, int port) {
        return install(new EmbeddedRuntime(dir, null, Database.client(dir, port)));
    }

    private static EmbeddedRuntime install(EmbeddedRuntime runtime) {
        current = runtime;
        return runtime;
    }

    static EmbeddedRuntime current() {
        EmbeddedRuntime r = current;
        if (r == null) {
            throw new IllegalStateException("the embedded runtime is not open");
        }
        return r;
    }

    public boolean owner() {
        return lock != null;
    }

    public DataDir dataDir() {
        return dir;
    }

    public Store store() {
        return store;
    }

    public PlayerStore players() {
        return players;
    }

    public JobOperator jobs() {
        return jobOperator;
    }

    /**
     * Waits until the execution's thread has finished: JBeret shows an execution's final status while
     * its job listeners and the repository's last update still run, and a process that exits then
     * leaves the execution FAILED.
     */
    public void awaitEnd(long executionId, long seconds) throws InterruptedException {
        if (jobOperator.getJobExecution(executionId) instanceof JobExecutionImpl running) {
            running.awaitTermination(seconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        database.close();
        if (lock != null) {
            lock.close();
        }
        current = null;
    }
}
