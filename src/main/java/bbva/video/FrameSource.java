package bbva.video;

import bbva.AnalysisException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** Decodes a video's frames in order from a given index, as packed BGR. */
public final class FrameSource implements AutoCloseable {
    private final Path path;
    private final FFmpegFrameGrabber grabber;
    private int nextIndex;

    private FrameSource(Path path, FFmpegFrameGrabber grabber) {
        this.path = path;
        this.grabber = grabber;
    }

    /** Opens the video positioned so that {@link #next()} returns frame {@code startIndex}. */
    public static FrameSource open(Path path, int startIndex) {
        DecodeErrors.install();
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(path.toFile());
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            closeQuietly(g);   // a failed start can leave FFmpeg's context half open
            throw new AnalysisException("Cannot open " + path + " as a video (" + e.getMessage()
                    + "). Check that it is a video file FFmpeg can read (.mp4, .avi, .mkv ...).", e);
        }
        if (g.getVideoStream() < 0 || g.getImageWidth() <= 0) {
            closeQuietly(g);
            throw new AnalysisException(path + " has no video stream. Give a video file, not an audio or other file.");
        }
        FrameSource source = new FrameSource(path, g);
        if (startIndex > 0) {
            try {
                source.seek(startIndex);
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
        }
        return source;
    }

    public int width() {
        return grabber.getImageWidth();
    }

    public int height() {
        return grabber.getImageHeight();
    }

    public double fps() {
        return grabber.getFrameRate();
    }

    /** The frame count the container's stream header claims (0 when it does not say); may be wrong. */
    public int headerFrameCount() {
        long declared = grabber.getFormatContext().streams(grabber.getVideoStream()).nb_frames();
        return (int) Math.max(0, declared);
    }

    public String codec() {
        return grabber.getVideoCodecName();
    }

    /** Index of the frame the next call to {@link #next()} or {@link #skip()} returns. */
    public int nextIndex() {
        return nextIndex;
    }

    /** The next frame, or null at the end of the stream. */
    public VideoFrame next() {
        Frame f = grab(true);
        if (f == null) {
            return null;
        }
        VideoFrame frame = new VideoFrame(nextIndex, f.imageWidth, f.imageHeight, packed(f));
        nextIndex++;
        return frame;
    }

    /** Decodes past one frame without converting it; false at the end of the stream. */
    public boolean skip() {
        if (grab(false) == null) {
            return false;
        }
        nextIndex++;
        return true;
    }

    private Frame grab(boolean convert) {
        try {
            return grabber.grabFrame(false, true, convert, false, false);
        } catch (FrameGrabber.Exception e) {
            throw new AnalysisException("Decoding " + path + " failed at frame " + nextIndex + " (" + e.getMessage()
                    + "). The file may be damaged: re-encode it, e.g. ffmpeg -i in.avi -c:v libx264 out.mp4.", e);
        }
    }

    /**
     * Seeks to a frame. Containers without exact seeking land elsewhere; the landed index is checked
     * and, if it is not the one asked for, the stream is decoded from the start instead.
     */
    private void seek(int index) {
        try {
            grabber.setVideoFrameNumber(index);
            if (grabber.getFrameNumber() == index) {
                nextIndex = index;
                return;
            }
            grabber.setVideoFrameNumber(0);
        } catch (FrameGrabber.Exception e) {
            throw new AnalysisException("Cannot seek to frame " + index + " in " + path + ": " + e.getMessage(), e);
        }
        nextIndex = 0;
        while (nextIndex < index) {
            if (!skip()) {
                throw new AnalysisException(path + " ends at frame " + nextIndex + ", before frame " + index
                        + " where the analysis stopped. Was the file replaced or truncated?");
            }
        }
    }

    private static byte[] packed(Frame f) {
        ByteBuffer buf = (ByteBuffer) f.image[0];
        int rowBytes = f.imageWidth * 3;
        byte[] out = new byte[rowBytes * f.imageHeight];
        if (f.imageStride == rowBytes) {
            buf.duplicate().position(0).get(out, 0, out.length);
        } else {
            ByteBuffer b = buf.duplicate();
            for (int y = 0; y < f.imageHeight; y++) {
                b.position(y * f.imageStride);
                b.get(out, y * rowBytes, rowBytes);
            }
        }
        return out;
    }

    private static void closeQuietly(FFmpegFrameGrabber g) {
        try {
            g.close();
        } catch (FrameGrabber.Exception ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        closeQuietly(grabber);
    }
}
