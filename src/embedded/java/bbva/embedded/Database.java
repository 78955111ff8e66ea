package bbva.embedded;

import bbva.AnalysisException;
import bbva.store.ConnectionLoss;
import bbva.store.ListedMigrations;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.apache.derby.drda.NetworkServerControl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database of a data directory. By default its own Derby, opened either by the owning process
 * (embedded engine, migrated by Flyway, and served on loopback for other processes) or by any other
 * process through that server; or an {@link ExternalDatabase} (PostgreSQL) that every process reaches directly.
 */
public final class Database implements AutoCloseable {
    // a fixed Derby user gives both access paths the same default schema (APP)
    private static final String DERBY_USER = "app";
    private static final String DERBY_PASSWORD = "app";

    private final String url;
    private final String user;
    private final String password;
    private final NetworkServerControl server;
    private final int port;
    private final EntityManagerFactory emf;

    private Database(String url, String user, String password, NetworkServerControl server, int port) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.server = server;
        this.port = port;
        this.emf = Persistence.createEntityManagerFactory("bbva", Map.of(
                // to java.util.logging (the data directory's bbva.log), not over the console's progress line
                "eclipselink.logging.logger", "JavaLogger",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", user,
                "jakarta.persistence.jdbc.password", password));
    }

    /**
     * Opens the data directory's database for its owner (the caller holds the directory's lock): Derby's
     * embedded engine, served on loopback, or the external database; either migrated by Flyway first.
     */
    static Database host(DataDir dir) throws Exception {
        if (dir.external().isPresent()) {
            ExternalDatabase db = dir.external().get();
            migrate(db.url(), db.user(), db.password(), db);
            return new Database(db.url(), db.user(), db.password(), null, 0);
        }
        System.setProperty("derby.stream.error.file", dir.derbyLog().toString());
        // lock timeouts and deadlocks are written to derby.log with the lock table
        System.setProperty("derby.locks.monitor", "true");
        System.setProperty("derby.locks.deadlockTrace", "true");
        String url = "jdbc:derby:" + dir.database() + ";create=true";
        migrate(url, DERBY_USER, DERBY_PASSWORD, null);
        int port = freePort();
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(new PrintWriter(OutputStream.nullOutputStream()));
        waitForServer(server);
        return new Database(url, DERBY_USER, DERBY_PASSWORD, server, port);
    }

    /** For a process that does not own the data directory: through the owner's Derby server, or straight to the external database. */
    static Database client(DataDir dir, int port) {
        if (dir.external().isPresent()) {
            ExternalDatabase db = dir.external().get();
            return new Database(db.url(), db.user(), db.password(), null, 0);
        }
        return new Database("jdbc:derby://127.0.0.1:" + port + "/" + dir.database(), DERBY_USER, DERBY_PASSWORD, null, port);
    }

    private static void migrate(String url, String user, String password, ExternalDatabase external) {
        try {
            ListedMigrations.migrate(Flyway.configure().dataSource(url, user, password), external == null ? "derby" : "postgresql");
        } catch (FlywayException e) {
            if (external == null) {
                throw e;
            }
            throw new AnalysisException("Cannot open the database " + external + ": " + ConnectionLoss.reason(e) + ". Check that "
                    + "PostgreSQL runs and accepts connections there, that the database exists, and that "
                    + ExternalDatabase.USER_ENV + " and " + ExternalDatabase.PASSWORD_ENV + " are right.", e);
        }
    }

    public String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void waitForServer(NetworkServerControl server) throws Exception {
        Exception last = null;
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw last;
    }

    @Override
    public void close() {
        emf.close();
        if (server != null) {
            try {
                server.shutdown();
            } catch (Exception ignored) {
                // the JVM is going away anyway
            }
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a successful shutdown as an exception
            }
        }
    }
}
