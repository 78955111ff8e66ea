package bbva.video;

/** One decoded frame as packed BGR bytes (row stride = width * 3). */
public record VideoFrame(int index, int width, int height, byte[] bgr) {
}
