package bbva.export;

import bbva.store.VideoEntity;
import java.math.BigDecimal;

/** The analyzed video, without its path or times (they differ between machines and runs). */
public record VideoRow(String name, String fingerprint, long sizeBytes, int width, int height, BigDecimal fps,
                       int frameCount, int analyzedFrames, int frameStride, int batchSize, String detector, String status) {
    public static VideoRow of(VideoEntity v) {
        return new VideoRow(v.name, v.fingerprint, v.sizeBytes, v.width, v.height, Fixed.of(v.fps, 3), v.frameCount,
                v.analyzedFrames, v.frameStride, v.batchSize, v.detector, v.status);
    }
}
