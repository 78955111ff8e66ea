package bbva.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary folders of one bench: each run's database, outputs and videos (hundreds of MB for a
 * long game), deleted with everything in them when the bench ends, whether it succeeded or not.
 */
final class ScratchDirs implements AutoCloseable {
    private final List<Path> dirs = new ArrayList<>();

    /** A new empty folder in the system's temporary folder, deleted on {@link #close}. */
    Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        dirs.add(dir);
        return dir;
    }

    /** Deletes a folder made by {@link #create} now, before the bench ends. */
    void delete(Path dir) throws IOException {
        if (dirs.remove(dir)) {
            deleteTree(dir);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Path dir : List.copyOf(dirs)) {
            try {
                delete(dir);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
