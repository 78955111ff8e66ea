package bbva.cli;

import bbva.AnalysisException;
import bbva.embedded.EmbeddedRuntime;
import bbva.render.StoredResults;
import bbva.store.VideoEntity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The stored results of a video the user names, for commands that draw them; clear errors otherwise. */
final class StoredVideo {
    private StoredVideo() {
    }

    static StoredResults open(EmbeddedRuntime runtime, Path video) {
        String path = video.toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(video)) {
            throw new AnalysisException(path + " does not exist or is not a file. Give the video that was analysed.");
        }
        VideoEntity v = runtime.store().video(path).orElseThrow(() -> new AnalysisException("No analysis of " + path
                + " in " + runtime.dataDir().root() + ". Analyse it first: bbva analyze " + video));
        return StoredResults.open(runtime.store(), runtime.players(), v, video);
    }

    /** A time in the video ("75", "1:15", "0:01:15.5") or "#FRAME", as a frame index. */
    static int frameAt(String spec, double fps, String option) {
        try {
            if (spec.startsWith("#")) {
                return Integer.parseInt(spec.substring(1));
            }
            double seconds = 0;
            for (String part : spec.split(":")) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
            if (seconds < 0 || spec.split(":").length > 3) {
                throw new NumberFormatException();
            }
            return (int) Math.floor(seconds * (fps > 0 ? fps : 25) + 1e-6);
        } catch (NumberFormatException e) {
            throw new AnalysisException(String.format(Locale.ROOT, "%s '%s' is not a time: write seconds (75), "
                    + "M:SS (1:15), H:MM:SS or #FRAME (#1200).", option, spec));
        }
    }
}
