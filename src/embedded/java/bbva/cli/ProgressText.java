package bbva.cli;

import bbva.progress.Progress;

/** Progress in the CLI's words. */
final class ProgressText {
    private ProgressText() {
    }

    /** "120/795 frames (15%)". */
    static String detection(Progress p) {
        return p.framesDone() + "/" + p.framesTotal() + " frames (" + Progress.percent(p.detectFraction()) + "%)";
    }

    /** "1240/3100 crops (40%)", or "9/27 batches (33%)" while there is no crop count to go by. */
    static String ocr(Progress p) {
        return p.ocrTotal() > 0 ? p.ocrDone() + "/" + p.ocrTotal() + " crops (" + Progress.percent(p.ocrFraction()) + "%)"
                : p.ocrBatchesDone() + "/" + p.ocrBatchesTotal() + " batches (" + Progress.percent(p.ocrFraction()) + "%)";
    }

    /** The live line: detection, then OCR once detection is done, then overall. */
    static String line(Progress p, Progress.Weights w) {
        String phases = "Detection: " + detection(p);
        if (p.detectFraction() >= 1 && p.ocrEnabled()) {
            phases += "  OCR: " + ocr(p);
        }
        return phases + "  overall " + Progress.percent(p.overall(w)) + "%";
    }
}
