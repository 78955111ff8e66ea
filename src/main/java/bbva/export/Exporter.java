package bbva.export;

import bbva.detect.Detection;
import bbva.store.BatchEntity;
import bbva.store.OcrReadingEntity;
import bbva.store.PlayerEntity;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical export of one analysis: stable order, fixed precision, no wall-clock times, paths or
 * execution ids, so two analyses of the same video give identical bytes.
 */
public final class Exporter {
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "batches", List.of("index", "frameStart", "frameEnd", "detectionStatus", "ocrStatus"),
            "detections", List.of("frame", "index", "classId", "label", "score", "x1", "y1", "x2", "y2", "trackId"),
            "ocrReadings", List.of("frame", "index", "number", "confidence", "engine"),
            "players", List.of("trackId", "number", "confidence", "votes", "readings", "framesSeen", "firstFrame",
                    "lastFrame", "shortTrack"));

    private final Store store;
    private final PlayerStore players;

    public Exporter(Store store, PlayerStore players) {
        this.store = store;
        this.players = players;
    }

    /** The export as ordered tables of rows; JSON and CSV render the same content. */
    public Map<String, List<Map<String, Object>>> tables(VideoEntity v) {
        Map<String, List<Map<String, Object>>> t = new LinkedHashMap<>();
        t.put("video", List.of(videoRow(v)));
        List<Map<String, Object>> batches = new ArrayList<>();
        for (BatchEntity b : store.batches(v.id)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("index", b.batchIndex);
            r.put("frameStart", b.frameStart);
            r.put("frameEnd", b.frameEnd);
            r.put("detectionStatus", b.detectionStatus.db());
            r.put("ocrStatus", b.ocrStatus.db());
            batches.add(r);
        }
        t.put("batches", batches);
        List<Map<String, Object>> detections = new ArrayList<>();
        for (Detection d : store.detections(v.id)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("frame", d.frame());
            r.put("index", d.index());
            r.put("classId", d.classId());
            r.put("label", d.label());
            r.put("score", fixed(d.score(), 4));
            r.put("x1", fixed(d.x1(), 2));
            r.put("y1", fixed(d.y1(), 2));
            r.put("x2", fixed(d.x2(), 2));
            r.put("y2", fixed(d.y2(), 2));
            r.put("trackId", d.trackId());
            detections.add(r);
        }
        t.put("detections", detections);
        List<Map<String, Object>> readings = new ArrayList<>();
        for (OcrReadingEntity o : players.readings(v.id)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("frame", o.frame);
            r.put("index", o.index);
            r.put("number", o.number);
            r.put("confidence", fixed(o.confidence, 4));
            r.put("engine", o.engine);
            readings.add(r);
        }
        t.put("ocrReadings", readings);
        List<Map<String, Object>> people = new ArrayList<>();
        for (PlayerEntity p : players.players(v.id)) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("trackId", p.trackId);
            r.put("number", p.number);
            r.put("confidence", fixed(p.confidence, 4));
            r.put("votes", p.votes);
            r.put("readings", p.readings);
            r.put("framesSeen", p.framesSeen);
            r.put("firstFrame", p.firstFrame);
            r.put("lastFrame", p.lastFrame);
            r.put("shortTrack", p.shortTrack);
            people.add(r);
        }
        t.put("players", people);
        return t;
    }

    private static Map<String, Object> videoRow(VideoEntity v) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", v.name);
        r.put("fingerprint", v.fingerprint);
        r.put("sizeBytes", v.sizeBytes);
        r.put("width", v.width);
        r.put("height", v.height);
        r.put("fps", fixed(v.fps, 3));
        r.put("frameCount", v.frameCount);
        r.put("analyzedFrames", v.analyzedFrames);
        r.put("frameStride", v.frameStride);
        r.put("batchSize", v.batchSize);
        r.put("detector", v.detector);
        r.put("status", v.status);
        return r;
    }

    public void writeJson(VideoEntity v, OutputStream out) throws IOException {
        Map<String, List<Map<String, Object>>> t = tables(v);
        JsonFactory factory = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeFieldName("video");
            writeRow(g, t.get("video").get(0));
            for (String table : List.of("batches", "detections", "ocrReadings", "players")) {
                g.writeArrayFieldStart(table);
                for (Map<String, Object> row : t.get(table)) {
                    writeRow(g, row);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /** One CSV file per table in {@code dir}: video.csv, batches.csv, detections.csv, ocrReadings.csv, players.csv. */
    public List<Path> writeCsv(VideoEntity v, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        CsvMapper mapper = new CsvMapper();
        for (Map.Entry<String, List<Map<String, Object>>> e : tables(v).entrySet()) {
            Path file = dir.resolve(e.getKey() + ".csv");
            List<Map<String, Object>> rows = e.getValue();
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\n");
            columns(e.getKey(), rows).forEach(schema::addColumn);
            try (Writer w = Files.newBufferedWriter(file)) {
                if (rows.isEmpty()) {
                    // Jackson writes the header with the first row; an empty table still has its columns
                    w.write(String.join(",", columns(e.getKey(), rows)) + "\n");
                } else {
                    mapper.writer(schema.build()).writeValues(w).writeAll(rows);
                }
            }
            written.add(file);
        }
        return written;
    }

    private static List<String> columns(String table, List<Map<String, Object>> rows) {
        return rows.isEmpty() ? COLUMNS.getOrDefault(table, List.of()) : new ArrayList<>(rows.get(0).keySet());
    }

    private static void writeRow(JsonGenerator g, Map<String, Object> row) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> f : row.entrySet()) {
            g.writeFieldName(f.getKey());
            Object value = f.getValue();
            if (value == null) {
                g.writeNull();
            } else if (value instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (value instanceof BigDecimal d) {
                g.writeNumber(d);
            } else if (value instanceof Number n) {
                g.writeNumber(n.longValue());
            } else {
                g.writeString(value.toString());
            }
        }
        g.writeEndObject();
    }

    private static BigDecimal fixed(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
