package bbva.progress;

import bbva.store.BatchEntity;
import bbva.store.BatchPlan;
import bbva.store.Status;
import bbva.store.VideoEntity;
import java.util.List;

/**
 * Progress of one analysis, from committed batches only (what a restart would keep): detection in
 * analyzed frames, OCR in batches; overall weighs the two phases.
 */
public record Progress(int framesDone, int framesTotal, int batchesDone, int batchesTotal,
                       int ocrDone, int ocrTotal) {

    /** How much of the whole job each phase stands for; OCR's share goes to detection when OCR is off. */
    public record Weights(double detect, double ocr) {
        public static final Weights DEFAULT = new Weights(0.7, 0.3);

        public static Weights parse(String spec) {
            double d = DEFAULT.detect;
            double o = DEFAULT.ocr;
            for (String part : spec.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("weights look like detect=0.7,ocr=0.3, got '" + spec + "'");
                }
                double v = Double.parseDouble(kv[1].strip());
                switch (kv[0].strip()) {
                    case "detect" -> d = v;
                    case "ocr" -> o = v;
                    default -> throw new IllegalArgumentException("unknown phase '" + kv[0] + "' (detect, ocr)");
                }
            }
            if (d < 0 || o < 0 || d + o <= 0) {
                throw new IllegalArgumentException("weights must be >= 0 and not both 0");
            }
            return new Weights(d, o);
        }
    }

    public static Progress of(VideoEntity video, List<BatchEntity> batches) {
        int frames = 0;
        int done = 0;
        int ocrDone = 0;
        int ocrTotal = 0;
        for (BatchEntity b : batches) {
            if (Status.COMPLETED.equals(b.detectionStatus)) {
                done++;
                frames += BatchPlan.analyzedIn(b.frameStart, b.frameEnd, video.frameStride);
            }
            if (!Status.SKIPPED.equals(b.ocrStatus)) {
                ocrTotal++;
                if (Status.COMPLETED.equals(b.ocrStatus)) {
                    ocrDone++;
                }
            }
        }
        return new Progress(frames, video.analyzedFrames, done, batches.size(), ocrDone, ocrTotal);
    }

    public double detectFraction() {
        return framesTotal == 0 ? 0 : (double) framesDone / framesTotal;
    }

    public double overall(Weights w) {
        if (ocrTotal == 0 || w.ocr() == 0) {
            return detectFraction();
        }
        double ocr = (double) ocrDone / ocrTotal;
        return (w.detect() * detectFraction() + w.ocr() * ocr) / (w.detect() + w.ocr());
    }

    public static int percent(double fraction) {
        return (int) Math.floor(fraction * 100 + 1e-9);
    }

    /** "Detection: 120/795 frames (15%)". */
    public String detectionLine() {
        return "Detection: " + framesDone + "/" + framesTotal + " frames (" + percent(detectFraction()) + "%)";
    }
}
