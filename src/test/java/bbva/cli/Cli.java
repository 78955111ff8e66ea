package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real CLI (the packaged jar, as bin/bbva does) in a child JVM against one data directory. */
final class Cli {
    private final Path dataDir;
    private final Map<String, String> environment;

    Cli(Path dataDir) {
        this(dataDir, Map.of());
    }

    /** A CLI whose processes also get these environment variables (e.g. BBVA_DB_URL). */
    Cli(Path dataDir, Map<String, String> environment) {
        this.dataDir = dataDir;
        this.environment = environment;
    }

    Path dataDir() {
        return dataDir;
    }

    /** A running child; its merged stdout+stderr is collected as it comes. */
    static final class Child {
        final Process process;
        private final StringBuffer output = new StringBuffer();
        private final Thread reader;

        private final Path dataDir;

        Child(Process process, Path dataDir) {
            this.process = process;
            this.dataDir = dataDir;
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        output.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the child was killed
                }
            });
            t.setDaemon(true);
            t.start();
            reader = t;
        }

        String output() {
            return output.toString();
        }

        /** Waits until the child prints a line containing {@code text}. */
        void awaitOutput(String text, long seconds) throws InterruptedException {
            long deadline = System.currentTimeMillis() + seconds * 1000;
            while (!output.toString().contains(text)) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    throw new AssertionError("child never printed '" + text + "'; output:\n" + output);
                }
                Thread.sleep(50);
            }
        }

        /** SIGKILL, as kill -9: no shutdown hooks, no cleanup. */
        void kill9() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, process.exitValue(), "killed by SIGKILL");
        }

        Result await() throws InterruptedException {
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "child did not finish; output:\n" + output);
            reader.join(10_000);
            return new Result(process.exitValue(), output.toString(), dataDir);
        }
    }

    record Result(int exit, String output, Path dataDir) {
        Result expect(int code) {
            assertEquals(code, exit, "exit code; output:\n" + output + derbyLog());
            return this;
        }

        /** Derby's log holds lock-table dumps when a lock times out: worth seeing when a run fails. */
        private String derbyLog() {
            try {
                Path log = dataDir.resolve("derby.log");
                return Files.exists(log) ? "\n--- derby.log ---\n" + Files.readString(log) : "";
            } catch (IOException e) {
                return "";
            }
        }

        Result contains(String text) {
            assertTrue(output.contains(text), "expected '" + text + "' in:\n" + output);
            return this;
        }

        Result notContains(String text) {
            assertTrue(!output.contains(text), "did not expect '" + text + "' in:\n" + output);
            return this;
        }
    }

    private static List<String> jvm() {
        Path project = TestPaths.project();
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseParallelGC", "-Dbbva.home=" + project,
                "-cp", project.resolve("target/bbva.jar") + ":" + project.resolve("target/bbva-embedded.jar") + ":"
                        + project.resolve("target/lib") + "/*");
    }

    /**
     * A class-data-sharing archive of the CLI's classes (Weld, JBeret, Derby, EclipseLink, picocli ...),
     * made once per test JVM by a first child that boots them all: every child JVM then starts about
     * 0.7 s sooner, which over the suite's hundreds of children is minutes. Null when it could not be
     * made; children then start as a user's would, only slower.
     */
    private static Path classArchive;
    private static boolean archiveTried;

    private static synchronized List<String> sharedClasses() {
        if (!archiveTried) {
            archiveTried = true;
            try {
                Path dir = Files.createTempDirectory("bbva-cli-classes");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
                Path archive = dir.resolve("cli.jsa");
                List<String> cmd = new ArrayList<>(jvm());
                cmd.add(1, "-XX:ArchiveClassesAtExit=" + archive);
                cmd.addAll(List.of(Main.class.getName(), "status", "--data-dir", dir.resolve("data").toString()));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.isRegularFile(archive)) {
                    classArchive = archive;
                }
            } catch (IOException e) {
                // no archive: children start without one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return classArchive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + classArchive, "-Xshare:auto");
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    Child start(List<String> systemProperties, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(jvm());
        cmd.addAll(1, sharedClasses());
        cmd.addAll(1, systemProperties);
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        if (!"read-number".equals(args[0])) {
            cmd.addAll(List.of("--data-dir", dataDir.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("BBVA_MODEL");
        pb.environment().remove("BBVA_DATA_DIR");
        pb.environment().remove("BBVA_DB_URL");
        pb.environment().put("ORT_DISABLE_TELEMETRY", "1");   // as bin/bbva does
        pb.environment().putAll(environment);
        return new Child(pb.start(), dataDir);
    }

    Result run(String... args) throws IOException, InterruptedException {
        return start(List.of(), args).await();
    }

    /** The canonical JSON export of a video's results. */
    String export(Path video) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bbva-export", ".json");
        run("export", video.toString(), "--output", out.toString()).expect(0);
        String json = Files.readString(out);
        Files.delete(out);
        return json;
    }
}
