package bbva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.cli.EmbeddedReference;
import bbva.store.Batch;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.export.Exporter;
import bbva.video.PlayerClip;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The video-analysis job inside Liberty's batch container (this test runs in the server): a forced
 * failure mid-detect, a restart that resumes from the last checkpoint, and stored results equal to
 * the embedded runtime's on the same clip.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LibertyJobIT {
    static final int FRAMES = 90;
    static final String CLIP = "job-it";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bbva.war"))
                .addClasses(LibertyJobIT.class, TestServer.class, TestServer.Reply.class, EmbeddedReference.class,
                        PlayerClip.class, PlayerClip.Player.class, TestPaths.class);
    }

    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Resource(lookup = "bbva/mediaDir")
    String mediaDir;

    @Test
    @Order(1)
    @RunAsClient
    void embeddedReferenceRun() throws Exception {
        Path clip = PlayerClip.render(TestServer.media().resolve(CLIP + ".mp4"), FRAMES);
        PlayerClip.boxes(TestServer.media().resolve(CLIP + ".csv"), FRAMES);
        String export = EmbeddedReference.export(TestServer.itDir().resolve("embedded-" + CLIP), "analyze", clip.toString(),
                "--detector", "file", "--detections", TestServer.media().resolve(CLIP + ".csv").toString(),
                "--ocr-threads", "2", "--no-progress");
        Files.writeString(TestServer.media().resolve(CLIP + ".embedded.json"), export);
    }

    @Test
    @Order(2)
    void failureMidDetectThenRestartResumesFromTheCheckpoint() throws Exception {
        Path media = Path.of(mediaDir);
        Path video = media.resolve(CLIP + ".mp4");
        Properties params = new Properties();
        params.setProperty("video", video.toString());
        params.setProperty("detector", "file");
        params.setProperty("detections", media.resolve(CLIP + ".csv").toString());
        params.setProperty("ocrThreads", "2");
        params.setProperty("failAtFrame", "45");
        JobOperator jobs = BatchRuntime.getJobOperator();

        JobExecution failed = await(jobs, jobs.start("video-analysis", params));
        assertEquals(BatchStatus.FAILED, failed.getBatchStatus());
        assertTrue(failed.getExitStatus().contains("forced failure at frame 45"), failed.getExitStatus());
        VideoEntity v = store.video(video.toString()).orElseThrow();
        assertEquals(List.of("completed", "failed", "pending"),
                store.batches(v.id).stream().map(b -> b.detection().db()).toList(), "batch 0 kept, batch 1 failed");
        assertEquals(29, store.detections(v.id, 0, Integer.MAX_VALUE).stream().mapToInt(d -> d.frame()).max().orElseThrow(),
                "nothing of the failed batch is stored");

        params.remove("failAtFrame");
        long restart = System.nanoTime();
        long execution = jobs.restart(failed.getExecutionId(), params);
        while (!store.batches(v.id).get(1).detection().db().equals("completed")) {
            assertTrue(System.nanoTime() - restart < 120e9, "the restart committed no batch in 120 s");
            Thread.sleep(20);
        }
        Files.writeString(media.resolveSibling("numbers.txt"), String.format(java.util.Locale.ROOT,
                "restart to first resumed batch committed (in server): %.2f s%n", (System.nanoTime() - restart) / 1e9),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        JobExecution restarted = await(jobs, execution);
        assertEquals(BatchStatus.COMPLETED, restarted.getBatchStatus());
        assertEquals("COMPLETED", restarted.getExitStatus());
        assertEquals(FRAMES - 30, readCount(jobs, restarted.getExecutionId(), "detect"),
                "the restart reads frames 30..89 only: it resumed from batch 0's checkpoint");
        for (Batch b : store.batches(v.id)) {
            assertEquals("completed", b.detection().db());
            assertEquals("completed", b.ocr().db());
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(store, players).writeJson(store.video(video.toString()).orElseThrow(), out);
        String embedded = Files.readString(media.resolve(CLIP + ".embedded.json"));
        assertEquals(embedded, out.toString(StandardCharsets.UTF_8), "server results equal the embedded run's");
        assertEquals(4, players.players(v.id).size());
    }

    static JobExecution await(JobOperator jobs, long execution) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JobExecution e = jobs.getJobExecution(execution);
            switch (e.getBatchStatus()) {
                case COMPLETED, FAILED, STOPPED, ABANDONED -> {
                    return e;
                }
                default -> Thread.sleep(200);
            }
        }
        throw new AssertionError("execution " + execution + " did not end in 120 s");
    }

    static long readCount(JobOperator jobs, long execution, String step) {
        for (StepExecution s : jobs.getStepExecutions(execution)) {
            if (s.getStepName().equals(step)) {
                for (Metric m : s.getMetrics()) {
                    if (m.getType() == Metric.MetricType.READ_COUNT) {
                        return m.getValue();
                    }
                }
            }
        }
        throw new AssertionError("no step " + step + " in execution " + execution);
    }
}
