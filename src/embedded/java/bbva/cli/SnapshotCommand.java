package bbva.cli;

import bbva.AnalysisException;
import bbva.embedded.EmbeddedRuntime;
import bbva.render.Snapshot;
import bbva.render.StoredResults;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot", description = "Write one frame with its stored results drawn on it, as PNG.")
final class SnapshotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;
    @Option(names = "--frame", paramLabel = "N", description = "The frame number.")
    Integer frame;
    @Option(names = "--at", paramLabel = "TIME", description = "Or a time (75, 1:15, H:MM:SS).")
    String at;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "PNG file (default: NAME-FRAME.png).")
    Path output;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        if ((frame == null) == (at == null)) {
            throw new AnalysisException("Say which frame: --frame N or --at TIME.");
        }
        try (EmbeddedRuntime runtime = Session.forReading(data.resolve(), "snapshot")) {
            StoredResults results = StoredVideo.open(runtime, video);
            int index = frame != null ? frame : StoredVideo.frameAt(at, results.video().fps, "--at");
            if (index < 0 || index >= results.video().frameCount) {
                throw new AnalysisException("Frame " + index + " is outside the video (frames 0 to "
                        + (results.video().frameCount - 1) + ").");
            }
            Path out = output != null ? output
                    : Path.of(results.video().name.replaceFirst("\\.[^.]*$", "") + "-" + index + ".png");
            Snapshot.write(results, video, index, out);
            System.err.println("wrote " + out);
            return ExitCodes.OK;
        }
    }
}
