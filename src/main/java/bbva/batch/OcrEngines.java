package bbva.batch;

import bbva.ocr.JerseyReader;
import bbva.ocr.PpOcrJerseyReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * OCR engines kept for the life of the application: each OCR partition is one batch, and loading
 * the model per partition (~0.35 s) would cost more than reading the batch. Partitions running at
 * the same time borrow different engines.
 */
@ApplicationScoped
public class OcrEngines {
    private final Deque<JerseyReader> idle = new ArrayDeque<>();
    private final List<JerseyReader> all = new ArrayList<>();

    public synchronized JerseyReader borrow(int threads) {
        JerseyReader r = idle.poll();
        if (r == null) {
            r = new PpOcrJerseyReader(threads);
            all.add(r);
        }
        return r;
    }

    public synchronized void release(JerseyReader reader) {
        idle.push(reader);
    }

    /**
     * The engine of one OCR partition, borrowed on first use and given back when the partition's
     * resources close; the partitions running at once share the cores.
     */
    JerseyReader forStep(StepResources step, int partitionsAtOnce) {
        long[] nanosAtStart = new long[1];
        return step.get(JerseyReader.class, () -> {
            JerseyReader r = borrow(Math.max(1, Runtime.getRuntime().availableProcessors() / partitionsAtOnce));
            nanosAtStart[0] = r.inferenceNanos();
            return r;
        }, r -> {
            RunMetrics.addOcr(r.inferenceNanos() - nanosAtStart[0]);
            release(r);
        });
    }

    @PreDestroy
    synchronized void close() {
        all.forEach(JerseyReader::close);
        all.clear();
        idle.clear();
    }
}
