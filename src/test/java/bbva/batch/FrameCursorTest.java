package bbva.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bbva.BatchPlan;
import bbva.store.VideoEntity;
import bbva.video.FrameSource;
import bbva.video.TestVideos;
import bbva.video.VideoFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR skips the frames it has no crops in and reads on from one batch into the next: the frames it reads must not change. */
class FrameCursorTest {
    @Test
    void skippingFramesAndGoingOnIntoTheNextBatchReadsTheFramesASeekWould(@TempDir Path dir) throws Exception {
        Path clip = TestVideos.render(dir.resolve("clip.mp4"), 40, 320, 240, 25);
        List<byte[]> sequential = new ArrayList<>();
        try (FrameSource s = FrameSource.open(clip, 0)) {
            for (VideoFrame f = s.next(); f != null; f = s.next()) {
                sequential.add(f.bgr());
            }
        }
        VideoEntity video = new VideoEntity();
        video.frameCount = 40;
        BatchPlan plan = new BatchPlan(40, 2, 5);   // stride 2: batches of frames 0-8, 10-18, ...
        try (FrameCursor cursor = new FrameCursor(clip, video, plan, 4, 8)) {
            cursor.skip();                           // 4
            assertArrayEquals(sequential.get(6), cursor.read().bgr());
            cursor.skip();                           // 8
            assertFalse(cursor.hasNext());
            cursor.extendTo(18);
            assertEquals(10, cursor.next());
            cursor.skip();                           // 10
            cursor.skip();                           // 12
            VideoFrame f = cursor.read();
            assertEquals(14, f.index());
            assertArrayEquals(sequential.get(14), f.bgr());
        }
    }
}
