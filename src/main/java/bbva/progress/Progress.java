package bbva.progress;

import bbva.store.Batch;
import bbva.BatchPlan;
import bbva.store.WorkStatus;
import java.util.List;

/**
 * Progress of one analysis, from committed work only (what a restart would keep): detection in
 * analyzed frames, OCR in the crops it reads (a few views of each person per batch, counted as each
 * batch's detection completes); overall weighs the two phases.
 */
public record Progress(int framesDone, int framesTotal, int batchesDone, int batchesTotal,
                       int ocrBatchesDone, int ocrBatchesTotal, long ocrDone, long ocrTotal) {

    /** How much of the whole job each phase stands for; OCR's share goes to detection when OCR is off. */
    public record Weights(double detect, double ocr) {
        public static final Weights DEFAULT = new Weights(0.7, 0.3);
    }

    /**
     * @param analyzedFrames frames the analysis covers (the video's row)
     * @param batches the batches as stored; a detected batch without a crop count (detected before bbva
     *                counted them) makes OCR's progress count batches instead
     */
    public static Progress of(int analyzedFrames, int frameStride, List<Batch> batches) {
        int frames = 0;
        int done = 0;
        int ocrDone = 0;
        int ocrTotal = 0;
        long read = 0;
        long toRead = 0;
        boolean counted = true;
        for (Batch b : batches) {
            if (b.detection() == WorkStatus.COMPLETED) {
                done++;
                frames += BatchPlan.analyzedIn(b.frameStart(), b.frameEnd(), frameStride);
            }
            if (b.ocr() != WorkStatus.SKIPPED) {
                counted &= b.ocrCrops() != null || b.detection() != WorkStatus.COMPLETED;
                long crops = b.ocrCrops() == null ? 0 : b.ocrCrops();
                ocrTotal++;
                toRead += crops;
                if (b.ocr() == WorkStatus.COMPLETED) {
                    ocrDone++;
                    read += crops;
                }
            }
        }
        return counted ? new Progress(frames, analyzedFrames, done, batches.size(), ocrDone, ocrTotal, read, toRead)
                : new Progress(frames, analyzedFrames, done, batches.size(), ocrDone, ocrTotal, 0, 0);
    }

    public double detectFraction() {
        return framesTotal == 0 ? 0 : (double) framesDone / framesTotal;
    }

    /** Share of OCR done: by crops read, or by batches while there is no crop (or no count) to go by. */
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
}
