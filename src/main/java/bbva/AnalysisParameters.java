package bbva;

import bbva.court.CourtSpec;
import bbva.detect.DetectorChoice;
import bbva.detect.Tiling;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The job parameters of one analysis, parsed and validated in one place: the CLI checks them before
 * submitting, and the job checks them again (another client, e.g. a REST call, may submit directly).
 * Each one's id, type, default and bounds are in {@link Param}.
 */
public record AnalysisParameters(Path video, int batchSizeFrames, int frameStride, int maxFrames,
                                 DetectorChoice detector, Path model, float scoreThreshold, Set<String> classes,
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

        static ExecutionMode of(String text) {
            String id = text.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() -> new AnalysisException(
                    "executionMode must be " + Arrays.stream(values()).map(m -> m.id)
                            .collect(Collectors.joining(" or ")) + ", got '" + id + "'."));
        }
    }

    public static AnalysisParameters parse(Properties p) {
        Path video = Param.VIDEO.read(p);
        if (video == null) {
            throw new AnalysisException("No video given: pass the path of a video file (job parameter '" + Param.VIDEO.id + "').");
        }
        DetectorChoice detector = Param.DETECTOR.read(p);
        Path model = Param.MODEL.read(p);
        if (detector == DetectorChoice.RFDETR && model == null) {
            throw new AnalysisException("Detector rfdetr needs a model: give the model parameter (CLI: --model FILE.onnx; see models/README.md).");
        }
        Path detections = Param.DETECTIONS.read(p);
        if (detector == DetectorChoice.FILE && detections == null) {
            throw new AnalysisException("Detector file needs a detections file (parameter detections; CLI: --detections FILE.csv) with lines frame,classId,label,score,x1,y1,x2,y2.");
        }
        Float threshold = Param.THRESHOLD.read(p);
        if (threshold == null) {
            threshold = builtIn(detector, model) ? Param.NANODET_THRESHOLD : Param.MODEL_THRESHOLD;
        }
        return new AnalysisParameters(video, Param.BATCH_SIZE.read(p), Param.STRIDE.read(p), Param.MAX_FRAMES.read(p),
                detector, model, threshold, Param.CLASSES.read(p), Param.THREADS.read(p), detections,
                Param.OCR_ENABLED.read(p), Param.OCR_THREADS.read(p), Param.OCR_CROPS.read(p),
                Param.MIN_TRACK_FRAMES.read(p), Param.MIN_NUMBER_CONFIDENCE.read(p), Param.REID_SECONDS.read(p),
                Param.TEAMS.read(p), Param.EXECUTION_MODE.read(p), Param.DETECT_PARTITIONS.read(p), Param.REPLACE.read(p),
                Param.TILES.read(p), Param.COURT.read(p));
    }

    /** Every parameter with a value, as job parameters: {@link #parse} of them gives these parameters again. */
    public Properties toProperties() {
        Properties p = new Properties();
        for (Param<?> param : Param.ALL) {
            param.write(p, this);
        }
        return p;
    }

    /**
     * Whether detection has the cores to itself (its model's idle threads may then spin): no OCR beside
     * it (sequential), one detection stream, and a runtime that runs one analysis at a time.
     */
    public boolean detectionAlone(boolean oneAnalysisAtATime) {
        return oneAnalysisAtATime && executionMode == ExecutionMode.SEQUENTIAL && detectPartitions == 1;
    }

    /**
     * Whether a detection stream decodes its next frame on a thread of its own while its model works.
     * Not when one-thread streams fill the cores by themselves: there that thread only takes turns
     * with the models (RF-DETR-nano, 2 streams x 1 thread on 2 cores: 6.64 frames/s on average over
     * 9 runs reading each frame when asked, 6.54 over 6 reading ahead). A model on several threads
     * leaves a core idle between its parallel parts, which reading ahead fills (1 stream x 2 threads:
     * 0.985 of the plain loop reading ahead, 0.93-0.95 without).
     */
    public boolean readAhead(int cores) {
        return threads > 1 || detectPartitions < cores;
    }

    /** True when the built-in NanoDet runs: asked for, or no RF-DETR model was chosen. */
    public boolean usesBuiltInDetector() {
        return builtIn(detector, model);
    }

    private static boolean builtIn(DetectorChoice detector, Path model) {
        return detector == DetectorChoice.NANODET || detector == DetectorChoice.AUTO && model == null;
    }
}
