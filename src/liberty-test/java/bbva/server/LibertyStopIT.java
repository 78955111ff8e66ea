package bbva.server;

import static bbva.server.TestServer.ADMIN;
import static bbva.server.TestServer.API;
import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.Poll;
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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    /**
     * An admin watches the analysis on the web page while it runs: its batch strip advances; the Stop
     * button stops it, the Restart button finishes it, with the uninterrupted run's results.
     */
    @Test
    void stopAndRestartFromTheWebPage() throws Exception {
        String name = "stop-web-it";
        String clip = TestServer.clip(name, FRAMES);
        // every box read (--ocr-crops 0): the job then runs long enough for a person to click Stop mid-run
        String reference = reference(name, clip, "--ocr-crops", "0");
        try (Browser browser = Browser.open()) {
            WebDriverWait wait = WebPage.login(browser, ADMIN);
            long id = submit(clip, ",\"ocrCrops\":\"0\"");
            browser.driver.get(TestServer.HTTPS + "/bbva/web/#analysis/" + id);
            wait.until(d -> WebPage.completedCells(d) >= 1);
            int seen = WebPage.completedCells(browser.driver);
            wait.until(d -> WebPage.completedCells(d) > seen);
            browser.screenshot(TestServer.itDir().resolve("web-running.png"));
            TestServer.note("%s: the page's strip went from %d to %d completed cells of %d while the job ran", name, seen,
                    WebPage.completedCells(browser.driver), 2 * FRAMES / 20);

            browser.driver.findElement(By.id("stop")).click();
            JsonNode stopped = TestServer.awaitFinal(id, 120);
            assertEquals("STOPPED", stopped.get("batchStatus").asText(), stopped.toString());
            Exports.assertStatusesAreHonest(TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body(), reference);
            wait.until(d -> d.findElement(By.id("restart")).isEnabled());
            browser.screenshot(TestServer.itDir().resolve("web-stopped.png"));

            browser.driver.findElement(By.id("restart")).click();
            wait.until(d -> d.findElement(By.id("actionResult")).getText().equals("asked: restart"));
            JsonNode done = TestServer.awaitFinal(id, 240);
            assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
            assertEquals(reference, TestServer.get(MONITOR, API + "/analyses/" + id + "/export").body(),
                    "stopped and restarted from the page, the results equal the embedded run's");
            wait.until(d -> WebPage.completedCells(d) == 2 * FRAMES / 20 && !d.findElement(By.id("restart")).isEnabled());
            WebPage.assertNoConsoleErrors(browser.driver);
        }
    }

    /** The app's stop and restart calls: JSON only, a role that may submit, and only when they apply. */
    @Test
    void stopAndRestartCallsAreGuarded() throws Exception {
        String clip = TestServer.clip("stop-guards-it", 60);
        long id = submit(clip);
        TestServer.Reply form = TestServer.send(ADMIN, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(API + "/analyses/" + id + "/stop")).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(415, form.status(), "what a cross-site form can send is refused: " + form.body());
        assertTrue(form.json().get("error").asText().contains("application/json"), form.body());
        TestServer.Reply monitor = TestServer.post(MONITOR, API + "/analyses/" + id + "/stop", "{}");
        assertEquals(403, monitor.status(), monitor.body());
        assertEquals(401, TestServer.post(null, API + "/analyses/" + id + "/stop", "{}").status());
        TestServer.Reply early = TestServer.post(SUBMITTER, API + "/analyses/" + id + "/restart", "{}");
        assertEquals(409, early.status(), "a running or completed analysis is not restarted: " + early.body());
        JsonNode done = TestServer.awaitFinal(id, 120);
        assertEquals("COMPLETED", done.get("batchStatus").asText());
        TestServer.Reply late = TestServer.post(SUBMITTER, API + "/analyses/" + id + "/stop", "{}");
        assertEquals(409, late.status(), late.body());
        assertTrue(late.json().get("error").asText().contains("not running"), late.body());
        assertEquals(404, TestServer.post(SUBMITTER, API + "/analyses/987654/restart", "{}").status());
    }

    private static String reference(String name, String clip, String... extra) throws Exception {
        String csv = clip.replace(".mp4", ".csv");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("analyze",
                TestServer.media().resolve(clip).toString(), "--detector", "file", "--detections",
                TestServer.media().resolve(csv).toString(), "--batch-size", "20", "--ocr-threads", "2", "--no-progress"));
        args.addAll(java.util.List.of(extra));
        return EmbeddedReference.export(TestServer.itDir().resolve("embedded-" + name), args.toArray(String[]::new));
    }

    private static long submit(String clip) throws Exception {
        return submit(clip, "");
    }

    private static long submit(String clip, String extraOptions) throws Exception {
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses",
                LibertyServerIT.submission(clip, ",\"batchSizeFrames\":\"20\"" + extraOptions));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asLong();
    }

    private void stopAndRestart(String name, Predicate<JsonNode> when) throws Exception {
        String clip = TestServer.clip(name, FRAMES);
        String reference = reference(name, clip);
        long id = submit(clip);
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
        return Poll.until("the awaited state of analysis " + id, 120, 20, () -> TestServer.get(MONITOR, API + "/analyses/" + id).json(), when);
    }
}
