package bbva.export;

import bbva.identify.People;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canonical export of one analysis: stable order, fixed precision, no wall-clock times, paths or
 * execution ids, so two analyses of the same video give identical bytes. JSON and CSV are written
 * by Jackson from the same typed rows.
 */
public final class Exporter {
    private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // CsvMapper sorts columns alphabetically by default; the columns are the rows' own order, as in JSON
    private static final CsvMapper CSV = CsvMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

    private final Store store;
    private final PlayerStore players;

    public Exporter(Store store, PlayerStore players) {
        this.store = store;
        this.players = players;
    }

    public Export export(VideoEntity v) {
        List<bbva.identify.Player> tracks = players.players(v.id);
        return new Export(VideoRow.of(v), store.batches(v.id).stream().map(BatchRow::of).toList(),
                store.detections(v.id).stream().map(DetectionRow::of).toList(),
                players.readings(v.id).stream().map(ReadingRow::of).toList(),
                players.teams(v.id).stream().map(TeamRow::of).toList(),
                tracks.stream().map(PlayerRow::of).toList(),
                People.of(tracks).stream().map(PersonRow::of).toList(),
                store.sceneCuts(v.id).stream().map(SceneCutRow::new).toList());
    }

    public void writeJson(VideoEntity v, OutputStream out) throws IOException {
        JSON.writeValue(out, export(v));
        out.write('\n');
        out.flush();
    }

    /** One CSV file per table in {@code dir}: video.csv, batches.csv, detections.csv, ocrReadings.csv, teams.csv, players.csv, people.csv, sceneCuts.csv. */
    public List<Path> writeCsv(VideoEntity v, Path dir) throws IOException {
        Files.createDirectories(dir);
        Export e = export(v);
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("video", new Table(VideoRow.class, List.of(e.video())));
        tables.put("batches", new Table(BatchRow.class, e.batches()));
        tables.put("detections", new Table(DetectionRow.class, e.detections()));
        tables.put("ocrReadings", new Table(ReadingRow.class, e.ocrReadings()));
        tables.put("teams", new Table(TeamRow.class, e.teams()));
        tables.put("players", new Table(PlayerRow.class, e.players()));
        tables.put("people", new Table(PersonRow.class, e.people()));
        tables.put("sceneCuts", new Table(SceneCutRow.class, e.sceneCuts()));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            Path file = dir.resolve(t.getKey() + ".csv");
            CsvSchema schema = csvSchema(t.getValue().type());
            try (Writer w = Files.newBufferedWriter(file)) {
                if (t.getValue().rows().isEmpty()) {
                    // Jackson writes the header with the first row; an empty table still has its columns
                    w.write(String.join(",", schema.getColumnNames()) + "\n");
                } else {
                    CSV.writer(schema).writeValues(w).writeAll(t.getValue().rows());
                }
            }
            written.add(file);
        }
        return written;
    }

    /** The CSV columns of a row type: its components, in order, with a header line. */
    static CsvSchema csvSchema(Class<?> rowType) {
        return CSV.schemaFor(rowType).withHeader().withLineSeparator("\n");
    }

    private record Table(Class<?> type, List<?> rows) {
    }
}
