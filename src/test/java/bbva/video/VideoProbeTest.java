package bbva.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoProbeTest {
    private static String problem(Path p) {
        return assertThrows(AnalysisException.class, () -> VideoProbe.probe(p)).getMessage();
    }

    @Test
    void realFootageIsCountedByDecoding() {
        VideoInfo info = VideoProbe.probe(TestPaths.vtest());
        assertEquals(795, info.frameCount());
        assertEquals(768, info.width());
        assertEquals(576, info.height());
        assertEquals(10.0, info.fps(), 1e-6);
        assertEquals(64, info.fingerprint().length());
    }

    /** Decode errors are counted per decode: a damaged video probed at the same time fails only itself. */
    @Test
    void aDamagedVideoDoesNotFailAGoodOneProbedAtTheSameTime(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        Path damaged = TestVideos.damaged(vtest, dir.resolve("bad.avi"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<String> bad = pool.submit(() -> problem(damaged));
            java.util.concurrent.Future<VideoInfo> good = pool.submit(() -> VideoProbe.probe(vtest));
            assertEquals(795, good.get().frameCount());
            assertTrue(bad.get().contains("is damaged"), bad.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void renderedClip(@TempDir Path dir) throws Exception {
        assertEquals(48, VideoProbe.probe(TestVideos.render(dir.resolve("c.mkv"), 48, 160, 120, 24)).frameCount());
    }

    @Test
    void missingFileAndNotAVideo(@TempDir Path dir) throws Exception {
        assertTrue(problem(dir.resolve("nope.mp4")).startsWith("Video not found"));
        Path text = Files.writeString(dir.resolve("notes.mp4"), "these are my notes, not a video\n".repeat(50));
        assertTrue(problem(text).contains("Cannot open"), problem(text));
        assertTrue(problem(dir).contains("not a readable file"));
    }

    @Test
    void zeroFrames(@TempDir Path dir) throws Exception {
        String p = problem(TestVideos.empty(dir.resolve("empty.mp4")));
        assertTrue(p.contains("no decodable video frames") || p.contains("Cannot open"), p);
    }

    @Test
    void truncatedAndDamagedFootage(@TempDir Path dir) throws Exception {
        Path vtest = TestPaths.vtest();
        String truncated = problem(TestVideos.truncated(vtest, dir.resolve("cut.avi"), 0.4));
        assertTrue(truncated.contains("truncated") && truncated.contains("795"), truncated);
        String damaged = problem(TestVideos.damaged(vtest, dir.resolve("bad.avi")));
        assertTrue(damaged.contains("is damaged") && damaged.contains("decode error"), damaged);
    }
}
