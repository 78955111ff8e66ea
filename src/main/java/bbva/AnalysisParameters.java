package bbva;

import bbva.court.CourtSpec;
import bbva.detect.Tiling;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job parameters of one analysis, parsed and validated in one place: the CLI checks them before
 * submitting, and the job checks them again (another client, e.g. a REST call, may submit directly).
 */
public record AnalysisParameters(Path video, int batchSizeFrames, int frameStride, int maxFrames,
                                 String detector, Path model, float scoreThreshold, Set<String> classes,
                                 int threads, Path detectionsFile, boolean ocrEnabled, int ocrThreads, int ocrCrops,
                                 int minTrackFrames, float minNumberConfidence, double reidSeconds, int teams,
                                 ExecutionMode executionMode, int detectPartitions, boolean replace,
                                 Tiling tiles, CourtSpec court) {
    /** How the steps share the machine; never part of the results. */
    public enum ExecutionMode {
        /** Steps one after another. */
        SEQUENTIAL("sequential"),
        /** OCR follows detection batch by batch while detection goes on. */
        PIPELINE("pipeline"),
        /** As sequential, with the detect and OCR partitions on the executors of a Liberty dispatcher. */
        DISTRIBUTED("distributed");

        public final String id;

        ExecutionMode(String id) {
            this.id = id;
        }

        static ExecutionMode of(String id) {
            return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() -> new AnalysisException(
                    Key.EXECUTION_MODE.id + " must be " + Arrays.stream(values()).map(m -> m.id)
                            .collect(Collectors.joining(" or ")) + ", got '" + id + "'."));
        }
    }

    /**
     * Every job parameter, with what the front ends need to offer it: the CLI option (picocli options
     * of {@code analyze} are made from these), whether it changes results (an unfinished analysis may
     * only be continued with the same ones), and where a file it names lives. A new parameter is a new
     * entry here, a field read in {@link #parse}, and a job-level property in the job XML.
     */
    public enum Key {
        VIDEO("video", null, null, null, Effect.RESULTS, Place.MEDIA),
        BATCH_SIZE("batchSizeFrames", "--batch-size", "N", "Frames per checkpointed batch (default: 30).", Effect.RESULTS),
        STRIDE("frameStride", "--stride", "N", "Analyze every Nth frame (default: 1).", Effect.RESULTS),
        MAX_FRAMES("maxFrames", "--max-frames", "N", "Analyze only the first N frames.", Effect.RESULTS),
        DETECTOR("detector", "--detector", "NAME", "auto, rfdetr, nanodet, hog or file (default: auto = rfdetr with a model, else nanodet).", Effect.RESULTS),
        MODEL("model", "--model", "FILE.onnx",
                "RF-DETR ONNX export (default: $BBVA_MODEL, else models/rfdetr.onnx if present).", Effect.RESULTS, Place.MODELS),
        DETECTIONS("detections", "--detections", "FILE.csv",
                "With --detector file: boxes to use instead of a model (frame,classId,label,score,x1,y1,x2,y2).",
                Effect.RESULTS, Place.MEDIA),
        THRESHOLD("scoreThreshold", "--threshold", "P", "Minimum detection score (default: " + DEFAULT_THRESHOLD
                + "; " + DEFAULT_NANODET_THRESHOLD + " for the built-in NanoDet).", Effect.RESULTS),
        CLASSES("classes", "--classes", "A,B", "Class names to keep (default: people and ball).", Effect.RESULTS),
        TILES("tiles", "--tiles", "auto|off|CxR", "Run the detector on overlapping tiles, so that small players keep their "
                + "size: auto (2 square tiles on a 16:9 frame, none on 4:3), off, or a grid such as 3x2 (default: auto).",
                Effect.RESULTS),
        COURT("court", "--court", "auto|off|x1,y1,...", "The playing floor: found in each scene (auto), not used (off), "
                + "or its corners in frame pixels. People whose feet are off it (fans, bench, staff) are kept as "
                + "detections but get no track, team, number or player (default: auto).", Effect.RESULTS),
        THREADS("threads", "--threads", "N", "Inference threads (default: all cores).", Effect.SPEED),
        /** A flag in the CLI: --no-ocr sets it to false. */
        OCR_ENABLED("ocrEnabled", "--no-ocr", "false", "Skip jersey-number OCR (players get no number).", Effect.RESULTS),
        OCR_THREADS("ocrThreads", "--ocr-threads", "N", "OCR partitions run in parallel (default: 1).", Effect.SPEED),
        OCR_CROPS("ocrCrops", "--ocr-crops", "N", "Jersey crops read per person and batch: the person's best views "
                + "(default: " + DEFAULT_OCR_CROPS + "; 0: every box).", Effect.RESULTS),
        MIN_TRACK_FRAMES("minTrackFrames", "--min-track-frames", "N",
                "Tracks seen in fewer analyzed frames are flagged short (default: 10).", Effect.RESULTS),
        MIN_NUMBER_CONFIDENCE("minNumberConfidence", "--min-number-confidence", "P",
                "A track's voted jersey number is kept only at this confidence or more, else '-' (default: "
                        + DEFAULT_MIN_NUMBER_CONFIDENCE + ").", Effect.RESULTS),
        REID_SECONDS("reidSeconds", "--reid-seconds", "S",
                "A lost track (a player hidden behind another) keeps its id this long, for the player to reappear "
                        + "(default: " + DEFAULT_REID_SECONDS + "; 0: never).", Effect.RESULTS),
        TEAMS("teams", "--teams", "N", "Teams told apart by kit colour; referees and others are no team's "
                + "(default: 2; 0: none).", Effect.RESULTS),
        EXECUTION_MODE("executionMode", "--mode", "MODE",
                "sequential, pipeline (OCR follows detection batch by batch) or distributed (on a Liberty dispatcher: "
                        + "partitions on its executors) (default: sequential).", Effect.SPEED),
        DETECT_PARTITIONS("detectPartitions", "--detect-partitions", "N",
                "Detection streams, each over its own range of batches with its own model session (default: 1).",
                Effect.SPEED),
        /** "true": this analysis may replace the stored results of an earlier analysis of the same file. */
        REPLACE("replace", "--fresh", "true", "Start over even if an analysis of this video exists.", Effect.CONTROL),
        /** Fault injection for tests of a bad batch (read by {@code ForceFailureListener}); no CLI option. */
        FAIL_AT_FRAME("failAtFrame", null, null, null, Effect.CONTROL);

        /** What a parameter changes: the stored results, only the speed, or how the run is controlled. */
        public enum Effect { RESULTS, SPEED, CONTROL }

        /** Where a file named by the parameter must be (a server allows only its own directories). */
        public enum Place { NONE, MEDIA, MODELS }

        public final String id;
        /** The CLI option, or null when the CLI sets the parameter another way (the video) or not at all. */
        public final String option;
        /** The option's parameter label; for a flag (label without an N/FILE), the value the flag sets. */
        public final String label;
        public final String description;
        public final Effect effect;
        public final Place place;

        Key(String id, String option, String label, String description, Effect effect) {
            this(id, option, label, description, effect, Place.NONE);
        }

        Key(String id, String option, String label, String description, Effect effect, Place place) {
            this.id = id;
            this.option = option;
            this.label = label;
            this.description = description;
            this.effect = effect;
            this.place = place;
        }

        /** A CLI flag (no value): present, it sets the parameter to {@link #label}. */
        public boolean flag() {
            return "true".equals(label) || "false".equals(label);
        }

        public static Optional<Key> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
        }
    }

    public static final int DEFAULT_BATCH_SIZE = 30;
    public static final float DEFAULT_THRESHOLD = 0.5f;
    /**
     * NanoDet scores players 50-110 px tall in a broadcast at 0.4-0.5: at 0.5 it found 7-8 of the 11
     * on the floor of the shared clip, at 0.4 9-10; the fans it adds at 0.4 are off the court.
     */
    public static final float DEFAULT_NANODET_THRESHOLD = 0.4f;
    /** Longer than a player stays hidden behind another (1-2 s), short enough not to resurrect one who left. */
    public static final double DEFAULT_REID_SECONDS = 3;
    public static final double MAX_REID_SECONDS = 60;
    public static final int MAX_TEAMS = 8;
    /** Above every number voted on vtest.avi (no jerseys: at most 0.09), far below rendered players' (0.8-1.0). */
    public static final float DEFAULT_MIN_NUMBER_CONFIDENCE = 0.25f;
    /** Far above what a machine's cores can use; the bounds keep a job parameter from exhausting a server's threads. */
    public static final int MAX_THREADS = 64;
    /**
     * Three views a second at 30 fps: on the rendered game all ten numbers are still read (10/10), for
     * a tenth of the crops.
     */
    public static final int DEFAULT_OCR_CROPS = 3;
    public static final int MAX_OCR_THREADS = 16;
    public static final int MAX_DETECT_PARTITIONS = 16;
    public static final Set<String> DETECTORS = Set.of("auto", "rfdetr", "nanodet", "hog", "file");

    public static AnalysisParameters parse(Properties p) {
        String video = p.getProperty(Key.VIDEO.id, "").strip();
        if (video.isEmpty()) {
            throw new AnalysisException("No video given: pass the path of a video file (job parameter '" + Key.VIDEO.id + "').");
        }
        int batch = intParam(p, Key.BATCH_SIZE.id, DEFAULT_BATCH_SIZE, 1, "frames per checkpointed batch");
        int stride = intParam(p, Key.STRIDE.id, 1, 1, "analyze every Nth frame");
        int max = intParam(p, Key.MAX_FRAMES.id, 0, 0, "0 = the whole video");
        // the job XML passes unset job parameters as empty strings: empty means the default
        String detector = p.getProperty(Key.DETECTOR.id, "").strip().toLowerCase(Locale.ROOT);
        if (detector.isEmpty()) {
            detector = "auto";
        }
        if (!DETECTORS.contains(detector)) {
            throw new AnalysisException("Unknown detector '" + detector + "': use one of auto, rfdetr, nanodet, hog, file.");
        }
        String model = p.getProperty(Key.MODEL.id, "").strip();
        if ("rfdetr".equals(detector) && model.isEmpty()) {
            throw new AnalysisException("Detector rfdetr needs a model: give the model parameter (CLI: --model FILE.onnx; see models/README.md).");
        }
        boolean builtIn = "nanodet".equals(detector) || "auto".equals(detector) && model.isEmpty();
        float threshold = floatParam(p, Key.THRESHOLD.id, builtIn ? DEFAULT_NANODET_THRESHOLD : DEFAULT_THRESHOLD);
        if (!(threshold > 0f && threshold < 1f)) {
            throw new AnalysisException("Score threshold must be between 0 and 1 (exclusive), got " + threshold + ".");
        }
        String classes = p.getProperty(Key.CLASSES.id, "").strip();
        Set<String> classSet = classes.isEmpty() ? Set.of()
                : Arrays.stream(classes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(LinkedHashSet::new));
        int threads = intParam(p, Key.THREADS.id, Runtime.getRuntime().availableProcessors(), 1, MAX_THREADS, "inference threads");
        String detections = p.getProperty(Key.DETECTIONS.id, "").strip();
        if ("file".equals(detector) && detections.isEmpty()) {
            throw new AnalysisException("Detector file needs a detections file (parameter detections; CLI: --detections FILE.csv) with lines frame,classId,label,score,x1,y1,x2,y2.");
        }
        boolean ocr = bool(p, Key.OCR_ENABLED.id, true);
        int ocrThreads = intParam(p, Key.OCR_THREADS.id, 1, 1, MAX_OCR_THREADS, "parallel OCR partitions");
        int ocrCrops = intParam(p, Key.OCR_CROPS.id, DEFAULT_OCR_CROPS, 0, "crops read per person and batch; 0 = all");
        int minTrack = intParam(p, Key.MIN_TRACK_FRAMES.id, 10, 1, "frames a track needs to be trusted");
        float minNumber = floatParam(p, Key.MIN_NUMBER_CONFIDENCE.id, DEFAULT_MIN_NUMBER_CONFIDENCE);
        if (!(minNumber >= 0f && minNumber <= 1f)) {
            throw new AnalysisException(Key.MIN_NUMBER_CONFIDENCE.id + " must be between 0 and 1, got " + minNumber + ".");
        }
        float reid = floatParam(p, Key.REID_SECONDS.id, (float) DEFAULT_REID_SECONDS);
        if (!(reid >= 0f && reid <= MAX_REID_SECONDS)) {
            throw new AnalysisException(Key.REID_SECONDS.id + " must be between 0 and " + MAX_REID_SECONDS + " seconds, got " + reid + ".");
        }
        int teams = intParam(p, Key.TEAMS.id, 2, 0, MAX_TEAMS, "teams told apart by kit colour");
        ExecutionMode mode = ExecutionMode.of(p.getProperty(Key.EXECUTION_MODE.id, "").strip().toLowerCase(Locale.ROOT)
                .transform(m -> m.isEmpty() ? ExecutionMode.SEQUENTIAL.id : m));
        int partitions = intParam(p, Key.DETECT_PARTITIONS.id, 1, 1, MAX_DETECT_PARTITIONS, "detection streams");
        return new AnalysisParameters(Path.of(video), batch, stride, max, detector,
                model.isEmpty() ? null : Path.of(model), threshold, classSet, threads,
                detections.isEmpty() ? null : Path.of(detections), ocr, ocrThreads, ocrCrops, minTrack, minNumber, reid, teams, mode, partitions,
                bool(p, Key.REPLACE.id, false), Tiling.parse(p.getProperty(Key.TILES.id, "")),
                CourtSpec.parse(p.getProperty(Key.COURT.id, "")));
    }

    public Properties toProperties() {
        Properties p = new Properties();
        p.setProperty(Key.VIDEO.id, video.toString());
        p.setProperty(Key.BATCH_SIZE.id, Integer.toString(batchSizeFrames));
        p.setProperty(Key.STRIDE.id, Integer.toString(frameStride));
        p.setProperty(Key.MAX_FRAMES.id, Integer.toString(maxFrames));
        p.setProperty(Key.DETECTOR.id, detector);
        if (model != null) {
            p.setProperty(Key.MODEL.id, model.toString());
        }
        p.setProperty(Key.THRESHOLD.id, Float.toString(scoreThreshold));
        if (!classes.isEmpty()) {
            p.setProperty(Key.CLASSES.id, String.join(",", classes));
        }
        p.setProperty(Key.THREADS.id, Integer.toString(threads));
        if (detectionsFile != null) {
            p.setProperty(Key.DETECTIONS.id, detectionsFile.toString());
        }
        p.setProperty(Key.OCR_ENABLED.id, Boolean.toString(ocrEnabled));
        p.setProperty(Key.OCR_THREADS.id, Integer.toString(ocrThreads));
        p.setProperty(Key.OCR_CROPS.id, Integer.toString(ocrCrops));
        p.setProperty(Key.MIN_TRACK_FRAMES.id, Integer.toString(minTrackFrames));
        p.setProperty(Key.MIN_NUMBER_CONFIDENCE.id, Float.toString(minNumberConfidence));
        p.setProperty(Key.REID_SECONDS.id, Double.toString(reidSeconds));
        p.setProperty(Key.TEAMS.id, Integer.toString(teams));
        p.setProperty(Key.EXECUTION_MODE.id, executionMode.id);
        p.setProperty(Key.DETECT_PARTITIONS.id, Integer.toString(detectPartitions));
        p.setProperty(Key.REPLACE.id, Boolean.toString(replace));
        p.setProperty(Key.TILES.id, tiles.id());
        p.setProperty(Key.COURT.id, court.id());
        return p;
    }

    /** True when the built-in NanoDet runs: asked for, or no RF-DETR model was chosen. */
    public boolean usesBuiltInDetector() {
        return "nanodet".equals(detector) || "auto".equals(detector) && model == null;
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
