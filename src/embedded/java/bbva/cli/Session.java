package bbva.cli;

import bbva.embedded.DataDir;
import bbva.embedded.EmbeddedRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Properties;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Opens the embedded runtime for a command: as the owner to run jobs, or through the owner to read. */
final class Session {
    private static final long WAIT_MS = 15_000;

    private Session() {
    }

    /** To run a job this process must own the data directory. */
    static EmbeddedRuntime forJobs(DataDir dir, String command, String video) throws Exception {
        Properties about = new Properties();
        about.setProperty("command", command);
        about.setProperty("video", video);
        logTo(dir);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            var owned = EmbeddedRuntime.own(dir, about);
            if (owned.isPresent()) {
                return owned.get();
            }
            Properties holder = dir.holder();
            String other = holder.getProperty("video", "");
            boolean holderRunsJob = !holder.getProperty("command", "").isEmpty() && !other.isEmpty();
            if (holderRunsJob && other.equals(video)) {
                throw new BusyException("An analysis of " + video + " is already running (process "
                        + holder.getProperty("pid") + "). Follow it with: bbva status");
            }
            if (holderRunsJob) {
                throw new BusyException("Another analysis (" + other + ", process " + holder.getProperty("pid")
                        + ") is using " + dir.root() + ". Wait for it to finish (bbva status shows its progress), "
                        + "or use --data-dir for a separate database.");
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BusyException("The data directory " + dir.root() + " is in use by process "
                        + holder.getProperty("pid", "?") + " (" + holder.getProperty("command", "?") + "). Try again.");
            }
            Thread.sleep(200);
        }
    }

    /** To read, own the directory if it is free, else read through the owner's network server. */
    static EmbeddedRuntime forReading(DataDir dir, String command) throws Exception {
        Properties about = new Properties();
        about.setProperty("command", command);
        logTo(dir);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            var owned = EmbeddedRuntime.own(dir, about);
            if (owned.isPresent()) {
                return owned.get();
            }
            String port = dir.holder().getProperty("port");
            if (port != null) {
                return EmbeddedRuntime.viaOwner(dir, Integer.parseInt(port));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new BusyException("Process holding " + dir.root() + " does not answer; try again.");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Flyway 9.22 (the last with Derby in flyway-core; from 10 on Derby is in flyway-database-derby,
     * which the Maven mirror does not serve) warns on every start that Derby 10.16 is newer than it
     * has tested. bbva's migrations are plain SQL, run on 10.16 by every test: the warning says nothing.
     */
    private static final Logger FLYWAY_VERSION_CHECK = Logger.getLogger("org.flywaydb.core.internal.database.base.Database");

    /** JBeret, Weld and EclipseLink log to the data directory's bbva.log, not over the progress line. */
    private static void logTo(DataDir dir) throws IOException {
        Files.createDirectories(dir.root());
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        FileHandler file = new FileHandler(dir.root().resolve("bbva.log").toString(), 10 << 20, 2, true);
        file.setFormatter(new SimpleFormatter());
        root.addHandler(file);
        root.setLevel(Level.INFO);
        FLYWAY_VERSION_CHECK.setLevel(Level.SEVERE);
    }
}
