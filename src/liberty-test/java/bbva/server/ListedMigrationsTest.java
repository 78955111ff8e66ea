package bbva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        Path dir = TestPaths.project().resolve("src/main/resources/db/migration");
        List<String> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
        assertEquals(scripts, ListedMigrations.SCRIPTS.stream().sorted().toList());
    }
}
