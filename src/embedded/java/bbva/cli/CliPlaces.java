package bbva.cli;

import bbva.Param;
import bbva.app.AnalysisRequest;
import bbva.detect.DetectorFactory;
import java.nio.file.Path;
import java.util.Optional;

/** The CLI's files: the user's own, relative to the working directory. */
enum CliPlaces implements AnalysisRequest.Places {
    INSTANCE;

    @Override
    public Path resolve(Param.Place place, String parameter, String value) {
        return Path.of(value).toAbsolutePath().normalize();
    }

    /** $BBVA_MODEL, else the installation's models directory's standard model if present (bin/bbva sets bbva.home). */
    @Override
    public Optional<Path> defaultModel() {
        String env = System.getenv("BBVA_MODEL");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env).toAbsolutePath().normalize());
        }
        String home = System.getProperty("bbva.home");
        return home == null ? Optional.empty()
                : DetectorFactory.standardModel(Path.of(home, "models"));
    }
}
