package bbva.cli;

import bbva.embedded.DataDir;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --data-dir and --db, shared by every command. */
final class DataDirOption {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the database lives (default: $BBVA_DATA_DIR, else ~/.bbva).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Keep the analyses in this PostgreSQL database instead of the data directory's Derby "
                    + "(default: $BBVA_DB_URL; user and password from $BBVA_DB_USER and $BBVA_DB_PASSWORD).")
    String database;

    DataDir resolve() {
        return DataDir.resolve(dataDir, database);
    }
}
