package bbva.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExporterTest {
    /** CSV and JSON show a table's columns in the same order: the row record's (Jackson's CSV default would sort them). */
    @Test
    void csvColumnsAreTheRowsComponentsInOrder() {
        for (Class<?> row : List.of(VideoRow.class, BatchRow.class, DetectionRow.class, ReadingRow.class, PlayerRow.class)) {
            List<String> components = Arrays.stream(row.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> columns = new java.util.ArrayList<>(Exporter.csvSchema(row).getColumnNames());
            assertEquals(components, columns, row.getSimpleName());
        }
        assertEquals(List.of("trackId", "number", "confidence", "votes", "readings", "framesSeen", "firstFrame", "lastFrame",
                "shortTrack"), new java.util.ArrayList<>(Exporter.csvSchema(PlayerRow.class).getColumnNames()));
    }
}
