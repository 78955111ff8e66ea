package bbva.app;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.AnalysisParameters.Key;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A request to analyze a video, as any front end takes it: the video, options by job-parameter name
 * (only known ones), files resolved where the front end allows them, the default model when none is
 * named, and the result checked. The CLI and the REST API both submit {@link #jobParameters()}.
 */
public final class AnalysisRequest {
    /** How a front end finds files: the CLI takes the user's paths, a server only its own directories. */
    public interface Places {
        Path resolve(Key.Place place, String parameter, String value);

        /** The RF-DETR model used when the detector may use one and none is named. */
        Optional<Path> defaultModel();

        /** Whether jobs submitted here put their partitions on other servers (a Liberty dispatcher). */
        default boolean distributes() {
            return false;
        }
    }

    private final Properties jobParameters;
    private final AnalysisParameters params;

    private AnalysisRequest(Properties jobParameters) {
        this.jobParameters = jobParameters;
        this.params = AnalysisParameters.parse(jobParameters);
    }

    /** @param options job parameters by name; an unknown name is refused, an empty value means the default */
    public static AnalysisRequest of(String video, Map<String, String> options, Places places) {
        if (video == null || video.isBlank()) {
            throw new AnalysisException("No video given: name the video file to analyze.");
        }
        Properties p = new Properties();
        options.forEach((name, value) -> {
            Key key = name == null ? null : Key.byId(name).filter(k -> k != Key.VIDEO).orElse(null);
            if (key == null) {
                throw new AnalysisException("Unknown option '" + name + "'; known options: " + optionNames() + ".");
            }
            String v = value == null ? "" : value.strip();
            p.setProperty(key.id, key.place == Key.Place.NONE || v.isEmpty() ? v : places.resolve(key.place, key.id, v).toString());
        });
        p.setProperty(Key.VIDEO.id, places.resolve(Key.VIDEO.place, Key.VIDEO.id, video.strip()).toString());
        String detector = p.getProperty(Key.DETECTOR.id, "").strip();
        boolean mayUseModel = detector.isEmpty() || detector.equalsIgnoreCase("auto") || detector.equalsIgnoreCase("rfdetr");
        if (mayUseModel && p.getProperty(Key.MODEL.id, "").isEmpty()) {
            places.defaultModel().ifPresent(m -> p.setProperty(Key.MODEL.id, m.toString()));
        }
        // on a dispatcher every analysis's partitions run on its executors: its mode is distributed
        String mode = p.getProperty(Key.EXECUTION_MODE.id, "").strip();
        if (places.distributes() && mode.isEmpty()) {
            p.setProperty(Key.EXECUTION_MODE.id, AnalysisParameters.ExecutionMode.DISTRIBUTED.id);
        } else if (places.distributes() && mode.equalsIgnoreCase(AnalysisParameters.ExecutionMode.SEQUENTIAL.id)) {
            throw new AnalysisException("executionMode sequential runs everything on one server, but this server is a "
                    + "dispatcher: its executors run the partitions of every analysis. Leave executionMode out (distributed).");
        }
        AnalysisRequest request = new AnalysisRequest(p);
        if (request.params.executionMode() == AnalysisParameters.ExecutionMode.DISTRIBUTED && !places.distributes()) {
            throw new AnalysisException("executionMode distributed needs a Liberty dispatcher with executors (see "
                    + "docs/liberty.md, \"Distributed mode\"; liberty/cluster.sh starts one on this machine). Here, several "
                    + "detection streams on this machine: detectPartitions (--detect-partitions N).");
        }
        return request;
    }

    /** The names a client may set, for error messages and docs. */
    public static List<String> optionNames() {
        return Arrays.stream(Key.values()).filter(k -> k != Key.VIDEO).map(k -> k.id).toList();
    }

    public Properties jobParameters() {
        Properties copy = new Properties();
        copy.putAll(jobParameters);
        return copy;
    }

    public AnalysisParameters params() {
        return params;
    }

    /**
     * Whether an earlier (unfinished) analysis with these job parameters would give the same results:
     * only then may it be continued in place of this request. Thread counts and controls do not count.
     */
    public boolean sameResultsAs(Properties earlier) {
        AnalysisParameters before;
        try {
            before = AnalysisParameters.parse(earlier);
        } catch (AnalysisException e) {
            return false;
        }
        Properties a = before.toProperties();
        Properties b = params.toProperties();
        for (Key k : Key.values()) {
            if (k.effect == Key.Effect.RESULTS && !String.valueOf(a.getProperty(k.id)).equals(String.valueOf(b.getProperty(k.id)))) {
                return false;
            }
        }
        return true;
    }
}
