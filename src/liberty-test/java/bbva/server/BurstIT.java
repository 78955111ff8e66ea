package bbva.server;

import static bbva.server.TestServer.API;
import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A burst of 30 submissions: the server runs its slots' worth at once and queues the rest (the last
 * ones wait longer than Derby's 60 s lock timeout, which a queue inside a step would run into), keeps
 * answering health checks and GETs within a second throughout, and every analysis completes with
 * the right players.
 */
@ExtendWith(ArquillianExtension.class)
class BurstIT {
    static final int JOBS = 30;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bbva.war"));
    }

    @Test
    void aBurstQueuesAndTheServerKeepsAnswering() throws Exception {
        String clip = TestServer.clip("burst-it", 30);
        List<String> videos = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            String name = clip.replace(".mp4", "-" + i + ".mp4");
            Files.copy(TestServer.media().resolve(clip), TestServer.media().resolve(name));
            Files.copy(TestServer.media().resolve(clip.replace(".mp4", ".csv")), TestServer.media().resolve(name.replace(".mp4", ".csv")));
            videos.add(name);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Long> health = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        Thread prober = new Thread(() -> {
            try {
                while (!done.get()) {
                    long probe;
                    synchronized (ids) {
                        probe = ids.isEmpty() ? 1 : ids.get(ids.size() / 2);
                    }
                    for (String url : new String[] {TestServer.HTTP + "/health/ready", API + "/analyses/" + probe}) {
                        long t0 = System.nanoTime();
                        TestServer.get(MONITOR, url);
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        latencies.add(ms);
                        if (url.endsWith("/ready")) {
                            health.add(ms);
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                latencies.add(Long.MAX_VALUE);
            }
        });
        prober.start();
        long t0 = System.nanoTime();
        try {
            for (String video : videos) {
                TestServer.Reply r = TestServer.post(SUBMITTER, API + "/analyses", LibertyServerIT.submission(video, ""));
                assertEquals(201, r.status(), r.body());
                ids.add(r.json().get("id").asLong());
            }
            // the last one waits for a slot: a stop answers at once, and it ends STOPPED without running
            long queued = ids.get(JOBS - 1);
            long s0 = System.nanoTime();
            TestServer.Reply stop = TestServer.post(SUBMITTER, API + "/analyses/" + queued + "/stop", "{}");
            long stopMs = (System.nanoTime() - s0) / 1_000_000;
            assertEquals(202, stop.status(), stop.body());
            JsonNode stopped = TestServer.awaitFinal(queued, 120);
            TestServer.note("stop of a queued analysis answered in %d ms; it ended %s after %.1f s", stopMs,
                    stopped.get("batchStatus").asText(), (System.nanoTime() - s0) / 1e9);
            assertEquals("STOPPED", stopped.get("batchStatus").asText(), stopped.toString());
            assertTrue(stopMs < 2000, "a stop answers at once: " + stopMs + " ms");
            for (long id : ids.subList(0, JOBS - 1)) {
                JsonNode a = TestServer.awaitFinal(id, 600);
                assertEquals("COMPLETED", a.get("batchStatus").asText(), a.toString());
                assertEquals(4, TestServer.get(MONITOR, API + "/analyses/" + id + "/players").json().size());
            }
        } finally {
            done.set(true);
            prober.join(10_000);
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p99 = sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
        List<Long> sortedHealth = new ArrayList<>(health);
        Collections.sort(sortedHealth);
        TestServer.note("burst of %d analyses done in %.1f s; %d health/GET probes, p50 %d ms, p99 %d ms, max %d ms "
                + "(health alone: p99 %d ms, max %d ms)", JOBS, (System.nanoTime() - t0) / 1e9, sorted.size(),
                sorted.get(sorted.size() / 2), p99, sorted.get(sorted.size() - 1),
                sortedHealth.get((int) Math.ceil(sortedHealth.size() * 0.99) - 1), sortedHealth.get(sortedHealth.size() - 1));
        assertTrue(p99 < 1000, "p99 of health and GET latency during the burst: " + p99 + " ms");
    }
}
