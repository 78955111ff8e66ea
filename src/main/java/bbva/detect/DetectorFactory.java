package bbva.detect;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Builds the detector an analysis asked for; RF-DETR label maps come from a labels file or COCO. */
public final class DetectorFactory {
    /** The file name a models directory's default RF-DETR export has. */
    public static final String STANDARD_MODEL = "rfdetr.onnx";
    public static final String BUILT_IN_NOTICE = "Note: no RF-DETR model configured, using the built-in NanoDet-g "
            + "(COCO people and ball). For RF-DETR put an ONNX export at models/" + STANDARD_MODEL + " "
            + "or pass --model FILE.onnx; see models/README.md.";

    private DetectorFactory() {
    }

    /** The models directory's standard RF-DETR export, if it has one: analyses use it when they name no model. */
    public static Optional<Path> standardModel(Path modelsDir) {
        Path p = modelsDir.resolve(STANDARD_MODEL);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The detector for frames of this size: a model-based one runs on the tiles {@code params.tiles()}
     * gives such a frame (when more than one).
     */
    public static Detector forFrames(AnalysisParameters params, int width, int height) {
        return forFrames(params, width, height, false);
    }

    /** {@code spin}: the model's threads spin while idle, for a detector that has the cores to itself. */
    public static Detector forFrames(AnalysisParameters params, int width, int height, boolean spin) {
        Detector d = create(params, spin);
        return params.detector().model() && params.tiles().tiles(width, height).size() > 1 ? new TiledDetector(d, params.tiles(), width, height) : d;
    }

    /** The detector, run on whole frames. */
    public static Detector create(AnalysisParameters params) {
        return create(params, false);
    }

    static Detector create(AnalysisParameters params, boolean spin) {
        if (params.detector() == DetectorChoice.FILE) {
            return new FileDetector(params.detectionsFile());
        }
        if (params.detector() == DetectorChoice.HOG) {
            return new HogDetector(params.scoreThreshold(), params.threads());
        }
        if (params.usesBuiltInDetector()) {
            return nanoDet(params, spin);
        }
        RfDetrModel model = new RfDetrModel(params.model(), params.threads(), spin);
        try {
            LabelMap labels = labelsFor(params.model(), model.numClasses());
            boolean strict = !params.classes().isEmpty();
            Set<String> wanted = strict ? params.classes() : LabelMap.DEFAULT_CLASSES;
            RfDetrDecoder decoder = new RfDetrDecoder(labels, labels.select(wanted, strict),
                    params.scoreThreshold(), weakThreshold(params), RfDetrDecoder.DEFAULT_TOP_K);
            return new OnnxDetector<>("rfdetr:" + model.file().getFileName(),
                    new RfDetrPreprocessor(model.resolution())::toTensor, model::run,
                    (out, w, h) -> decoder.decode(out.dets(), out.logits(), model.numClasses(), w, h), model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private static Detector nanoDet(AnalysisParameters params, boolean spin) {
        NanoDetModel model = new NanoDetModel(params.threads(), spin);
        try {
            boolean strict = !params.classes().isEmpty();
            boolean[] keep = LabelMap.coco().select(strict ? params.classes() : LabelMap.DEFAULT_CLASSES, strict);
            NanoDetDecoder decoder = new NanoDetDecoder(keep, params.scoreThreshold(), weakThreshold(params), model.resolution());
            return new OnnxDetector<>("nanodet:nanodet-g-" + model.resolution(),
                    new NanoDetPreprocessor(model.resolution())::toTensor, model::run, decoder::decode, model);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The score from which a model's boxes are kept as {@link Detection#weak}: half the threshold.
     * On the shared broadcast clip every person on the floor a detection at 0.4 missed (a referee,
     * players behind players) scored 0.21-0.39.
     */
    static float weakThreshold(AnalysisParameters params) {
        return params.scoreThreshold() * WEAK_SHARE;
    }

    static final float WEAK_SHARE = 0.5f;

    /** {@code NAME.labels} beside {@code NAME.onnx}; without one, a 91-class model is taken as COCO. */
    static LabelMap labelsFor(Path modelFile, int numClasses) {
        Path labelsFile = labelsFileOf(modelFile);
        if (Files.isRegularFile(labelsFile)) {
            return LabelMap.fromFile(labelsFile);
        }
        if (numClasses == 91) {
            return LabelMap.coco();
        }
        throw new AnalysisException("Model " + modelFile + " has " + numClasses + " classes but no labels file "
                + labelsFile + ": write one class name per line (line 1 = class 0), see models/README.md.");
    }

    public static Path labelsFileOf(Path modelFile) {
        String name = modelFile.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return modelFile.resolveSibling(stem + ".labels");
    }
}
