package bbva.progress;

import bbva.store.BatchEntity;
import bbva.store.BatchPlan;
import bbva.store.WorkStatus;
import bbva.store.VideoEntity;
import java.util.List;
import java.util.Map;

/**
 * Progress of one analysis, from committed work only (what a restart would keep): detection in
 * analyzed frames, OCR in person detections read; overall weighs the two phases.
 */
public record Progress(int framesDone, int framesTotal, int batchesDone, int batchesTotal,
                       int ocrBatchesDone, int ocrBatchesTotal, long ocrDone, long ocrTotal) {

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

    /** @param persons person detections per batch index (PlayerStore.personsPerBatch); empty while unknown */
    public static Progress of(VideoEntity video, List<BatchEntity> batches, Map<Integer, Long> persons) {
        int frames = 0;
        int done = 0;
        int ocrDone = 0;
        int ocrTotal = 0;
        long read = 0;
        long toRead = 0;
        for (BatchEntity b : batches) {
            if (b.detectionStatus == WorkStatus.COMPLETED) {
                done++;
                frames += BatchPlan.analyzedIn(b.frameStart, b.frameEnd, video.frameStride);
            }
            if (b.ocrStatus != WorkStatus.SKIPPED) {
                long people = persons.getOrDefault(b.batchIndex, 0L);
                ocrTotal++;
                toRead += people;
                if (b.ocrStatus == WorkStatus.COMPLETED) {
                    ocrDone++;
                    read += people;
                }
            }
        }
        return new Progress(frames, video.analyzedFrames, done, batches.size(), ocrDone, ocrTotal, read, toRead);
    }

    public double detectFraction() {
        return framesTotal == 0 ? 0 : (double) framesDone / framesTotal;
    }

    /** Share of OCR done: by detections read, or by batches while no person has been detected. */
    public double ocrFraction() {
        if (ocrTotal > 0) {
            return (double) ocrDone / ocrTotal;
        }
        return ocrBatchesTotal == 0 ? 0 : (double) ocrBatchesDone / ocrBatchesTotal;
    }

    public boolean ocrEnabled() {
        return ocrBatchesTotal > 0;
    }

    public double overall(Weights w) {
        if (!ocrEnabled() || w.ocr() == 0) {
            return detectFraction();
        }
        return (w.detect() * detectFraction() + w.ocr() * ocrFraction()) / (w.detect() + w.ocr());
    }

    public static int percent(double fraction) {
        return (int) Math.floor(fraction * 100 + 1e-9);
    }

    /** "detect" until every frame is detected, then "ocr" until every batch is read (if OCR is on), then "done". */
    public String phase() {
        if (detectFraction() < 1) {
            return "detect";
        }
        return ocrEnabled() && ocrFraction() < 1 ? "ocr" : "done";
    }

    /** "Detection: 120/795 frames (15%)". */
    public String detectionLine() {
        return "Detection: " + framesDone + "/" + framesTotal + " frames (" + percent(detectFraction()) + "%)";
    }

    /** "OCR: 1240/3100 detections (40%)". */
    public String ocrLine() {
        return "OCR: " + ocrDone + "/" + ocrTotal + " detections (" + percent(ocrFraction()) + "%)";
    }

    /** The live line: detection, then OCR once detection is done, then overall. */
    public String line(Weights w) {
        String phases = detectFraction() >= 1 && ocrEnabled() ? detectionLine() + "  " + ocrLine() : detectionLine();
        return phases + "  overall " + percent(overall(w)) + "%";
    }
}
