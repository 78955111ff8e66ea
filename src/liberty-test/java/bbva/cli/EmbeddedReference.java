package bbva.cli;

import java.io.IOException;
import java.nio.file.Path;

/** The embedded runtime's canonical export of a video (the packaged CLI in a child JVM), for comparing with the server's. */
public final class EmbeddedReference {
    private EmbeddedReference() {
    }

    public static String export(Path dataDir, String... analyzeArgs) throws IOException, InterruptedException {
        Cli cli = new Cli(dataDir);
        cli.run(analyzeArgs).expect(0);
        return cli.export(Path.of(analyzeArgs[1]));
    }
}
