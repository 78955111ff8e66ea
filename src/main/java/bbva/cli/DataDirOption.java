package bbva.cli;

import bbva.embedded.DataDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --data-dir, shared by every command. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the database lives (default: $BBVA_DATA_DIR, else ~/.bbva).")
    Path dataDir;

    DataDir resolve() {
        return DataDir.resolve(dataDir);
    }
}
