package bbva.video;

/** One decoded frame: packed BGR, row after row, exactly width * height * 3 bytes (native code relies on it). */
public record VideoFrame(int index, int width, int height, byte[] bgr) {
    public VideoFrame {
        if (width <= 0 || height <= 0 || bgr.length != width * height * 3) {
            throw new IllegalArgumentException("a " + width + "x" + height + " BGR frame needs " + (width * height * 3)
                    + " bytes, got " + bgr.length);
        }
    }
}
