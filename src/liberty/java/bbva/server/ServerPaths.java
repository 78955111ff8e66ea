package bbva.server;

import bbva.AnalysisParameters;
import bbva.app.AnalysisRequest;
import bbva.detect.DetectorFactory;
import java.util.Optional;
import bbva.AnalysisException;
import bbva.FilePolicy;
import bbva.Param;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The only places a REST client may name files in: videos (and box files) under the media
 * directory, models under the models directory. Set in server.xml (bbva.media.dir, bbva.models.dir).
 */
@ApplicationScoped
public class ServerPaths implements FilePolicy, AnalysisRequest.Places {
    @Resource(lookup = "bbva/mediaDir")
    String mediaDir;
    @Resource(lookup = "bbva/modelsDir")
    String modelsDir;
    /** a jndiEntry holding a number is bound as a Number, so this is not a String */
    @Resource(lookup = "bbva/uploadMaxBytes")
    Object uploadMaxBytes;
    /** "true" on a dispatcher (liberty/cluster/dispatcher.xml); bound as a Boolean */
    @Resource(lookup = "bbva/distributed")
    Object distributed;

    private Path media;
    private Path models;

    @PostConstruct
    void init() {
        media = Path.of(mediaDir).toAbsolutePath().normalize();
        models = Path.of(modelsDir).toAbsolutePath().normalize();
    }

    Path media() {
        return media;
    }

    Path models() {
        return models;
    }

    long uploadMaxBytes() {
        return Long.parseLong(String.valueOf(uploadMaxBytes).strip());
    }

    Path video(String relative) {
        return inside(media, relative, "media directory", "video");
    }

    Path model(String relative) {
        return inside(models, relative, "models directory", "model");
    }

    @Override
    public void checkMedia(String parameter, Path file) {
        inside(media, file.toString(), "media directory", parameter);
    }

    @Override
    public void checkModel(String parameter, Path file) {
        inside(models, file.toString(), "models directory", parameter);
    }

    /** Files named in a submission are resolved in the media or the models directory, and must stay in it. */
    @Override
    public Path resolve(Param.Place place, String parameter, String value) {
        return place == Param.Place.MODELS ? inside(models, value, "models directory", parameter)
                : inside(media, value, "media directory", parameter);
    }

    @Override
    public boolean distributes() {
        return "true".equals(String.valueOf(distributed));
    }

    @Override
    public Optional<Path> defaultModel() {
        return DetectorFactory.standardModel(models);
    }

    /** The path as the client sees it: relative to the media directory. */
    String relative(String absolute) {
        Path p = Path.of(absolute);
        return p.startsWith(media) ? media.relativize(p).toString() : p.getFileName().toString();
    }

    /** {@code relative} resolved in {@code root}; no "..", no absolute path, no symlink out of it. */
    static Path inside(Path root, String relative, String what, String parameter) {
        Path candidate;
        try {
            candidate = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new AnalysisException("The " + parameter + " is not a valid path (" + e.getReason() + ").");
        }
        boolean ok = candidate.startsWith(root);
        try {
            if (ok && Files.exists(candidate)) {
                ok = candidate.toRealPath().startsWith(root.toRealPath());
            }
        } catch (IOException e) {
            throw new AnalysisException("Cannot check the " + parameter + " path '" + relative + "': " + e.getMessage());
        }
        if (!ok) {
            throw new AnalysisException("The " + parameter + " must be inside the server's " + what + " (" + root
                    + "); '" + relative + "' is not. Copy the file there and pass its path relative to it.");
        }
        return candidate;
    }
}
