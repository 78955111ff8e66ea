package bbva.cli;

import bbva.embedded.EmbeddedRuntime;
import bbva.export.Exporter;
import bbva.store.VideoEntity;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", description = "Write a video's stored results in a canonical, diff-able form.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;
    @Option(names = "--format", defaultValue = "json", description = "json (one document) or csv (one file per table).")
    String format;
    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "json: file (default: standard output); csv: directory (default: NAME-export).")
    Path output;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("csv")) {
            System.err.println("Unknown format '" + format + "': use json or csv.");
            return ExitCodes.BAD_INPUT;
        }
        String path = video.toAbsolutePath().normalize().toString();
        try (EmbeddedRuntime runtime = Session.forReading(data.resolve(), "export")) {
            Optional<VideoEntity> v = runtime.store().video(path);
            if (v.isEmpty()) {
                System.err.println("No analysis of " + path + " in " + runtime.dataDir().root() + ".");
                return ExitCodes.BAD_INPUT;
            }
            Exporter exporter = new Exporter(runtime.store(), runtime.players());
            if (format.equals("csv")) {
                Path dir = output != null ? output : Path.of(v.get().name + "-export");
                exporter.writeCsv(v.get(), dir).forEach(f -> System.err.println("wrote " + f));
            } else if (output != null) {
                try (OutputStream out = Files.newOutputStream(output)) {
                    exporter.writeJson(v.get(), out);
                }
            } else {
                exporter.writeJson(v.get(), System.out);
                System.out.flush();
            }
            return ExitCodes.OK;
        }
    }
}
