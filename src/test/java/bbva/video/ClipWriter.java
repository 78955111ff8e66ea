package bbva.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
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
        try (FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            r.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            r.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            r.setFrameRate(fps);
            r.setVideoQuality(2);
            r.start();
            for (int f = 0; f < frames; f++) {
                r.record(conv.convert(draw.apply(f)));
            }
            r.stop();
        }
        return file;
    }
}
