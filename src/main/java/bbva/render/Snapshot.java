package bbva.render;

import bbva.AnalysisException;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;

/** One annotated frame as PNG, its trail drawn from the frames just before it. */
public final class Snapshot {
    private Snapshot() {
    }

    public static BufferedImage draw(StoredResults results, Path video, int frame) {
        int first = Math.max(0, frame - Annotator.TRAIL * Math.max(1, results.video().frameStride));
        Annotator annotator = new Annotator(results.video().fps);
        try (FrameSource source = FrameSource.open(video, frame)) {
            BufferedImage image = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
            for (int f = first; f < frame; f++) {
                annotator.draw(image, f, results.analysed(f), results.at(f), results);   // trails only; the image is redrawn
            }
            VideoFrame target = source.next();
            if (target == null) {
                throw new AnalysisException("Frame " + frame + " could not be decoded from " + video + ".");
            }
            byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            System.arraycopy(target.bgr(), 0, pixels, 0, pixels.length);
            annotator.draw(image, frame, results.analysed(frame), results.at(frame), results);
            return image;
        }
    }

    public static void write(StoredResults results, Path video, int frame, Path output) throws IOException {
        Images.writePng(draw(results, video, frame), output);
    }
}
