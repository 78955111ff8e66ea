package bbva.render;

import bbva.AnalysisException;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes frames [from, to] of a video with its stored results drawn on them, or a plain copy of it. The file is written
 * under a hidden temporary name beside the output and moved to the output name only when complete,
 * so a stopped or failed render never leaves a partial file under the name asked for.
 */
public final class VideoRenderer {
    /** H.264 bits per pixel per frame: sharp boxes and labels at a modest size. */
    private static final double BITS_PER_PIXEL = 0.2;

    public record Result(Path output, int frames, double seconds) {
        public double framesPerSecond() {
            return frames / Math.max(1e-9, seconds);
        }
    }

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean cancelled;

    /** Asks a running render to stop, and waits (a little) until it has removed its temporary file. */
    public void cancel() {
        cancelled = true;
        try {
            finished.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Result render(StoredResults results, Path video, int from, int to, Path output, IntConsumer progress) {
        return write(results, video, from, to, output, progress);
    }

    /**
     * The video's frames [0, to] as they are, in the output's format (H.264 for .mp4): a copy a web
     * browser can play, frame for frame.
     */
    public Result transcode(Path video, int to, Path output, IntConsumer progress) {
        return write(null, video, 0, to, output, progress);
    }

    private Result write(StoredResults results, Path video, int from, int to, Path output, IntConsumer progress) {
        String format = formatOf(output);
        Path temp = output.toAbsolutePath().resolveSibling("." + output.getFileName() + ".partial");
        long t0 = System.nanoTime();
        int written = 0;
        boolean done = false;
        try (FrameSource source = FrameSource.open(video, from);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            double fps = source.fps() > 0 ? source.fps() : 25;
            Annotator annotator = new Annotator(fps);
            BufferedImage image = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            try (FFmpegFrameRecorder recorder = recorder(temp, format, source.width(), source.height(), fps)) {
                for (int f = from; f <= to; f++) {
                    if (cancelled) {
                        throw new RenderCancelledException();
                    }
                    VideoFrame frame = source.next();
                    if (frame == null) {
                        break;
                    }
                    System.arraycopy(frame.bgr(), 0, pixels, 0, pixels.length);
                    if (results != null) {
                        annotator.draw(image, f, results.analysed(f), results.at(f), results);
                    }
                    recorder.record(converter.convert(image));
                    written++;
                    progress.accept(written);
                }
                recorder.stop();
            }
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
            return new Result(output, written, (System.nanoTime() - t0) / 1e9);
        } catch (FrameRecorder.Exception e) {
            throw new AnalysisException("Cannot write " + output + " (" + e.getMessage() + "). Check that its folder "
                    + "exists and is writable.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort; the temporary name is hidden and never the output's
                }
            }
            finished.countDown();
        }
    }

    private static FFmpegFrameRecorder recorder(Path file, String format, int w, int h, double fps)
            throws FrameRecorder.Exception {
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), w, h, 0);
        r.setFormat(format);
        if (format.equals("avi")) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setVideoQuality(2);
        } else {
            r.setVideoCodecName("libopenh264");
            r.setVideoBitrate((int) Math.max(500_000, w * h * fps * BITS_PER_PIXEL));
        }
        r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        r.setFrameRate(fps);
        r.start();
        return r;
    }

    static String formatOf(Path output) {
        String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".mp4") || name.endsWith(".m4v")) {
            return "mp4";
        }
        if (name.endsWith(".mov")) {
            return "mov";
        }
        if (name.endsWith(".mkv")) {
            return "matroska";
        }
        if (name.endsWith(".avi")) {
            return "avi";
        }
        throw new AnalysisException("Cannot tell the video format of " + output + ": name it .mp4 (H.264), .mkv, .mov or .avi.");
    }

    /** Thrown out of a render that {@link #cancel()} stopped. */
    public static final class RenderCancelledException extends RuntimeException {
        RenderCancelledException() {
            super("render stopped");
        }
    }
}
