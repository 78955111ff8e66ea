package bbva;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the project's stand-in models and the shared test media. */
public final class TestPaths {
    private TestPaths() {
    }

    public static Path project() {
        return Path.of(System.getProperty("bbva.projectDir", ".")).toAbsolutePath().normalize();
    }

    public static Path standin(String name) {
        return project().resolve("models/standin").resolve(name);
    }

    /** Deletes a folder and everything in it, if it exists. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** ../shared/media/vtest.avi, or the test is skipped with a message saying so. */
    public static Path vtest() {
        Path p = project().resolve("../shared/media/vtest.avi").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p),
                "SKIPPED: " + p + " is absent; this test needs the shared test media (see ../shared/media/README.md)");
        return p;
    }

    /** ../shared/media/broadcast-gsw-lal.mp4 (real NBA broadcast footage), or the test is skipped with a message saying so. */
    public static Path broadcast() {
        Path p = project().resolve("../shared/media/broadcast-gsw-lal.mp4").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p),
                "SKIPPED: " + p + " is absent; this test needs the shared test media (see ../shared/media/README.md)");
        return p;
    }
}
