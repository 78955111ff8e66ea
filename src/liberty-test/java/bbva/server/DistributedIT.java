package bbva.server;

import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.Poll;
import bbva.PostgresCluster;
import bbva.TestPaths;
import bbva.cli.EmbeddedReference;
import bbva.video.PlayerClip;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Distributed mode as a user tries it on one machine: liberty/cluster.sh starts a PostgreSQL of its
 * own, a dispatcher and two executors on loopback (ports 49080-49101). Analyses submitted to the
 * dispatcher have their detect and OCR partitions run on the executors (each takes one partition at
 * a time, so two partitions land on both), and export what the embedded CLI exports, byte for byte,
 * also after an executor is killed mid-partition, or PostgreSQL is stopped mid-run, and the analysis
 * is stopped and restarted. Last, an executor without its dispatcher says why it is not ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedIT {
    static final int PORT = 49080;
    static final String API = "http://localhost:" + PORT + "/bbva/api";
    static final String MODEL = "standin/rfdetr-standin-heavy.onnx";
    static final int FRAMES = 80;
    static final String CLIP = "distributed.mp4";
    static Path data;
    static Path media;
    static String reference;
    static double embeddedSeconds;

    @BeforeAll
    static void startCluster() throws Exception {
        PostgresCluster.assumeInstalled();
        data = TestServer.itDir().resolve("cluster");
        media = Files.createDirectories(TestServer.itDir().resolve("cluster-media"));
        cluster("stop");
        TestPaths.deleteTree(data);
        long t0 = System.nanoTime();
        assertEquals(0, cluster("start", "--executors", "2", "--no-build"), "cluster.sh start");
        TestServer.note("trial cluster (PostgreSQL, dispatcher, 2 executors) started in %.1f s", (System.nanoTime() - t0) / 1e9);
        Path clip = PlayerClip.render(media.resolve(CLIP), FRAMES);
        t0 = System.nanoTime();
        reference = EmbeddedReference.export(TestServer.itDir().resolve("embedded-distributed"), "analyze", clip.toString(),
                "--detector", "rfdetr", "--model", TestPaths.project().resolve("models").resolve(MODEL).toString(),
                "--threads", "1", "--batch-size", "20", "--ocr-threads", "3", "--tiles", "off", "--no-progress");
        embeddedSeconds = (System.nanoTime() - t0) / 1e9;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (data != null) {
            noteRss();
            cluster("stop");
        }
    }

    @Test
    @Order(1)
    void partitionsRunOnBothExecutorsAndResultsEqualEmbedded() throws Exception {
        long t0 = System.nanoTime();
        long id = submit("distributed");
        JsonNode done = TestServer.awaitAnalysis(API, id, a -> !active(a), 600);
        double wall = (System.nanoTime() - t0) / 1e9;
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        assertEquals(reference, TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body(),
                "partitions on two executors give the embedded run's results");
        Set<String> detectedBy = workers(done, "detectedBy");
        Set<String> readBy = workers(done, "readBy");
        assertEquals(Set.of("bbva-executor-1", "bbva-executor-2"), detectedBy, done.get("workers").toString());
        assertTrue(readBy.stream().allMatch(w -> w.startsWith("bbva-executor-")), readBy.toString());
        TestServer.note("distributed: %d frames, 2 detect partitions on %s, OCR on %s, %.1f s (embedded CLI, one stream: %.1f s)",
                FRAMES, detectedBy, readBy, wall, embeddedSeconds);
    }

    /** It leaves one executor dead. */
    @Test
    @Order(2)
    void killedExecutorMidPartitionRestartsOnTheOther() throws Exception {
        TestServer.Reply sequential = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"" + CLIP
                + "\",\"options\":{\"executionMode\":\"sequential\",\"replace\":\"true\"}}");
        assertEquals(400, sequential.status(), sequential.body());
        assertTrue(sequential.body().contains("this server is a dispatcher"), sequential.body());
        long id = submit("");   // left out: on a dispatcher, distributed
        JsonNode running = TestServer.awaitAnalysis(API, id, a -> processingOn(a).isPresent(), 300);
        String victim = processingOn(running).get();
        long killedAt = System.nanoTime();
        kill9(victim);

        assertEquals(202, post(API + "/analyses/" + id + "/stop").status());
        JsonNode stopped = TestServer.awaitAnalysis(API, id, a -> !active(a), 300);
        assertEquals("STOPPED", stopped.get("batchStatus").asText(), stopped.toString());
        int before = LibertyStopIT.completed(stopped, "detectionStatus");
        TestServer.Reply restart = post(API + "/analyses/" + id + "/restart");
        assertEquals(201, restart.status(), restart.body());
        TestServer.awaitAnalysis(API, id, a -> LibertyStopIT.completed(a, "detectionStatus") > before, 300);
        double toFirstBatch = (System.nanoTime() - killedAt) / 1e9;
        JsonNode done = TestServer.awaitAnalysis(API, id, a -> !active(a), 600);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        assertEquals("distributed", done.get("executionMode").asText(), "the mode the partitions ran in");
        assertEquals(reference, TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body(),
                "after kill -9 of " + victim + " and a restart, the results equal an uninterrupted run's");
        String survivor = victim.equals("bbva-executor-1") ? "bbva-executor-2" : "bbva-executor-1";
        assertTrue(workers(done, "detectedBy").contains(survivor), done.get("workers").toString());
        TestServer.note("distributed: %s killed mid-partition; stop, restart and the first new batch %.1f s later",
                victim, toFirstBatch);
    }

    /**
     * PostgreSQL stopped mid-run: calls answer 503 naming the database; the dispatcher ends the job (it
     * may not be able to record that: then the analysis shows STARTED once PostgreSQL is back, and a
     * stop marks it FAILED); a restart completes it with an uninterrupted run's results.
     */
    @Test
    @Order(3)
    void postgresStoppedMidRunThenBackRestartsToTheSameResults() throws Exception {
        long id = submit("distributed");
        // a batch of this analysis detected (until prepare replaces them, the batches shown are the last analysis's)
        TestServer.awaitAnalysis(API, id, a -> stepStarted(a, "detect") && LibertyStopIT.completed(a, "detectionStatus") >= 1, 300);
        Path log = TestServer.wlp().resolve("usr/servers/bbva-dispatcher/logs/messages.log");
        long logAt = Files.size(log);
        Path pg = data.resolve("postgres");
        PostgresCluster.pgCtl(pg.resolve("data"), "-m", "fast", "-w", "stop");
        long stoppedAt = System.nanoTime();
        TestServer.Reply down = TestServer.get(MONITOR, API + "/analyses/" + id);
        assertEquals(503, down.status(), down.body());
        assertTrue(down.body().contains("The database is unreachable"), down.body());
        // CWWKY0011W: the job failed (its partitions could not write)
        Poll.until("the dispatcher's end of the job without its database (CWWKY0011W)", 300, 2000,
                () -> Files.readString(log).substring((int) logAt), newLines -> newLines.contains("CWWKY0011W"));
        double failedAfter = (System.nanoTime() - stoppedAt) / 1e9;
        PostgresCluster.pgCtl(pg.resolve("data"), "-l", pg.resolve("postgres.log").toString(), "-w", "-t", "60", "start");
        TestServer.Reply back = Poll.until("an answer once PostgreSQL was back", 120, 1000,
                () -> TestServer.get(MONITOR, API + "/analyses/" + id), r -> r.status() == 200);
        // either the dispatcher recorded the end once PostgreSQL was back, or the analysis shows STARTED
        // although nothing runs it: a stop ends it (FAILED, "the server lost the database ...")
        if (active(back.json())) {
            assertEquals(202, post(API + "/analyses/" + id + "/stop").status());
        }
        JsonNode ended = TestServer.awaitAnalysis(API, id, a -> !active(a), 120);
        assertTrue(ended.get("batchStatus").asText().matches("FAILED|STOPPED"), ended.toString());
        // The partition still queued when the execution ended (one executor is left) may reach that executor
        // now, and Liberty runs it: its execution is the newest until the restart. Restart while it runs.
        long endedExecution = ended.get("executionId").asLong();
        boolean late = Poll.within(60, 500, () -> detectPartitionsStarted(id, endedExecution), n -> n == 2).isPresent();
        TestServer.Reply restart = post(API + "/analyses/" + id + "/restart");
        assertEquals(201, restart.status(), restart.body());
        JsonNode done = TestServer.awaitAnalysis(API, id, a -> !active(a), 600);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        assertEquals(reference, TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body(),
                "after PostgreSQL was stopped mid-run and a restart, the results equal an uninterrupted run's");
        if (late) {
            assertTrue(executorLogsContain("Execution " + endedExecution + " no longer holds the results"),
                    "the late partition of execution " + endedExecution + " was refused its writes once the restart held the rows");
        }
        TestServer.note("distributed: PostgreSQL stopped mid-run; the dispatcher ended the job %.1f s later (%s: %s); "
                + "%s; the restart completed it", failedAfter, ended.get("batchStatus").asText(), ended.get("exitStatus").asText(),
                late ? "its queued partition ran late, and stored nothing once the restart held the rows" : "no partition ran late");
    }

    /** Last: it stops the dispatcher. An executor that loses it is not ready, and says why; so does cluster.sh status. */
    @Test
    @Order(4)
    void anExecutorWithoutTheDispatcherSaysSo() throws Exception {
        String executor = alive("bbva-executor-1") ? "bbva-executor-1" : "bbva-executor-2";
        String ready = "http://localhost:" + (PORT + 10 * Integer.parseInt(executor.substring(executor.length() - 1))) + "/health/ready";
        TestServer.Reply up = TestServer.get(null, ready);
        assertEquals(200, up.status(), up.body());
        assertEquals("reachable", up.json().at("/checks/0/data/dispatcher").asText(), up.body());

        Process stop = new ProcessBuilder(TestServer.wlp().resolve("bin/server").toString(), "stop", "bbva-dispatcher")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(stop.waitFor(120, TimeUnit.SECONDS), "server stop bbva-dispatcher");
        TestServer.Reply down = Poll.until(executor + " not ready without the dispatcher", 120, 1000,
                () -> TestServer.get(null, ready), r -> r.status() != 200);
        assertEquals(503, down.status(), down.body());
        String reason = down.json().at("/checks/0/data/dispatcher").asText();
        assertTrue(reason.startsWith("cannot reach the dispatcher's messaging engine"), down.body());
        assertTrue(reason.contains("start the dispatcher"), reason);
        Path log = TestServer.itDir().resolve("cluster.log");
        long before = Files.size(log);
        cluster("status");
        String status = Files.readString(log).substring((int) before);
        assertTrue(status.contains("cannot reach the dispatcher's messaging engine"), status);
        TestServer.note("distributed: without its dispatcher %s answers %d: %s", executor, down.status(), reason);
    }

    /** The clip with two detect partitions and three OCR partitions; it replaces the results of an earlier test's analysis. */
    private static long submit(String mode) throws Exception {
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"" + CLIP + "\",\"options\":{"
                + "\"detector\":\"rfdetr\",\"model\":\"" + MODEL + "\",\"threads\":\"1\",\"batchSizeFrames\":\"20\","
                + "\"detectPartitions\":\"2\",\"ocrThreads\":\"3\",\"replace\":\"true\",\"tiles\":\"off\""
                + (mode.isEmpty() ? "" : ",\"executionMode\":\"" + mode + "\"") + "}}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asLong();
    }

    private static TestServer.Reply post(String url) throws Exception {
        return TestServer.post(SUBMITTER, url, "{}");
    }

    private static boolean stepStarted(JsonNode a, String step) {
        for (JsonNode s : a.get("steps")) {
            if (step.equals(s.get("step").asText()) && "STARTED".equals(s.get("batchStatus").asText())) {
                return true;
            }
        }
        return false;
    }

    /** How many detect partitions of this execution have started on an executor (each starts a job log folder). */
    private static long detectPartitionsStarted(long instance, long execution) throws IOException {
        String folder = "instance." + instance + "/execution." + execution + "/detect/";
        Set<String> started = new TreeSet<>();
        for (String executor : List.of("bbva-executor-1", "bbva-executor-2")) {
            Path logs = TestServer.wlp().resolve("usr/servers/" + executor + "/logs/joblogs");
            if (Files.isDirectory(logs)) {
                try (var paths = Files.walk(logs, 7)) {
                    paths.map(p -> logs.relativize(p).toString()).filter(p -> p.contains(folder))
                            .forEach(p -> started.add(p.substring(p.indexOf(folder) + folder.length()).split("/")[0]));
                }
            }
        }
        return started.size();
    }

    private static boolean executorLogsContain(String text) throws IOException {
        for (String executor : List.of("bbva-executor-1", "bbva-executor-2")) {
            Path log = TestServer.wlp().resolve("usr/servers/" + executor + "/logs/messages.log");
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static boolean active(JsonNode a) {
        return a.get("batchStatus").asText().matches("STARTING|STARTED|STOPPING");
    }

    /** An executor in the middle of its detect partition: it has stored some of its range's batches, not all. */
    private static java.util.Optional<String> processingOn(JsonNode a) {
        JsonNode streams = a.get("detectionStreams");
        JsonNode workers = a.get("workers");
        for (int i = 0; streams != null && workers != null && i < streams.size(); i++) {
            JsonNode s = streams.get(i);
            JsonNode by = workers.get(s.get("firstBatch").asInt()).get("detectedBy");
            int batches = s.get("lastBatch").asInt() - s.get("firstBatch").asInt() + 1;
            if (s.get("detected").asInt() >= 1 && s.get("detected").asInt() < batches && by != null && !by.isNull()) {
                return java.util.Optional.of(by.asText().replaceFirst("@.*", ""));
            }
        }
        return java.util.Optional.empty();
    }

    private static Set<String> workers(JsonNode a, String field) {
        Set<String> out = new TreeSet<>();
        a.get("workers").forEach(w -> {
            if (w.hasNonNull(field)) {
                out.add(w.get(field).asText().replaceFirst("@.*", ""));
            }
        });
        return out;
    }

    private static boolean alive(String server) throws IOException {
        Path pidFile = TestServer.wlp().resolve("usr/servers/.pid/" + server + ".pid");
        return Files.exists(pidFile) && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                .map(ProcessHandle::isAlive).orElse(false);
    }

    private static void kill9(String server) throws Exception {
        long pid = Long.parseLong(Files.readString(TestServer.wlp().resolve("usr/servers/.pid/" + server + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid + " for " + server));
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor());
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    private static void noteRss() throws IOException {
        StringBuilder rss = new StringBuilder();
        for (String server : List.of("bbva-dispatcher", "bbva-executor-1", "bbva-executor-2")) {
            Path pidFile = TestServer.wlp().resolve("usr/servers/.pid/" + server + ".pid");
            if (!Files.exists(pidFile)) {
                continue;
            }
            Path status = Path.of("/proc", Files.readString(pidFile).strip(), "status");
            if (Files.exists(status)) {
                Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                        .forEach(l -> rss.append(server).append(' ').append(l.substring(6).strip()).append("; "));
            }
        }
        TestServer.note("distributed: peak RSS %s", rss);
    }

    private static int cluster(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", TestPaths.project().resolve("liberty/cluster.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(TestServer.itDir().resolve("cluster.log").toFile()));
        Map<String, String> env = pb.environment();
        env.remove("BBVA_DB_URL");
        env.put("BBVA_DATA_DIR", data.toString());
        env.put("BBVA_CLUSTER_PORT", Integer.toString(PORT));
        env.put("BBVA_MEDIA_DIR", media.toString());
        env.put("BBVA_MODELS_DIR", TestPaths.project().resolve("models").toString());
        env.put("BBVA_SERVER_ENV", TestPaths.project().resolve("src/liberty-test/server/server.env").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "cluster.sh " + String.join(" ", args) + " did not return");
        return p.exitValue();
    }
}
