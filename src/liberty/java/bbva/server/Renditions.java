package bbva.server;

import bbva.AnalysisException;
import bbva.render.StoredResults;
import bbva.render.VideoRenderer;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Videos written on the server for the web page, each once, in the background, and kept in
 * {@code DATA_DIR/playback}: a copy a browser can play (H.264 MP4) of a video it cannot, and the video
 * with its results drawn on it. One at a time; a file is complete or absent (the renderer writes under
 * a temporary name).
 */
@ApplicationScoped
public class Renditions {
    /** What browsers play as they are. */
    private static final Set<String> PLAYABLE_CODECS = Set.of("h264");
    private static final Set<String> PLAYABLE_CONTAINERS = Set.of("mp4", "m4v", "mov");
    private static final Logger LOG = Logger.getLogger(Renditions.class.getName());

    public enum Kind { PLAYABLE, ANNOTATED }

    public enum State { READY, WORKING, FAILED, NOT_STARTED }

    /** Where a rendition stands: the file when ready, frames written of the total while working. */
    public record Rendition(State state, Path file, int done, int total, String reason) {
    }

    /** One file being written: its progress and failure, written by the worker thread and read by requests. */
    private static final class Work {
        final int total;
        volatile int done;
        volatile String failure;

        Work(int total) {
            this.total = total;
        }
    }

    @Resource(lookup = "bbva/dataDir")
    String dataDir;
    @Inject
    Store store;
    @Inject
    PlayerStore players;

    private Path folder;
    private final Map<Path, Work> working = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bbva-renditions");
        t.setDaemon(true);
        return t;
    });

    @PostConstruct
    void init() {
        folder = Path.of(dataDir).toAbsolutePath().normalize().resolve("playback");
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }

    static boolean playsAsIs(VideoEntity v) {
        String name = v.path.toLowerCase(Locale.ROOT);
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return v.codec != null && PLAYABLE_CODECS.contains(v.codec.toLowerCase(Locale.ROOT)) && PLAYABLE_CONTAINERS.contains(extension);
    }

    /** Where the rendition stands; {@code start} asks for it to be written when it is not there. */
    public Rendition of(VideoEntity v, Kind kind, boolean start) {
        if (kind == Kind.PLAYABLE && playsAsIs(v)) {
            return new Rendition(State.READY, Path.of(v.path), v.frameCount, v.frameCount, null);
        }
        Path file = fileOf(v, kind);
        if (Files.isRegularFile(file)) {
            return new Rendition(State.READY, file, v.frameCount, v.frameCount, null);
        }
        Work w = working.get(file);
        if (w != null && w.failure != null) {
            if (!start) {
                return new Rendition(State.FAILED, null, w.done, w.total, w.failure);
            }
            working.remove(file, w);
        } else if (w != null) {
            return new Rendition(State.WORKING, null, w.done, w.total, null);
        }
        if (!start) {
            return new Rendition(State.NOT_STARTED, null, 0, v.frameCount, null);
        }
        Work fresh = new Work(v.frameCount);
        if (working.putIfAbsent(file, fresh) == null) {
            // the results are read now, under the request's checks; the file is written later
            StoredResults results = kind == Kind.ANNOTATED ? StoredResults.open(store, players, v, Path.of(v.path)) : null;
            worker.submit(() -> write(v, kind, results, file, fresh));
        }
        return new Rendition(State.WORKING, null, 0, v.frameCount, null);
    }

    private void write(VideoEntity v, Kind kind, StoredResults results, Path file, Work work) {
        try {
            Files.createDirectories(file.getParent());
            VideoRenderer renderer = new VideoRenderer();
            if (kind == Kind.ANNOTATED) {
                renderer.render(results, Path.of(v.path), 0, v.frameCount - 1, file, n -> work.done = n);
            } else {
                renderer.transcode(Path.of(v.path), v.frameCount - 1, file, n -> work.done = n);
            }
            working.remove(file, work);
        } catch (AnalysisException | UncheckedIOException | IOException e) {
            LOG.log(Level.WARNING, "Could not write " + file, e);
            work.failure = "Could not write the " + (kind == Kind.ANNOTATED ? "annotated video" : "browser copy of "
                    + v.name) + ": " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write " + file, e);
            work.failure = "Could not write the video: " + e;
        }
    }

    /**
     * Named by the video's content (its fingerprint) and, for the annotated one, by when its results
     * last changed: a new analysis of the file draws a new one.
     */
    private Path fileOf(VideoEntity v, Kind kind) {
        String id = v.fingerprint.substring(0, 16);
        return folder.resolve(switch (kind) {
            case PLAYABLE -> id + ".mp4";
            case ANNOTATED -> id + "-annotated-" + v.updatedAt.toString().replaceAll("[^0-9]", "") + ".mp4";
        });
    }
}
