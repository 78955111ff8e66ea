package bbva.cli;

import bbva.ocr.JerseyReading;
import bbva.ocr.PpOcrJerseyReader;
import bbva.video.VideoFrame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "read-number", description = "Read the jersey number in each image (a crop of a shirt), as the analysis would.")
final class ReadNumberCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<Path> images;

    @Override
    public Integer call() {
        List<VideoFrame> crops = new ArrayList<>();
        for (Path image : images) {
            try (Mat m = opencv_imgcodecs.imread(image.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
                if (m.empty()) {
                    System.err.println("error: cannot read " + image + " as an image (PNG, JPEG, BMP ...).");
                    return ExitCodes.BAD_INPUT;
                }
                byte[] bgr = new byte[m.rows() * m.cols() * 3];
                try (BytePointer data = m.data()) {
                    data.get(bgr);
                }
                crops.add(new VideoFrame(0, m.cols(), m.rows(), bgr));
            }
        }
        try (PpOcrJerseyReader reader = new PpOcrJerseyReader(Runtime.getRuntime().availableProcessors())) {
            List<JerseyReading> readings = reader.read(crops);
            for (int i = 0; i < images.size(); i++) {
                JerseyReading r = readings.get(i);
                System.out.printf(Locale.ROOT, "%s: %s (confidence %.2f)%n", images.get(i),
                        r.number() == null ? "no number" : r.number(), r.confidence());
            }
        }
        return ExitCodes.OK;
    }
}
