package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bbva.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded CLI with its analyses and job repository in PostgreSQL (a cluster of the test's own):
 * the same results as Derby, byte for byte, also after kill -9 and resume; clear errors when the
 * database cannot be used.
 */
class PostgresIT {
    static PostgresCluster pg;
    static Path video;
    static String derbyExport;

    @BeforeAll
    static void derbyReference(@TempDir Path dir) throws Exception {
        video = bbva.TestPaths.vtest();
        pg = PostgresCluster.start("cli-it");
        Cli derby = new Cli(dir.resolve("derby"));
        derby.run(CrashRecoveryIT.analyze(video)).expect(0).contains("COMPLETED");
        derbyExport = derby.export(video);
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void wholeJobOnPostgresExportsWhatDerbyDoes(@TempDir Path dir) throws Exception {
        String db = pg.createDatabase("whole_job");
        Cli cli = new Cli(dir, pg.environment(db));
        cli.run(CrashRecoveryIT.analyze(video)).expect(0).contains("COMPLETED").contains("batches         : 5/5");
        assertEquals(derbyExport, cli.export(video));
        assertFalse(Files.exists(dir.resolve("db")), "no Derby database in the data directory");
        try (Connection c = pg.connect(db)) {
            assertEquals(150 * 3, count(c, "SELECT COUNT(*) FROM detections"));
            assertEquals(1, count(c, "SELECT COUNT(*) FROM job_execution WHERE batchstatus = 'COMPLETED'"));
        }
        cli.run("list").expect(0).contains(video.getFileName().toString());
    }

    @Test
    void killedRunResumesOnPostgres(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir, pg.environment(pg.createDatabase("crash")));
        String point = "detect.committed.2";
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=pause"), CrashRecoveryIT.analyze(video));
        child.awaitOutput("FAULT-POINT " + point, 120);
        child.kill9();

        cli.run("status").expect(0).contains("interrupted").contains("STARTED");
        cli.run("resume", video.toString(), "--no-progress").expect(0).contains("COMPLETED");
        String resumed = cli.export(video);
        assertEquals(derbyExport, resumed, "export after kill -9 at " + point + " and resume on PostgreSQL");
        CrashRecoveryIT.assertNoDuplicates(resumed, 150 * 3);
    }

    @Test
    void postgresStoppedMidRunFailsClearlyAndResumesOnceBack(@TempDir Path dir) throws Exception {
        Cli cli = new Cli(dir, pg.environment(pg.createDatabase("outage")));
        String point = "detect.frame.75";
        Cli.Child child = cli.start(List.of("-Dbbva.faults=" + point + "=stall"), CrashRecoveryIT.analyze(video));
        child.awaitOutput("FAULT-POINT " + point, 120);
        pg.stop();
        try {
            Cli.Result failed = child.await();
            System.out.println("NUMBER postgres-outage output:\n" + failed.output());
            failed.expect(1).contains("database").contains("bbva resume");
        } finally {
            pg.restart();
        }
        cli.run("resume", video.toString(), "--no-progress").expect(0).contains("COMPLETED");
        assertEquals(derbyExport, cli.export(video), "export after PostgreSQL came back and the analysis resumed");
    }

    @Test
    void unusableDatabasesSayWhatToDo(@TempDir Path dir) throws Exception {
        new Cli(dir).run("list", "--db", "jdbc:mysql://127.0.0.1/bbva").expect(2)
                .contains("is not a PostgreSQL JDBC URL").contains("BBVA_DB_USER");
        new Cli(dir).run("list", "--db", pg.url("postgres") + "?password=secret").expect(2)
                .contains("Keep the password out of the database URL").notContains("secret");

        Map<String, String> wrongPassword = Map.of("BBVA_DB_URL", pg.url("postgres"), "BBVA_DB_USER", PostgresCluster.USER,
                "BBVA_DB_PASSWORD", "not-" + pg.password());
        new Cli(dir, wrongPassword).run("analyze", video.toString(), "--no-progress").expect(2)
                .contains("Cannot open the database " + pg.url("postgres")).contains("password authentication failed")
                .contains("BBVA_DB_PASSWORD");

        String closedPort = "jdbc:postgresql://127.0.0.1:1/bbva";
        new Cli(dir, Map.of("BBVA_DB_URL", closedPort)).run("status").expect(2)
                .contains("Cannot open the database " + closedPort).contains("Check that PostgreSQL runs");
        new Cli(dir, pg.environment("missing_db")).run("list").expect(2)
                .contains("\"missing_db\" does not exist").contains("that the database exists");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
