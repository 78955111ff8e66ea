package bbva;

import bbva.AnalysisParameters.ExecutionMode;
import bbva.court.CourtSpec;
import bbva.detect.DetectorChoice;
import bbva.detect.Tiling;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One job parameter, typed: its id (the job parameter and the job XML's property), CLI option, help,
 * default and bounds. It parses a value (an error names the parameter and the bounds), prints one,
 * reads its field of {@link AnalysisParameters}, and documents itself (the help ends with the
 * default it applies). A new parameter is a constant here, in {@link #ALL}, a record component read
 * in {@link AnalysisParameters#parse}, and a property in the job XML ({@code ParamTest} checks the XML).
 */
public final class Param<T> {
    /** What a parameter changes: the stored results, only the speed, or how the run is controlled. */
    public enum Effect { RESULTS, SPEED, CONTROL }

    /** Where a file named by the parameter must be (a server allows only its own directories). */
    public enum Place { NONE, MEDIA, MODELS }

    public static final int MAX_THREADS = 64;
    public static final int MAX_OCR_THREADS = 16;
    public static final int MAX_DETECT_PARTITIONS = 16;
    public static final int MAX_TEAMS = 8;
    public static final double MAX_REID_SECONDS = 60;
    /**
     * NanoDet scores players 50-110 px tall in a broadcast at 0.4-0.5: at 0.5 it found 7-8 of the 11
     * on the floor of the shared clip, at 0.4 9-10; the fans it adds at 0.4 are off the court.
     */
    public static final float NANODET_THRESHOLD = 0.4f;
    public static final float MODEL_THRESHOLD = 0.5f;

    public static final Param<Path> VIDEO = new Param<>("video", null, null, "The video file.", null, null,
            Effect.RESULTS, Place.MEDIA, Param::path, Path::toString, AnalysisParameters::video);
    public static final Param<Integer> BATCH_SIZE = count("batchSizeFrames", "--batch-size",
            "Frames per checkpointed batch", 30, 1, Integer.MAX_VALUE, Effect.RESULTS, AnalysisParameters::batchSizeFrames);
    public static final Param<Integer> STRIDE = count("frameStride", "--stride", "Analyze every Nth frame", 1, 1,
            Integer.MAX_VALUE, Effect.RESULTS, AnalysisParameters::frameStride);
    public static final Param<Integer> MAX_FRAMES = count("maxFrames", "--max-frames",
            "Analyze only the first N frames", 0, 0, Integer.MAX_VALUE, Effect.RESULTS, AnalysisParameters::maxFrames)
            .defaultText("0, the whole video");
    public static final Param<DetectorChoice> DETECTOR = new Param<>("detector", "--detector", "NAME",
            "auto, rfdetr, nanodet, hog or file", DetectorChoice.AUTO, "auto = rfdetr with a model, else nanodet",
            Effect.RESULTS, Place.NONE, DetectorChoice::of, DetectorChoice::id, AnalysisParameters::detector);
    public static final Param<Path> MODEL = new Param<>("model", "--model", "FILE.onnx", "RF-DETR ONNX export", null,
            "$BBVA_MODEL, else models/rfdetr.onnx if present", Effect.RESULTS, Place.MODELS, Param::path, Path::toString,
            AnalysisParameters::model);
    public static final Param<Path> DETECTIONS = new Param<>("detections", "--detections", "FILE.csv",
            "With --detector file: boxes to use instead of a model (frame,classId,label,score,x1,y1,x2,y2)", null, "none",
            Effect.RESULTS, Place.MEDIA, Param::path, Path::toString, AnalysisParameters::detectionsFile);
    /** No default of its own: it depends on the detector ({@link AnalysisParameters#parse}). */
    public static final Param<Float> THRESHOLD = new Param<>("scoreThreshold", "--threshold", "P",
            "Minimum detection score", null, MODEL_THRESHOLD + "; " + NANODET_THRESHOLD + " for the built-in NanoDet",
            Effect.RESULTS, Place.NONE, v -> fraction("scoreThreshold", v, false), f -> Float.toString(f),
            AnalysisParameters::scoreThreshold);
    public static final Param<Set<String>> CLASSES = new Param<>("classes", "--classes", "A,B", "Class names to keep",
            Set.of(), "people and ball", Effect.RESULTS, Place.NONE, Param::names, s -> String.join(",", s),
            AnalysisParameters::classes);
    public static final Param<Tiling> TILES = new Param<>("tiles", "--tiles", "auto|off|CxR",
            "Run the detector on overlapping tiles, so that small players keep their size: auto (square tiles as tall "
                    + "as a 16:9 frame, overlapping by half: 3 tiles; none on 4:3), off, or a grid such as 3x2",
            Tiling.AUTO, "auto", Effect.RESULTS, Place.NONE, Tiling::parse, Tiling::id, AnalysisParameters::tiles);
    public static final Param<CourtSpec> COURT = new Param<>("court", "--court", "auto|off|x1,y1,...",
            "The playing floor: found in each scene (auto), not used (off), or its corners in frame pixels. People "
                    + "whose feet are off it (fans, bench, staff) are kept as detections but get no track, team, "
                    + "number or player", CourtSpec.parse(""), "auto", Effect.RESULTS, Place.NONE, CourtSpec::parse,
            CourtSpec::id, AnalysisParameters::court);
    public static final Param<Integer> THREADS = count("threads", "--threads", "Inference threads",
            Runtime.getRuntime().availableProcessors(), 1, MAX_THREADS, Effect.SPEED, AnalysisParameters::threads)
            .defaultText("all cores");
    /** A flag in the CLI: --no-ocr sets it to false. */
    public static final Param<Boolean> OCR_ENABLED = flag("ocrEnabled", "--no-ocr", false,
            "Skip jersey-number OCR (players get no number).", true, Effect.RESULTS, AnalysisParameters::ocrEnabled);
    public static final Param<Integer> OCR_THREADS = count("ocrThreads", "--ocr-threads",
            "OCR partitions run in parallel", 1, 1, MAX_OCR_THREADS, Effect.SPEED, AnalysisParameters::ocrThreads);
    /** Three views a second at 30 fps: on the rendered game all ten numbers are still read (10/10), for a tenth of the crops. */
    public static final Param<Integer> OCR_CROPS = count("ocrCrops", "--ocr-crops",
            "Jersey crops read per person and batch: the person's best views", 3, 0, Integer.MAX_VALUE, Effect.RESULTS,
            AnalysisParameters::ocrCrops).defaultText("3; 0: every box");
    public static final Param<Integer> MIN_TRACK_FRAMES = count("minTrackFrames", "--min-track-frames",
            "Tracks seen in fewer analyzed frames are flagged short", 10, 1, Integer.MAX_VALUE, Effect.RESULTS,
            AnalysisParameters::minTrackFrames);
    /** Above every number voted on vtest.avi (no jerseys: at most 0.09), far below rendered players' (0.8-1.0). */
    public static final Param<Float> MIN_NUMBER_CONFIDENCE = new Param<>("minNumberConfidence",
            "--min-number-confidence", "P", "A track's voted jersey number is kept only at this confidence or more, "
                    + "else '-'", 0.25f, null, Effect.RESULTS, Place.NONE, v -> fraction("minNumberConfidence", v, true),
            f -> Float.toString(f), AnalysisParameters::minNumberConfidence);
    /** Longer than a player stays hidden behind another (1-2 s), short enough not to resurrect one who left. */
    public static final Param<Double> REID_SECONDS = new Param<>("reidSeconds", "--reid-seconds", "S",
            "A lost track (a player hidden behind another) keeps its id this long, for the player to reappear", 3.0,
            "3.0; 0: never", Effect.RESULTS, Place.NONE, Param::reidSeconds, d -> Double.toString(d),
            AnalysisParameters::reidSeconds);
    public static final Param<Integer> TEAMS = count("teams", "--teams",
            "Teams told apart by kit colour; referees and others are no team's", 2, 0, MAX_TEAMS, Effect.RESULTS,
            AnalysisParameters::teams).defaultText("2; 0: none");
    public static final Param<ExecutionMode> EXECUTION_MODE = new Param<>("executionMode", "--mode", "MODE",
            "sequential, pipeline (OCR follows detection batch by batch) or distributed (on a Liberty dispatcher: "
                    + "partitions on its executors)", ExecutionMode.SEQUENTIAL, null, Effect.SPEED, Place.NONE,
            ExecutionMode::of, m -> m.id, AnalysisParameters::executionMode);
    public static final Param<Integer> DETECT_PARTITIONS = count("detectPartitions", "--detect-partitions",
            "Detection streams, each over its own range of batches with its own model session", 1, 1,
            MAX_DETECT_PARTITIONS, Effect.SPEED, AnalysisParameters::detectPartitions);
    /** True: this analysis may replace the stored results of an earlier analysis of the same file. */
    public static final Param<Boolean> REPLACE = flag("replace", "--fresh", true,
            "Start over even if an analysis of this video exists.", false, Effect.CONTROL, AnalysisParameters::replace);
    /** Fault injection for tests of a bad batch (read by {@code ForceFailureListener}); no CLI option, not in the record. */
    public static final Param<Integer> FAIL_AT_FRAME = count("failAtFrame", null,
            "fail the batch holding this frame once (a test of a bad batch)", -1, 0, Integer.MAX_VALUE,
            Effect.CONTROL, a -> null);

    /** Every parameter, in the order of the help. */
    public static final List<Param<?>> ALL = List.of(VIDEO, BATCH_SIZE, STRIDE, MAX_FRAMES, DETECTOR, MODEL, DETECTIONS,
            THRESHOLD, CLASSES, TILES, COURT, THREADS, OCR_ENABLED, OCR_THREADS, OCR_CROPS, MIN_TRACK_FRAMES,
            MIN_NUMBER_CONFIDENCE, REID_SECONDS, TEAMS, EXECUTION_MODE, DETECT_PARTITIONS, REPLACE, FAIL_AT_FRAME);

    public final String id;
    /** The CLI option, or null when the CLI sets the parameter another way (the video) or not at all. */
    public final String option;
    /** The option's parameter label; null for a flag. */
    public final String label;
    /** The help: what the parameter does, then its default. */
    public final String description;
    public final Effect effect;
    public final Place place;
    private final String help;
    private final T defaultValue;
    private final String defaultText;
    /** For a flag: the value its presence sets. */
    private final T flagValue;
    private final Function<String, T> parser;
    private final Function<T, String> printer;
    private final Function<AnalysisParameters, T> field;

    private Param(String id, String option, String label, String help, T defaultValue, String defaultText, Effect effect,
                  Place place, Function<String, T> parser, Function<T, String> printer, Function<AnalysisParameters, T> field) {
        this(id, option, label, help, defaultValue, defaultText, null, effect, place, parser, printer, field);
    }

    private Param(String id, String option, String label, String help, T defaultValue, String defaultText, T flagValue,
                  Effect effect, Place place, Function<String, T> parser, Function<T, String> printer,
                  Function<AnalysisParameters, T> field) {
        this.id = id;
        this.option = option;
        this.label = label;
        this.help = help;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.flagValue = flagValue;
        this.effect = effect;
        this.place = place;
        this.parser = parser;
        this.printer = printer;
        this.field = field;
        this.description = flagValue != null || (defaultText == null && defaultValue == null) ? help
                : help + " (default: " + (defaultText != null ? defaultText : printer.apply(defaultValue)) + ").";
    }

    private Param<T> defaultText(String text) {
        return new Param<>(id, option, label, help, defaultValue, text, flagValue, effect, place, parser, printer, field);
    }

    /** The parameter's value in these job parameters: its default when absent or empty (the job XML passes unset ones as ""). */
    public T read(Properties p) {
        String v = p.getProperty(id, "").strip();
        return v.isEmpty() ? defaultValue : parser.apply(v);
    }

    /** Sets the parameter's value in {@code p} from {@code a}'s field; nothing when the field has no value. */
    void write(Properties p, AnalysisParameters a) {
        T v = field.apply(a);
        String text = v == null ? "" : printer.apply(v);
        if (!text.isEmpty()) {
            p.setProperty(id, text);
        }
    }

    /** A CLI flag (no value): present, it sets {@link #flagText()}. */
    public boolean flag() {
        return flagValue != null;
    }

    public String flagText() {
        return printer.apply(flagValue);
    }

    public static Optional<Param<?>> byId(String id) {
        return ALL.stream().filter(k -> k.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }

    private static Param<Integer> count(String id, String option, String help, int def, int min, int max, Effect effect,
                                        Function<AnalysisParameters, Integer> field) {
        return new Param<>(id, option, option == null ? null : "N", help, def, null, effect, Place.NONE,
                v -> whole(id, v, min, max, help), n -> Integer.toString(n), field);
    }

    private static Param<Boolean> flag(String id, String option, boolean flagValue, String help, boolean def, Effect effect,
                                       Function<AnalysisParameters, Boolean> field) {
        return new Param<>(id, option, null, help, def, null, flagValue, effect, Place.NONE, v -> bool(id, v),
                b -> Boolean.toString(b), field);
    }

    private static int whole(String id, String v, int min, int max, String meaning) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AnalysisException(id + " must be a whole number, got '" + v + "' (" + id + ": " + meaning + ").");
        }
        if (n < min || n > max) {
            throw new AnalysisException(id + " must be " + (max == Integer.MAX_VALUE ? "at least " + min
                    : "between " + min + " and " + max) + ", got " + n + " (" + id + ": " + meaning + ").");
        }
        return n;
    }

    private static double number(String id, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new AnalysisException(id + " must be a number, got '" + v + "'.");
        }
    }

    /** A share: in (0, 1), or [0, 1] when {@code inclusive}. */
    private static float fraction(String id, String v, boolean inclusive) {
        float f = (float) number(id, v);
        if (inclusive ? !(f >= 0f && f <= 1f) : !(f > 0f && f < 1f)) {
            throw new AnalysisException(id + " must be between 0 and 1" + (inclusive ? "" : " (exclusive)") + ", got " + f + ".");
        }
        return f;
    }

    private static double reidSeconds(String v) {
        double s = number("reidSeconds", v);
        if (!(s >= 0 && s <= MAX_REID_SECONDS)) {
            throw new AnalysisException("reidSeconds must be between 0 and " + MAX_REID_SECONDS + " seconds, got " + v + ".");
        }
        return s;
    }

    private static boolean bool(String id, String v) {
        String b = v.toLowerCase(Locale.ROOT);
        if (!b.equals("true") && !b.equals("false")) {
            throw new AnalysisException(id + " must be true or false, got '" + v + "'.");
        }
        return b.equals("true");
    }

    private static Path path(String v) {
        return Path.of(v);
    }

    private static Set<String> names(String v) {
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
