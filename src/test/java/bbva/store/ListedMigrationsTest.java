package bbva.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ListedMigrationsTest {
    /** Liberty runs only the listed scripts: a migration added to db/migration must be listed too, or the server's schema lags. */
    @Test
    void everyMigrationScriptIsListedForLiberty() throws Exception {
        assertEquals(scripts(Schema.COMMON), sorted(ListedMigrations.COMMON));
        for (String vendor : List.of("derby", "postgresql")) {
            assertEquals(scripts(Schema.vendorFolder(vendor)), sorted(ListedMigrations.PER_DATABASE), vendor);
        }
    }

    @Test
    void listedScriptsAreFoundForEachDatabase() {
        for (String vendor : List.of("derby", "postgresql")) {
            ListedMigrations listed = new ListedMigrations(getClass().getClassLoader(), vendor);
            List<String> found = listed.getResources("V", new String[] {".sql"}).stream()
                    .map(r -> r.getFilename()).sorted().toList();
            assertEquals(ListedMigrations.COMMON.size() + ListedMigrations.PER_DATABASE.size(), found.size(), vendor + ": " + found);
            assertTrue(listed.getResource("V1__videos_batches_detections.sql").read().toString().length() > 0);
        }
    }

    private static List<String> scripts(String folder) throws Exception {
        try (Stream<Path> files = Files.list(TestPaths.project().resolve("src/main/resources").resolve(folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }
}
