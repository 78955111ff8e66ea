package bbva.server;

import static bbva.server.TestServer.ADMIN;
import static bbva.server.TestServer.API;
import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.cli.EmbeddedReference;
import bbva.cli.Exports;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stop through Liberty's batch REST API during detection and during OCR: the job ends STOPPED, the
 * stored statuses claim nothing the rows do not hold, and a restart through the same API ends with
 * the export of an uninterrupted embedded run of the same file, byte for byte.
 */
@ExtendWith(ArquillianExtension.class)
class LibertyStopIT {
    static final int FRAMES = 240;
    static final String BATCH = TestServer.HTTPS + "/ibm/api/batch";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bbva.war"));
    }

    @Test
    void stopDuringDetectionThenRestart() throws Exception {
        stopAndRestart("stop-detect-it", a -> completed(a, "detectionStatus") >= 1);
    }

    @Test
    void stopDuringOcrThenRestart() throws Exception {
        stopAndRestart("stop-ocr-it", a -> completed(a, "ocrStatus") >= 1);
    }

    private void stopAndRestart(String name, Predicate<JsonNode> when) throws Exception {
        String clip = TestServer.clip(name, FRAMES);
        String csv = clip.replace(".mp4", ".csv");
        String reference = EmbeddedReference.export(TestServer.itDir().resolve("embedded-" + name), "analyze",
                TestServer.media().resolve(clip).toString(), "--detector", "file", "--detections",
                TestServer.media().resolve(csv).toString(), "--batch-size", "20", "--ocr-threads", "2", "--no-progress");

        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses",
                LibertyServerIT.submission(clip, ",\"batchSizeFrames\":\"20\""));
        assertEquals(201, created.status(), created.body());
        long id = created.json().get("id").asLong();
        awaitAnalysis(id, when);
        TestServer.Reply stop = TestServer.put(ADMIN, BATCH + "/jobinstances/" + id + "?action=stop", "{}");
        assertEquals(200, stop.status(), stop.body());
        JsonNode stopped = TestServer.awaitFinal(id, 120);
        assertEquals("STOPPED", stopped.get("batchStatus").asText(), stopped.toString());
        assertTrue(stopped.get("exitStatus").asText().startsWith("STOPPED: stopped on request"), stopped.toString());
        String partial = TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body();
        int detected = Exports.assertStatusesAreHonest(partial, reference);
        TestServer.note("%s: stopped with %d/%d batches detected", name, detected, FRAMES / 20);

        TestServer.Reply restart = TestServer.put(ADMIN, BATCH + "/jobinstances/" + id
                + "?action=restart&reusePreviousParams=true", "{}");
        assertEquals(200, restart.status(), restart.body());
        JsonNode done = TestServer.awaitFinal(id, 240);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        String export = TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body();
        assertEquals(reference, export, "after a stop in " + name + " and a restart, the server's results equal the embedded run's");
        Exports.assertNoDuplicates(export, reference);
    }

    static int completed(JsonNode analysis, String status) {
        int n = 0;
        if (analysis.has("batches")) {
            for (JsonNode b : analysis.get("batches")) {
                n += b.get(status).asText().equals("completed") ? 1 : 0;
            }
        }
        return n;
    }

    /** Polls GET /api/analyses/{id} until {@code when} holds (at most 120 s). */
    static JsonNode awaitAnalysis(long id, Predicate<JsonNode> when) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            JsonNode a = TestServer.get(MONITOR, API + "/analyses/" + id).json();
            if (when.test(a)) {
                return a;
            }
            assertTrue(System.nanoTime() < deadline, "analysis " + id + " did not get there in 120 s: " + a);
            Thread.sleep(20);
        }
    }
}
