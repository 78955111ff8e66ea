package bbva.cli;

import bbva.progress.Progress;
import java.io.PrintStream;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * The live progress line. On a terminal it redraws in place; otherwise (logs, CI, a parent
 * process) it prints a new line only when the numbers change.
 */
final class ProgressView implements AutoCloseable {
    private final ProgressBar bar;
    private volatile String line = "";

    ProgressView(PrintStream out, boolean terminal) {
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName("Detection")
                .setInitialMax(1)
                .setUpdateIntervalMillis(500)
                .setRenderer((state, maxLength) -> line);
        if (!terminal) {
            String[] last = {""};
            b.setConsumer(new DelegatingProgressBarConsumer(s -> {
                if (!s.equals(last[0]) && !s.isEmpty()) {
                    last[0] = s;
                    out.println(s);
                }
            }));
        }
        bar = b.build();
    }

    void update(Progress p, Progress.Weights weights) {
        line = ProgressText.line(p, weights);
        bar.maxHint(Math.max(1, p.framesTotal()));
        bar.stepTo(p.framesDone());
    }

    @Override
    public void close() {
        bar.refresh();
        bar.close();
    }
}
