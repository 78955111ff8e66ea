package bbva.detect;

import bbva.AnalysisException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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

    /** One line of the file; a label with a comma is quoted, as CSV does. */
    private record Line(int frame, int classId, String label, float score, float x1, float y1, float x2, float y2) {
    }

    private static final CsvSchema COLUMNS = CsvSchema.builder().addColumn("frame").addColumn("classId").addColumn("label")
            .addColumn("score").addColumn("x1").addColumn("y1").addColumn("x2").addColumn("y2").build();

    private static final ObjectReader LINE = new CsvMapper().readerFor(Line.class).with(COLUMNS)
            .with(CsvParser.Feature.TRIM_SPACES).with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);

    public FileDetector(Path file) {
        this.file = file;
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new AnalysisException("Cannot read detections file " + file + ": " + e.getMessage(), e);
        }
        for (int n = 0; n < lines.size(); n++) {
            String text = lines.get(n).strip();
            if (text.isEmpty() || (n == 0 && text.startsWith("frame"))) {
                continue;
            }
            Line l;
            try {
                l = LINE.readValue(text);
            } catch (IOException | RuntimeException e) {
                // the line itself is not quoted: the file may be anything a job parameter named
                throw new AnalysisException("Line " + (n + 1) + " of " + file
                        + " is not a detection (frame,classId,label,score,x1,y1,x2,y2). Fix the file and restart.");
            }
            byFrame.computeIfAbsent(l.frame(), k -> new ArrayList<>())
                    .add(Detection.of(l.classId(), l.label(), l.score(), l.x1(), l.y1(), l.x2(), l.y2()));
        }
    }

    @Override
    public List<Detection> detect(Prepared frame) {
        return byFrame.getOrDefault(frame.frame().index(), List.of());
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
