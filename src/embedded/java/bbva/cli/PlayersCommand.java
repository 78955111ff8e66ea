package bbva.cli;

import bbva.embedded.EmbeddedRuntime;
import bbva.render.Images;
import bbva.render.PlayerSheet;
import bbva.render.StoredResults;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "players", description = "Write a sheet of the players as PNG: each track's clearest picture, "
        + "its number, confidence and time on screen.")
final class PlayersCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "VIDEO")
    Path video;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "PNG file (default: NAME-players.png).")
    Path output;
    @Option(names = "--all", description = "Include short tracks (seen in fewer than --min-track-frames frames).")
    boolean all;
    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedRuntime runtime = Session.forReading(data.resolve(), "players")) {
            StoredResults results = StoredVideo.open(runtime, video);
            Path out = output != null ? output : Path.of(results.video().name.replaceFirst("\\.[^.]*$", "") + "-players.png");
            Images.writePng(PlayerSheet.draw(results, video, all), out);
            System.err.println("wrote " + out);
            return ExitCodes.OK;
        }
    }
}
