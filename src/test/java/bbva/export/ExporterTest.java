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
        for (Class<?> row : List.of(VideoRow.class, BatchRow.class, DetectionRow.class, ReadingRow.class, TeamRow.class, PlayerRow.class, PersonRow.class)) {
            List<String> components = Arrays.stream(row.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> columns = new java.util.ArrayList<>(Exporter.csvSchema(row).getColumnNames());
            assertEquals(components, columns, row.getSimpleName());
        }
        assertEquals(List.of("trackId", "number", "confidence", "votes", "readings", "framesSeen", "firstFrame", "lastFrame",
                "shortTrack", "team"), new java.util.ArrayList<>(Exporter.csvSchema(PlayerRow.class).getColumnNames()));
    }

    @Test
    void aPersonsTracksAreOneCsvCell() throws Exception {
        PersonRow p = new PersonRow(1, "23", true, List.of(3, 17), 120, 0, 399, new java.math.BigDecimal("0.9120"));
        String csv = new com.fasterxml.jackson.dataformat.csv.CsvMapper().writer(Exporter.csvSchema(PersonRow.class))
                .writeValueAsString(p);
        assertEquals("team,number,identified,tracks,framesSeen,firstFrame,lastFrame,confidence\n1,23,true,3;17,120,0,399,0.9120\n", csv);
    }
}
