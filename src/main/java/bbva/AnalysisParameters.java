package bbva;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job parameters of one analysis, parsed and validated in one place: the CLI checks them before
 * submitting, and the job checks them again (another client, e.g. a REST call, may submit directly).
 */
public record AnalysisParameters(Path video, int batchSizeFrames, int frameStride, int maxFrames,
                                 String detector, Path model, float scoreThreshold, Set<String> classes,
                                 int threads, Path detectionsFile, boolean ocrEnabled, int ocrThreads,
                                 int minTrackFrames, boolean replace) {
    public static final String VIDEO = "video";
    public static final String BATCH_SIZE = "batchSizeFrames";
    public static final String STRIDE = "frameStride";
    public static final String MAX_FRAMES = "maxFrames";
    public static final String DETECTOR = "detector";
    public static final String MODEL = "model";
    public static final String THRESHOLD = "scoreThreshold";
    public static final String CLASSES = "classes";
    public static final String THREADS = "threads";
    public static final String DETECTIONS = "detections";
    public static final String OCR_ENABLED = "ocrEnabled";
    public static final String OCR_THREADS = "ocrThreads";
    public static final String MIN_TRACK_FRAMES = "minTrackFrames";
    /** "true": this analysis may replace the stored results of an earlier analysis of the same file. */
    public static final String REPLACE = "replace";

    public static final int DEFAULT_BATCH_SIZE = 30;
    /** Far above what a machine's cores can use; the bounds keep a job parameter from exhausting a server's threads. */
    public static final int MAX_THREADS = 64;
    public static final int MAX_OCR_THREADS = 16;
    public static final Set<String> DETECTORS = Set.of("auto", "rfdetr", "hog", "file");

    public static AnalysisParameters parse(Properties p) {
        String video = p.getProperty(VIDEO, "").strip();
        if (video.isEmpty()) {
            throw new AnalysisException("No video given: pass the path of a video file (job parameter '" + VIDEO + "').");
        }
        int batch = intParam(p, BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, "frames per checkpointed batch");
        int stride = intParam(p, STRIDE, 1, 1, "analyze every Nth frame");
        int max = intParam(p, MAX_FRAMES, 0, 0, "0 = the whole video");
        // the job XML passes unset job parameters as empty strings: empty means the default
        String detector = p.getProperty(DETECTOR, "").strip().toLowerCase(Locale.ROOT);
        if (detector.isEmpty()) {
            detector = "auto";
        }
        if (!DETECTORS.contains(detector)) {
            throw new AnalysisException("Unknown detector '" + detector + "': use one of auto, rfdetr, hog, file.");
        }
        String model = p.getProperty(MODEL, "").strip();
        if ("rfdetr".equals(detector) && model.isEmpty()) {
            throw new AnalysisException("Detector rfdetr needs a model: give the model parameter (CLI: --model FILE.onnx; see models/README.md).");
        }
        float threshold = floatParam(p, THRESHOLD, 0.5f);
        if (!(threshold > 0f && threshold < 1f)) {
            throw new AnalysisException("Score threshold must be between 0 and 1 (exclusive), got " + threshold + ".");
        }
        String classes = p.getProperty(CLASSES, "").strip();
        Set<String> classSet = classes.isEmpty() ? Set.of()
                : Arrays.stream(classes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        int threads = intParam(p, THREADS, Runtime.getRuntime().availableProcessors(), 1, MAX_THREADS, "inference threads");
        String detections = p.getProperty(DETECTIONS, "").strip();
        if ("file".equals(detector) && detections.isEmpty()) {
            throw new AnalysisException("Detector file needs a detections file (parameter detections; CLI: --detections FILE.csv) with lines frame,classId,label,score,x1,y1,x2,y2.");
        }
        boolean ocr = bool(p, OCR_ENABLED, true);
        int ocrThreads = intParam(p, OCR_THREADS, 1, 1, MAX_OCR_THREADS, "parallel OCR partitions");
        int minTrack = intParam(p, MIN_TRACK_FRAMES, 10, 1, "frames a track needs to be trusted");
        return new AnalysisParameters(Path.of(video), batch, stride, max, detector,
                model.isEmpty() ? null : Path.of(model), threshold, classSet, threads,
                detections.isEmpty() ? null : Path.of(detections), ocr, ocrThreads, minTrack,
                bool(p, REPLACE, false));
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(VIDEO, video.toString());
        p.setProperty(BATCH_SIZE, Integer.toString(batchSizeFrames));
        p.setProperty(STRIDE, Integer.toString(frameStride));
        p.setProperty(MAX_FRAMES, Integer.toString(maxFrames));
        p.setProperty(DETECTOR, detector);
        if (model != null) {
            p.setProperty(MODEL, model.toString());
        }
        p.setProperty(THRESHOLD, Float.toString(scoreThreshold));
        if (!classes.isEmpty()) {
            p.setProperty(CLASSES, String.join(",", classes));
        }
        p.setProperty(THREADS, Integer.toString(threads));
        if (detectionsFile != null) {
            p.setProperty(DETECTIONS, detectionsFile.toString());
        }
        p.setProperty(OCR_ENABLED, Boolean.toString(ocrEnabled));
        p.setProperty(OCR_THREADS, Integer.toString(ocrThreads));
        p.setProperty(MIN_TRACK_FRAMES, Integer.toString(minTrackFrames));
        p.setProperty(REPLACE, Boolean.toString(replace));
        return p;
    }

    /** True when the HOG fallback will run because no RF-DETR model was chosen. */
    public boolean fallsBackToHog() {
        return "auto".equals(detector) && model == null;
    }

    private static boolean bool(Properties p, String key, boolean def) {
        String v = p.getProperty(key, "").strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return def;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new AnalysisException(key + " must be true or false, got '" + v + "'.");
        }
        return v.equals("true");
    }

    private static int intParam(Properties p, String key, int def, int min, String meaning) {
        return intParam(p, key, def, min, Integer.MAX_VALUE, meaning);
    }

    private static int intParam(Properties p, String key, int def, int min, int max, String meaning) {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            return def;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AnalysisException(key + " must be a whole number (" + meaning + "), got '" + v + "'.");
        }
        if (n < min || n > max) {
            throw new AnalysisException(key + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + " (" + meaning + "), got " + n + ".");
        }
        return n;
    }

    private static float floatParam(Properties p, String key, float def) {
        String v = p.getProperty(key, "").strip();
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Float.parseFloat(v);
        } catch (NumberFormatException e) {
            throw new AnalysisException(key + " must be a number, got '" + v + "'.");
        }
    }
}
