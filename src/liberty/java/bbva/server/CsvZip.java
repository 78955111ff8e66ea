package bbva.server;

import bbva.export.Exporter;
import bbva.store.VideoEntity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The CSV export as one zip (a folder of tables, as {@code bbva export --format csv} writes them). */
final class CsvZip {
    private CsvZip() {
    }

    static void write(Exporter exporter, VideoEntity v, String folder, OutputStream out) throws IOException {
        Path dir = Files.createTempDirectory("bbva-csv");
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Path table : exporter.writeCsv(v, dir)) {
                zip.putNextEntry(new ZipEntry(folder + "/" + table.getFileName()));
                Files.copy(table, zip);
                zip.closeEntry();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
