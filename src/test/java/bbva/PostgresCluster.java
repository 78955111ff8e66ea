package bbva;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of a test's own: initdb under target/, a free loopback port, a random
 * password, stopped at close (and at JVM exit). PostgreSQL refuses to run as root, so under root
 * its programs run as the Debian package's "postgres" user.
 */
public final class PostgresCluster implements AutoCloseable {
    public static final String USER = "bbva";

    private final Path dir;
    private final Path bin;
    private final int port;
    private final String password;
    private final Thread stopAtExit;

    private PostgresCluster(Path dir, Path bin, int port, String password) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.password = password;
        this.stopAtExit = new Thread(this::stopQuietly, "stop-postgres");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts a new cluster in target/postgres/{name}; skips the test when PostgreSQL is not installed. */
    public static PostgresCluster start(String name) throws Exception {
        assumeInstalled();
        Optional<Path> bin = binaries();
        Path dir = TestPaths.project().resolve("target/postgres").resolve(name);
        stopLeftover(bin.get(), dir);
        TestPaths.deleteTree(dir);
        Files.createDirectories(dir);
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n");
        if (asRoot()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(pwfile, postgres);
        }
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        run(bin.get(), List.of("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + pwfile,
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C"));
        int port = freePort();
        PostgresCluster cluster = new PostgresCluster(dir, bin.get(), port, password);
        cluster.restart();
        return cluster;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** The environment a bbva process needs to keep its analyses in {@code database}. */
    public Map<String, String> environment(String database) {
        return Map.of("BBVA_DB_URL", url(database), "BBVA_DB_USER", USER, "BBVA_DB_PASSWORD", password);
    }

    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, password);
    }

    /** Stops the server, as an operator or a crash would (fast: open sessions are cut). */
    public void stop() throws Exception {
        run(bin, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts the server (again) on its port. */
    public void restart() throws Exception {
        run(bin, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start"));
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is running
        }
    }

    private void stopQuietly() {
        stopLeftover(bin, dir);
    }

    private static void stopLeftover(Path bin, Path dir) {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            try {
                run(bin, List.of("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
            } catch (Exception ignored) {
                // not running after all
            }
        }
    }

    /** Runs pg_ctl (as the postgres user under root) on a cluster someone else made, e.g. liberty/cluster.sh's. */
    public static void pgCtl(Path dataDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("pg_ctl", "-D", dataDir.toString()));
        command.addAll(List.of(args));
        run(binaries().orElseThrow(), command);
    }

    /** Skips the calling test, with a message, when PostgreSQL's programs are not installed. */
    public static void assumeInstalled() throws IOException {
        Assumptions.assumeTrue(binaries().isPresent(), "SKIPPED: PostgreSQL's initdb is not installed (Debian package "
                + "postgresql; .ci/run installs it)");
    }

    private static Optional<Path> binaries() throws IOException {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb"))) {
                return Optional.of(Path.of(p, "initdb").toRealPath().getParent());
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(Path bin, List<String> command) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (asRoot()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(command.get(0)).toString());
        cmd.addAll(command.subList(1, command.size()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
