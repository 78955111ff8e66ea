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
        return weights == null ? Progress.Weights.DEFAULT : parse(weights);
    }

    static Progress.Weights parse(String spec) {
        double d = Progress.Weights.DEFAULT.detect();
        double o = Progress.Weights.DEFAULT.ocr();
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
        return new Progress.Weights(d, o);
    }
}
