package bbva.server;

import static bbva.server.TestServer.ADMIN;
import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.Poll;
import bbva.TestPaths;
import bbva.cli.EmbeddedReference;
import bbva.cli.Exports;
import bbva.video.PlayerClip;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of a Liberty server in the middle of a job. This test owns its own server, bbva-crash
 * (server.xml and liberty/ as a user's, test passwords, loopback ports 29080/29443), so that it can
 * kill it and start it again with Liberty's own scripts. After the new start the execution must be
 * FAILED (not STARTED forever), and a restart through the batch REST API must end with the results
 * of an uninterrupted embedded run, byte for byte.
 */
class ServerCrashIT {
    static final String NAME = "bbva-crash";
    static final String HTTP = "http://localhost:29080";
    static final String API = HTTP + "/bbva/api";
    static final String BATCH = "https://localhost:29443/ibm/api/batch";
    static final int FRAMES = 60;
    static final String MODEL = "standin/rfdetr-standin-heavy.onnx";
    static Path server;
    static Path media;

    @BeforeAll
    static void createServer() throws Exception {
        Path project = TestPaths.project();
        server = TestServer.wlp().resolve("usr/servers/" + NAME);
        stopServer();
        TestPaths.deleteTree(server);
        Path dir = TestServer.itDir().resolve("crash");
        media = Files.createDirectories(dir.resolve("media"));
        Files.createDirectories(server.resolve("configDropins/defaults"));
        Files.copy(project.resolve("server.xml"), server.resolve("server.xml"));
        Files.copy(project.resolve("liberty/configDropins/defaults/bbva-app.xml"),
                server.resolve("configDropins/defaults/bbva-app.xml"));
        Files.copy(project.resolve("src/liberty-test/server/server.env"), server.resolve("server.env"));
        Files.writeString(server.resolve("bootstrap.properties"), String.join("\n",
                "bbva.war=" + project.resolve("target/bbva.war"),
                "bbva.media.dir=" + media,
                "bbva.data.dir=" + dir.resolve("data"),
                "bbva.models.dir=" + project.resolve("models"),
                "bbva.http.port=29080",
                "bbva.https.port=29443", ""));
    }

    @AfterAll
    static void stopAfterwards() throws Exception {
        stopServer();
    }

    @Test
    void killedServerMidDetectionRestartsToTheSameResults() throws Exception {
        Path clip = PlayerClip.render(media.resolve("crash.mp4"), FRAMES);
        // the heavy stand-in costs what RF-DETR-nano costs: detection is still running when the first batch is stored
        // (whole frames: tiles would triple the model time of a test about the server's crash)
        String reference = EmbeddedReference.export(TestServer.itDir().resolve("embedded-crash"), "analyze", clip.toString(),
                "--detector", "rfdetr", "--model", TestPaths.project().resolve("models").resolve(MODEL).toString(),
                "--threads", "1", "--batch-size", "20", "--ocr-threads", "2", "--tiles", "off", "--no-progress");

        startServer();
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"crash.mp4\",\"options\":{"
                + "\"detector\":\"rfdetr\",\"model\":\"" + MODEL + "\",\"threads\":\"1\",\"batchSizeFrames\":\"20\","
                + "\"ocrThreads\":\"2\",\"tiles\":\"off\"}}");
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        TestServer.awaitAnalysis(API, id, a -> LibertyStopIT.completed(a, "detectionStatus") >= 1, 300);
        long started = System.nanoTime();
        killServer();

        startServer();
        TestServer.note("server killed mid-detect, started again and ready in %.1f s", (System.nanoTime() - started) / 1e9);
        JsonNode after = TestServer.get(MONITOR, API + "/analyses/" + id).json();
        assertEquals("FAILED", after.get("batchStatus").asText(), "Liberty marks the execution of a dead server failed: " + after);
        String partial = TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body();
        int detected = Exports.assertStatusesAreHonest(partial, reference);
        assertTrue(detected < FRAMES / 20, "killed during detection: " + partial.substring(0, Math.min(600, partial.length())));

        TestServer.Reply restart = TestServer.put(ADMIN, BATCH + "/jobinstances/" + id + "?action=restart&reusePreviousParams=true", "{}");
        assertEquals(200, restart.status(), restart.body());
        JsonNode done = TestServer.awaitAnalysis(API, id, a -> !a.get("batchStatus").asText().matches("STARTING|STARTED|FAILED"), 300);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        String export = TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body();
        assertEquals(reference, export, "after kill -9 of the server and a restart, the results equal an uninterrupted run's");
        Exports.assertNoDuplicates(export, reference);
    }

    private static void startServer() throws Exception {
        assertEquals(0, wlpServer("start"), "server start " + NAME);
        Poll.until(NAME + " ready", 240, 500, ServerCrashIT::readiness, status -> status == 200);
    }

    private static int readiness() throws InterruptedException {
        try {
            return TestServer.get(null, HTTP + "/health/ready").status();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static void killServer() throws Exception {
        Path pidFile = server.resolveSibling(".pid").resolve(NAME + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no server process " + pid));
        assertEquals(0, new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor());
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    private static void stopServer() throws Exception {
        if (Files.isDirectory(server)) {
            wlpServer("stop");
        }
    }

    private static int wlpServer(String action) throws Exception {
        Process p = new ProcessBuilder(List.of(TestServer.wlp().resolve("bin/server").toString(), action, NAME))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "server " + action + " " + NAME + " did not return");
        return p.exitValue();
    }
}
