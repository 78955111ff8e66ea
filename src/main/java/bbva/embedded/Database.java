package bbva.embedded;

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

/**
 * The Derby database of a data directory, opened either by the owning process (embedded engine,
 * migrated by Flyway, and served on loopback for other processes) or by any other process through
 * that server.
 */
public final class Database implements AutoCloseable {
    // a fixed user gives both access paths the same default schema (APP)
    static final String USER = "app";
    static final String PASSWORD = "app";

    private final String url;
    private final NetworkServerControl server;
    private final int port;
    private final EntityManagerFactory emf;

    private Database(String url, NetworkServerControl server, int port) {
        this.url = url;
        this.server = server;
        this.port = port;
        this.emf = Persistence.createEntityManagerFactory("bbva", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", USER,
                "jakarta.persistence.jdbc.password", PASSWORD));
    }

    /** Opens the embedded engine (the caller holds the data directory's lock) and serves it on loopback. */
    static Database host(DataDir dir) throws Exception {
        System.setProperty("derby.stream.error.file", dir.derbyLog().toString());
        // lock timeouts and deadlocks are written to derby.log with the lock table
        System.setProperty("derby.locks.monitor", "true");
        System.setProperty("derby.locks.deadlockTrace", "true");
        String url = "jdbc:derby:" + dir.database() + ";create=true";
        Flyway.configure().dataSource(url, USER, PASSWORD).locations("classpath:db/migration")
                .load().migrate();
        int port = freePort();
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(new PrintWriter(OutputStream.nullOutputStream()));
        waitForServer(server);
        return new Database(url, server, port);
    }

    /** Connects through the network server of the process that owns the data directory. */
    static Database client(DataDir dir, int port) {
        return new Database("jdbc:derby://127.0.0.1:" + port + "/" + dir.database(), null, port);
    }

    public String url() {
        return url;
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
