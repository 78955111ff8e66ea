package bbva.server;

import static bbva.server.TestServer.ADMIN;
import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.Poll;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job enforces the server's file rules itself: submitted straight to Liberty's batch REST API as
 * a submitter, past the app's REST checks, a job naming a file outside the media or models directory
 * (the server's own server.env among them) fails in its first step, and its exit status names the
 * parameter without a byte of the file. A restart with new parameters is held to the same rules.
 */
@ExtendWith(ArquillianExtension.class)
class JobRulesIT {
    static final String BATCH = TestServer.HTTPS + "/ibm/api/batch";
    static final ObjectMapper JSON = new ObjectMapper();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bbva.war"));
    }

    static Path serverEnv() {
        return TestServer.wlp().resolve("usr/servers/bbva-test/server.env");
    }

    @Test
    void pathsOutsideTheirDirectoriesFailWithoutEchoingTheFile() throws Exception {
        String clip = TestServer.clip("rules-it", 30);
        String video = TestServer.media().resolve(clip).toString();
        assertTrue(Files.readString(serverEnv()).contains("test-pw"), "the secret this test guards");
        for (Map<String, String> params : new Map[] {
                Map.of("video", video, "detector", "file", "detections", serverEnv().toString()),
                Map.of("video", "/etc/passwd"),
                Map.of("video", serverEnv().toString()),
                Map.of("video", video, "detector", "file", "detections", TestServer.media() + "/../../../../../../etc/passwd"),
                Map.of("video", video, "detector", "rfdetr", "model", serverEnv().toString())}) {
            JsonNode done = submitAndAwait(params);
            assertEquals("FAILED", done.get("batchStatus").asText(), params + " -> " + done);
            String exit = done.get("exitStatus").asText();
            assertTrue(exit.contains("must be inside the server's"), params + " -> " + exit);
            assertNoSecret(exit);
        }
        assertNoSecret(TestServer.get(MONITOR, TestServer.API + "/analyses").body());
        assertNoSecret(Files.readString(TestServer.wlp().resolve("usr/servers/bbva-test/logs/messages.log")));
    }

    @Test
    void aRestartWithNewParametersIsHeldToTheSameRules() throws Exception {
        String clip = TestServer.clip("rules-restart-it", 60);
        String video = TestServer.media().resolve(clip).toString();
        String csv = video.replace(".mp4", ".csv");
        JsonNode failed = submitAndAwait(Map.of("video", video, "detector", "file", "detections", csv, "failAtFrame", "45"));
        assertEquals("FAILED", failed.get("batchStatus").asText(), failed.toString());

        ObjectNode body = JSON.createObjectNode();
        body.set("jobParameters", JSON.valueToTree(Map.of("video", video, "detector", "file",
                "detections", serverEnv().toString())));
        long instance = failed.get("instanceId").asLong();
        TestServer.Reply restart = TestServer.put(ADMIN, BATCH + "/jobinstances/" + instance + "?action=restart", body.toString());
        assertEquals(200, restart.status(), restart.body());
        JsonNode again = awaitExecution(newestExecution(instance, failed.get("executionId").asLong()));
        assertEquals("FAILED", again.get("batchStatus").asText(), again.toString());
        assertTrue(again.get("exitStatus").asText().contains("must be inside the server's media directory"), again.toString());
        assertNoSecret(again.get("exitStatus").asText());
    }

    @Test
    void twoAnalysesOfOneVideoAtOnceNeverMixTheirRows() throws Exception {
        String clip = TestServer.clip("one-at-a-time-it", 90);
        String video = TestServer.media().resolve(clip).toString();
        String csv = video.replace(".mp4", ".csv");
        String reference = bbva.cli.EmbeddedReference.export(TestServer.itDir().resolve("embedded-one-at-a-time"),
                "analyze", video, "--detector", "file", "--detections", csv, "--ocr-threads", "2", "--no-progress");
        // the app's REST API and Liberty's batch REST API, at once, with different options
        TestServer.Reply first = TestServer.post(SUBMITTER, TestServer.API + "/analyses", LibertyServerIT.submission(clip, ""));
        assertEquals(201, first.status(), first.body());
        JsonNode second = submitAndAwait(Map.of("video", video, "detector", "file", "detections", csv, "maxFrames", "30"));
        JsonNode firstDone = awaitExecution(first.json().get("executionId").asLong());
        JsonNode[] both = {firstDone, second};
        int completed = 0;
        for (JsonNode e : both) {
            if (e.get("batchStatus").asText().equals("COMPLETED")) {
                completed++;
            } else {
                assertEquals("FAILED", e.get("batchStatus").asText(), e.toString());
                // refused while the other runs, or (queued behind it for a slot) refused to replace its results
                String exit = e.get("exitStatus").asText();
                assertTrue(exit.contains("is being analyzed right now") || exit.contains("holds the results of analysis"), exit);
            }
        }
        assertEquals(1, completed, "exactly one of two analyses of one file runs: " + firstDone + " / " + second);
        long ran = firstDone.get("batchStatus").asText().equals("COMPLETED") ? first.json().get("id").asLong()
                : second.get("instanceId").asLong();
        if (ran == first.json().get("id").asLong()) {
            assertEquals(reference, TestServer.get(MONITOR, TestServer.API + "/analyses/" + ran + "/export").body(),
                    "the analysis that ran has exactly its own results");
        }

        // a new analysis of the file replaces those results only on purpose, and the old id says so
        TestServer.Reply again = TestServer.post(SUBMITTER, TestServer.API + "/analyses", LibertyServerIT.submission(clip, ""));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.json().get("error").asText().contains("holds the results of analysis " + ran), again.body());
        TestServer.Reply replacing = TestServer.post(SUBMITTER, TestServer.API + "/analyses",
                LibertyServerIT.submission(clip, ",\"replace\":\"true\""));
        assertEquals(201, replacing.status(), replacing.body());
        long newer = replacing.json().get("id").asLong();
        assertEquals("COMPLETED", TestServer.awaitFinal(newer, 180).get("batchStatus").asText());
        assertEquals(reference, TestServer.get(MONITOR, TestServer.API + "/analyses/" + newer + "/export").body());
        JsonNode old = TestServer.get(MONITOR, TestServer.API + "/analyses/" + ran).json();
        assertEquals(newer, old.get("supersededBy").asLong(), old.toString());
        assertEquals(409, TestServer.get(MONITOR, TestServer.API + "/analyses/" + ran + "/export").status());
        WebPage.superseded(ran, newer, TestServer.itDir());
    }

    static void assertNoSecret(String text) {
        assertFalse(text.contains("test-pw") || text.contains("BBVA_ADMIN_PASSWORD"), "a secret leaked: " + text);
    }

    static JsonNode submitAndAwait(Map<String, String> params) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("applicationName", "bbva");
        body.put("moduleName", "bbva.war");
        body.put("jobXMLName", "video-analysis");
        body.set("jobParameters", JSON.valueToTree(params));
        TestServer.Reply r = TestServer.post(SUBMITTER, BATCH + "/jobinstances", body.toString());
        assertEquals(201, r.status(), r.body());
        long instance = r.json().get("instanceId").asLong();
        JsonNode executions = Poll.until("an execution of instance " + instance, 120, 200,
                () -> TestServer.get(SUBMITTER, BATCH + "/jobinstances/" + instance + "/jobexecutions").json(), e -> e.size() > 0);
        return awaitExecution(executions.get(0).get("executionId").asLong());
    }

    /** The execution of this instance newer than {@code than}, once there is one. */
    static long newestExecution(long instance, long than) throws Exception {
        return Poll.until("a new execution of instance " + instance, 60, 200, () -> newest(instance), id -> id > than);
    }

    private static long newest(long instance) throws Exception {
        long newest = -1;
        for (JsonNode e : TestServer.get(ADMIN, BATCH + "/jobinstances/" + instance + "/jobexecutions").json()) {
            newest = Math.max(newest, e.get("executionId").asLong());
        }
        return newest;
    }

    static JsonNode awaitExecution(long execution) throws Exception {
        return Poll.until("the end of execution " + execution, 180, 300,
                () -> TestServer.get(SUBMITTER, BATCH + "/jobexecutions/" + execution).json(),
                e -> e.get("batchStatus").asText().matches("COMPLETED|FAILED|STOPPED|ABANDONED"));
    }
}
