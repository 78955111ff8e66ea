package bbva.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bbva.TestPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart re-opens the video at its checkpoint: the frame it gets must be that frame, byte for byte. */
class FrameSourceTest {
    private static List<byte[]> all(Path video) {
        List<byte[]> frames = new ArrayList<>();
        try (FrameSource s = FrameSource.open(video, 0)) {
            VideoFrame f;
            while ((f = s.next()) != null) {
                assertEquals(frames.size(), f.index());
                frames.add(f.bgr());
            }
        }
        return frames;
    }

    private static void assertSeeksExactly(Path video, int... starts) {
        List<byte[]> sequential = all(video);
        for (int start : starts) {
            try (FrameSource s = FrameSource.open(video, start)) {
                for (int k = start; k < Math.min(start + 3, sequential.size()); k++) {
                    VideoFrame f = s.next();
                    assertEquals(k, f.index());
                    assertArrayEquals(sequential.get(k), f.bgr(), "content of frame " + k + " after seeking to " + start);
                }
            }
        }
    }

    @Test
    void seeksExactlyInRealFootage() {
        Path vtest = TestPaths.vtest();
        assertSeeksExactly(vtest, 29, 30, 60, 331, 450, 780, 793);
        try (FrameSource s = FrameSource.open(vtest, 794)) {
            assertEquals(794, s.next().index());
            assertNull(s.next());
        }
    }

    @Test
    void seeksExactlyInARenderedClipWithBFrames(@TempDir Path dir) throws Exception {
        Path clip = TestVideos.render(dir.resolve("clip.mp4"), 75, 320, 240, 25);
        assertEquals(75, all(clip).size());
        assertSeeksExactly(clip, 1, 13, 30, 31, 60, 72);
    }

    @Test
    void skipAdvancesLikeNext(@TempDir Path dir) throws Exception {
        Path clip = TestVideos.render(dir.resolve("clip.avi"), 20, 160, 120, 10);
        List<byte[]> sequential = all(clip);
        try (FrameSource s = FrameSource.open(clip, 0)) {
            for (int i = 0; i < 7; i++) {
                s.skip();
            }
            assertArrayEquals(sequential.get(7), s.next().bgr());
        }
    }
}
