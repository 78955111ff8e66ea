package bbva.server;

import bbva.app.AnalysisStatuses;
import bbva.RunningExecutions;
import bbva.store.ListedMigrations;
import bbva.store.PlayerStore;
import bbva.store.Schema;
import bbva.store.Store;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Liberty's side of what the batch artifacts inject: the same stores as the embedded runtime, over
 * the server's non-transactional Derby data source, migrated by the same Flyway scripts.
 */
@ApplicationScoped
public class ServerResources {
    @Resource(lookup = "jdbc/bbva")
    DataSource dataSource;

    private EntityManagerFactory emf;
    private AnalysisStatuses statuses;

    @PostConstruct
    void open() {
        ListedMigrations.migrate(Flyway.configure().dataSource(dataSource), vendor());
        emf = Persistence.createEntityManagerFactory("bbva", Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
        statuses = new AnalysisStatuses(new Store(emf));
    }

    private String vendor() {
        try (Connection c = dataSource.getConnection()) {
            return Schema.vendor(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database jdbc/bbva: " + e.getMessage(), e);
        }
    }

    @Produces
    @Dependent
    Store store() {
        return new Store(emf);
    }

    @Produces
    @Dependent
    PlayerStore players() {
        return new PlayerStore(emf);
    }

    /** One for the server (it keeps what status reads need not read again); a final class, so not a scoped proxy. */
    @Produces
    @Dependent
    AnalysisStatuses statuses() {
        return statuses;
    }

    /** Liberty's job repository knows; after a server crash it marks that server's executions failed when it starts. */
    @Produces
    @Dependent
    RunningExecutions running() {
        return executionId -> {
            try {
                BatchStatus s = BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus();
                return s == BatchStatus.STARTING || s == BatchStatus.STARTED || s == BatchStatus.STOPPING;
            } catch (NoSuchJobExecutionException gone) {
                return false;
            }
        };
    }

    /** True once the schema is migrated (creating this bean migrates it). */
    boolean migrated() {
        return emf != null;
    }

    @PreDestroy
    void close() {
        if (emf != null) {
            emf.close();
        }
    }
}
