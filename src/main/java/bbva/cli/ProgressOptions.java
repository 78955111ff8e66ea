package bbva.cli;

import bbva.progress.Progress;
import picocli.CommandLine.Option;

/** Options of commands that run a job. */
final class ProgressOptions {
    @Option(names = "--no-progress", description = "Do not show the progress line.")
    boolean noProgress;
    @Option(names = "--weights", paramLabel = "detect=W,ocr=W",
            description = "How overall progress weighs the phases (default: detect=0.7,ocr=0.3).")
    String weights;

    boolean show() {
        return !noProgress;
    }

    Progress.Weights weights() {
        return weights == null ? Progress.Weights.DEFAULT : Progress.Weights.parse(weights);
    }
}
