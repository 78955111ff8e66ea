package bbva.export;

import bbva.detect.Detection;
import bbva.identify.People;
import bbva.BatchPlan;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

    /** A table of the export: its name, row type and rows, fed one at a time (a game's boxes never all in memory). */
    private record Table(String name, Class<?> type, boolean single, Feed rows) {
    }

    @FunctionalInterface
    private interface Feed {
        void each(Consumer<Object> row);
    }

    /** The export's tables, in the order they are written. */
    private List<Table> tables(VideoEntity v) {
        BatchPlan plan = BatchPlan.of(v);
        return List.of(
                new Table("video", VideoRow.class, true, row -> row.accept(VideoRow.of(v))),
                new Table("batches", BatchRow.class, false, row -> store.batches(v.id).forEach(b -> row.accept(BatchRow.of(b)))),
                new Table("detections", DetectionRow.class, false,
                        row -> store.forEachBatch(v.id, plan, (span, ds) -> ds.stream().filter(Detection::result)
                                .forEach(d -> row.accept(DetectionRow.of(d))))),
                new Table("ocrReadings", ReadingRow.class, false, row -> {
                    for (int b = 0; b < plan.batchCount(); b++) {
                        BatchPlan.Span span = plan.span(b);
                        players.readings(v.id, span.frameStart(), span.frameEnd()).forEach(r -> row.accept(ReadingRow.of(r)));
                    }
                }),
                new Table("teams", TeamRow.class, false, row -> players.teams(v.id).forEach(t -> row.accept(TeamRow.of(t)))),
                new Table("players", PlayerRow.class, false, row -> players.players(v.id).forEach(p -> row.accept(PlayerRow.of(p)))),
                new Table("people", PersonRow.class, false, row -> People.of(players.players(v.id)).forEach(p -> row.accept(PersonRow.of(p)))),
                new Table("sceneCuts", SceneCutRow.class, false, row -> store.sceneCuts(v.id).forEach(f -> row.accept(new SceneCutRow(f)))));
    }

    public void writeJson(VideoEntity v, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (Table t : tables(v)) {
                g.writeFieldName(t.name());
                if (!t.single()) {
                    g.writeStartArray();
                }
                t.rows().each(unchecked(g::writeObject));
                if (!t.single()) {
                    g.writeEndArray();
                }
            }
            g.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.write('\n');
        out.flush();
    }

    /** One CSV file per table in {@code dir}: video.csv, batches.csv, detections.csv, ocrReadings.csv, teams.csv, players.csv, people.csv, sceneCuts.csv. */
    public List<Path> writeCsv(VideoEntity v, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        for (Table t : tables(v)) {
            Path file = dir.resolve(t.name() + ".csv");
            CsvSchema schema = csvSchema(t.type());
            try (Writer w = Files.newBufferedWriter(file); SequenceWriter rows = CSV.writer(schema.withoutHeader()).writeValues(w)) {
                w.write(String.join(",", schema.getColumnNames()) + "\n");
                t.rows().each(unchecked(row -> rows.write(row)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            written.add(file);
        }
        return written;
    }

    private interface IoConsumer {
        void accept(Object row) throws IOException;
    }

    private static Consumer<Object> unchecked(IoConsumer write) {
        return row -> {
            try {
                write.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The CSV columns of a row type: its components, in order, with a header line. */
    static CsvSchema csvSchema(Class<?> rowType) {
        return CSV.schemaFor(rowType).withHeader().withLineSeparator("\n");
    }

}
