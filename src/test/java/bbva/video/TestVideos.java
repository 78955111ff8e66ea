package bbva.video;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Videos the tests make themselves: rendered clips, and broken copies of real footage. */
public final class TestVideos {
    private TestVideos() {
    }

    /** A clip of moving "players" (coloured boxes) on a court-coloured background; MPEG-4 Part 2 with B-frames. */
    public static Path render(Path file, int frames, int width, int height, double fps) throws IOException {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setGopSize(12);
            r.setVideoQuality(3);
            r.setVideoOption("bf", "2");
            r.start();
            for (int i = 0; i < frames; i++) {
                r.record(conv.convert(draw(i, width, height)));
            }
            r.stop();
        }
        return file;
    }

    /** A container with a video stream and no frames. */
    public static Path empty(Path file) throws IOException {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0)) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setFrameRate(10);
            r.start();
            r.stop();
        }
        return file;
    }

    static BufferedImage draw(int i, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(196, 150, 100));
        g.fillRect(0, 0, w, h);
        Color[] shirts = {Color.RED, Color.BLUE, Color.WHITE};
        for (int p = 0; p < shirts.length; p++) {
            int x = (int) ((p * w / 3.0 + i * (3 + p)) % (w - 40));
            int y = h / 4 + p * h / 6;
            g.setColor(shirts[p]);
            g.fillRect(x, y, 30, 70);
            g.setColor(Color.BLACK);
            g.fillOval(x + 8, y - 16, 14, 14);
        }
        g.dispose();
        return img;
    }

    /** A copy with the first {@code fraction} of the bytes only. */
    public static Path truncated(Path source, Path target, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Files.write(target, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
        return target;
    }

    /** A copy with random bytes written over a stretch of the stream (deterministic). */
    public static Path damaged(Path source, Path target) throws IOException {
        Files.copy(source, target);
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        try (RandomAccessFile f = new RandomAccessFile(target.toFile(), "rw")) {
            for (long at = f.length() / 4; at < f.length() * 3 / 4; at += f.length() / 8) {
                f.seek(at);
                f.write(junk);
            }
        }
        return target;
    }

    /** The video scaled to width x height (bicubic), every frame, at its frame rate, in high quality. */
    public static Path resized(Path source, Path target, int width, int height) throws IOException {
        try (FrameSource in = FrameSource.open(source, 0)) {
            Iterator<BufferedImage> frames = new Iterator<>() {
                VideoFrame next = in.next();

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public BufferedImage next() {
                    BufferedImage frame = new BufferedImage(next.width(), next.height(), BufferedImage.TYPE_3BYTE_BGR);
                    frame.getRaster().setDataElements(0, 0, next.width(), next.height(), next.bgr());
                    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                    Graphics2D g = out.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                    g.drawImage(frame, 0, 0, width, height, null);
                    g.dispose();
                    next = in.next();
                    return out;
                }
            };
            return ClipWriter.write(target, width, height, in.fps(), frames);
        }
    }
}
