package bbva.app;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.Param;
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
        Path resolve(Param.Place place, String parameter, String value);

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
            Param<?> key = name == null ? null : Param.byId(name).filter(k -> k != Param.VIDEO).orElse(null);
            if (key == null) {
                throw new AnalysisException("Unknown option '" + name + "'; known options: " + optionNames() + ".");
            }
            String v = value == null ? "" : value.strip();
            p.setProperty(key.id, key.place == Param.Place.NONE || v.isEmpty() ? v : places.resolve(key.place, key.id, v).toString());
        });
        p.setProperty(Param.VIDEO.id, places.resolve(Param.VIDEO.place, Param.VIDEO.id, video.strip()).toString());
        if (Param.DETECTOR.read(p).mayUseRfDetr() && p.getProperty(Param.MODEL.id, "").isEmpty()) {
            places.defaultModel().ifPresent(m -> p.setProperty(Param.MODEL.id, m.toString()));
        }
        // on a dispatcher every analysis's partitions run on its executors: its mode is distributed
        boolean modeGiven = !p.getProperty(Param.EXECUTION_MODE.id, "").isBlank();
        if (places.distributes() && !modeGiven) {
            p.setProperty(Param.EXECUTION_MODE.id, AnalysisParameters.ExecutionMode.DISTRIBUTED.id);
        } else if (places.distributes() && Param.EXECUTION_MODE.read(p) == AnalysisParameters.ExecutionMode.SEQUENTIAL) {
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
        return Param.ALL.stream().filter(k -> k != Param.VIDEO).map(k -> k.id).toList();
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
        for (Param<?> k : Param.ALL) {
            if (k.effect == Param.Effect.RESULTS && !String.valueOf(a.getProperty(k.id)).equals(String.valueOf(b.getProperty(k.id)))) {
                return false;
            }
        }
        return true;
    }
}
