package bbva.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.IntFunction;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/** Writes drawn frames as an MPEG-4 Part 2 clip of high quality (numbers stay readable). */
final class ClipWriter {
    private ClipWriter() {
    }

    static Path write(Path file, int width, int height, double fps, int frames, IntFunction<BufferedImage> draw) throws IOException {
        return write(file, width, height, fps, java.util.stream.IntStream.range(0, frames).mapToObj(draw).iterator());
    }

    static Path write(Path file, int width, int height, double fps, Iterator<BufferedImage> frames) throws IOException {
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setVideoQuality(2);
            r.start();
            while (frames.hasNext()) {
                r.record(conv.convert(frames.next()));
            }
            r.stop();
        }
        return file;
    }
}
