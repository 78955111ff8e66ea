package bbva.detect;

import bbva.AnalysisException;
import bbva.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays detections from a CSV file (frame,classId,label,score,x1,y1,x2,y2; a header line is
 * allowed): for boxes made by another tool, or ground truth when checking tracking and OCR.
 */
public final class FileDetector implements Detector {
    private final Path file;
    private final Map<Integer, List<Detection>> byFrame = new HashMap<>();

    public FileDetector(Path file) {
        this.file = file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new AnalysisException("Cannot read detections file " + file + ": " + e.getMessage(), e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("frame")) {
                continue;
            }
            String[] f = line.split(",");
            try {
                byFrame.computeIfAbsent(Integer.parseInt(f[0]), k -> new ArrayList<>()).add(Detection.of(
                        Integer.parseInt(f[1]), f[2], Float.parseFloat(f[3]), Float.parseFloat(f[4]),
                        Float.parseFloat(f[5]), Float.parseFloat(f[6]), Float.parseFloat(f[7])));
            } catch (RuntimeException e) {
                // the line itself is not quoted: the file may be anything a job parameter named
                throw new AnalysisException("Line " + (n + 1) + " of " + file
                        + " is not a detection (frame,classId,label,score,x1,y1,x2,y2). Fix the file and restart.");
            }
        }
    }

    @Override
    public List<Detection> detect(VideoFrame frame) {
        return byFrame.getOrDefault(frame.index(), List.of());
    }

    @Override
    public String describe() {
        return "file:" + file.getFileName();
    }

    @Override
    public long inferenceNanos() {
        return 0;
    }

    @Override
    public void close() {
        // nothing held
    }
}
