package bbva.server;

import static bbva.server.TestServer.ADMIN;
import static bbva.server.TestServer.API;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Liberty's own batch tools on bbva's job: batchManager restart from the command line, Admin Center in a browser. */
@ExtendWith(ArquillianExtension.class)
class BatchToolsIT {
    static final int FRAMES = 90;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bbva.war"));
    }

    @AfterAll
    static void numbers() throws Exception {
        TestServer.noteServer();
    }

    @Test
    void batchManagerRestartsAFailedExecutionFromItsCheckpoint() throws Exception {
        String clip = TestServer.clip("batchmanager-it", FRAMES);
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses",
                LibertyServerIT.submission(clip, ",\"failAtFrame\":\"45\""));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        JsonNode failed = TestServer.awaitFinal(id, 180);
        assertEquals("FAILED", failed.get("batchStatus").asText(), failed.toString());
        long failedExecution = failed.get("executionId").asLong();

        long started = System.nanoTime();
        BatchManager.Result r = BatchManager.run("restart", "--jobExecutionId=" + failedExecution, "--wait",
                "--pollingInterval_s=1", "--reusePreviousParams", "--jobParameter=failAtFrame=");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(BatchManager.EXIT_COMPLETED, r.exit(), r.output());
        assertTrue(r.output().contains("Batch status: COMPLETED"), r.output());
        TestServer.note("batchManager restart to COMPLETED (60 frames + OCR of 90): %.1f s", seconds);

        JsonNode done = TestServer.get(ADMIN, API + "/analyses/" + id).json();
        assertEquals("COMPLETED", done.get("batchStatus").asText());
        assertNotEquals(failedExecution, done.get("executionId").asLong());
        JsonNode steps = done.get("steps");
        assertEquals("claim", steps.get(0).get("step").asText(), "every execution claims the video first: " + done);
        JsonNode detect = null;
        for (JsonNode step : steps) {
            assertNotEquals("prepare", step.get("step").asText(), "prepare completed before and is not rerun: " + done);
            detect = step.get("step").asText().equals("detect") ? step : detect;
        }
        assertTrue(detect != null, "the restart ran detect: " + done);
        assertEquals(FRAMES - 30, detect.get("readCount").asInt(), "resumed at frame 30, batch 0's checkpoint");
        for (JsonNode b : done.get("batches")) {
            assertEquals("completed", b.get("detectionStatus").asText());
            assertEquals("completed", b.get("ocrStatus").asText());
        }
    }

    @Test
    void batchRestApiListsStopsAndRestarts() throws Exception {
        int frames = 300;
        String clip = TestServer.clip("restapi-it", frames);
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses", LibertyServerIT.submission(clip, ""));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        String batch = TestServer.HTTPS + "/ibm/api/batch";
        TestServer.awaitFirstBatch(id);
        TestServer.Reply stop = TestServer.put(ADMIN, batch + "/jobinstances/" + id + "?action=stop", "{}");
        assertEquals(200, stop.status(), stop.body());
        JsonNode stopped = TestServer.awaitFinal(id, 120);
        assertEquals("STOPPED", stopped.get("batchStatus").asText(), stopped.toString());

        TestServer.Reply listed = TestServer.get(TestServer.MONITOR, batch + "/jobinstances?jobName=video-analysis");
        assertEquals(200, listed.status());
        boolean found = false;
        for (JsonNode instance : listed.json()) {
            found |= instance.get("instanceId").asLong() == id && instance.get("batchStatus").asText().equals("STOPPED");
        }
        assertTrue(found, "the batch REST API lists instance " + id + " as STOPPED: " + listed.body());

        TestServer.Reply restart = TestServer.put(ADMIN, batch + "/jobinstances/" + id + "?action=restart&reusePreviousParams=true", "{}");
        assertEquals(200, restart.status(), restart.body());
        JsonNode done = TestServer.awaitFinal(id, 180);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        assertNotEquals(stopped.get("executionId").asLong(), done.get("executionId").asLong());
        assertEquals(frames, done.get("frames").get("done").asInt());
        for (JsonNode b : done.get("batches")) {
            assertEquals("completed", b.get("detectionStatus").asText());
            assertEquals("completed", b.get("ocrStatus").asText());
        }
        assertEquals(4, TestServer.get(ADMIN, API + "/analyses/" + id + "/players").json().size());
        // the application's own messages are in Liberty's job logs (what Admin Center and batchManager show)
        TestServer.Reply logs = TestServer.get(TestServer.MONITOR, batch + "/jobinstances/" + id + "/joblogs?type=text");
        assertEquals(200, logs.status(), logs.body());
        assertTrue(logs.body().contains("detect: frames 0-29 stored with "), logs.body());
        assertTrue(logs.body().contains("Analysis " + id + ": execution " + done.get("executionId").asLong() + " ended COMPLETED"),
                logs.body());
    }

    @Test
    void adminCenterShowsTheJobInTheJavaBatchTool() throws Exception {
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses",
                LibertyServerIT.submission(TestServer.clip("admincenter-it", 30), ""));
        assertEquals(201, created.status(), created.body());
        TestServer.awaitFinal(created.json().get("id").asLong(), 180);
        Path shot = TestServer.itDir().resolve("admin-center-java-batch.png");
        String page = AdminCenter.javaBatchPage(ADMIN, TestServer.password(ADMIN), shot);
        assertTrue(page.contains("video-analysis"), "the Java Batch tool lists the job: " + page);
        assertTrue(Files.size(shot) > 10_000, "screenshot saved at " + shot);
    }

    /** Liberty's batchManager command-line client against the test server. */
    static final class BatchManager {
        /** batchManager --wait exits 30 + the final BatchStatus ordinal: 35 is COMPLETED. */
        static final int EXIT_COMPLETED = 35;

        record Result(int exit, String output) {
        }

        static Result run(String... args) throws Exception {
            List<String> cmd = new java.util.ArrayList<>(List.of(TestServer.wlp().resolve("bin/batchManager").toString()));
            cmd.addAll(List.of(args));
            // as liberty/batch-restart.sh does: the password in a private control-properties file, not on the command line
            java.nio.file.Path control = Files.createTempFile("batchmanager", ".properties");
            Files.writeString(control, "--user=" + ADMIN + "\n--password=" + TestServer.password(ADMIN) + "\n");
            cmd.addAll(List.of("--batchManager=localhost:19443", "--controlPropertiesFile=" + control,
                    "--trustSslCertificates"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("batchManager did not finish in 300 s");
            }
            Files.delete(control);
            return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
