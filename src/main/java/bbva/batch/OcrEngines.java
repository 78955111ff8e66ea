package bbva.batch;

import bbva.ocr.JerseyReader;
import bbva.ocr.PpOcrJerseyReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * OCR engines kept for the life of the application: each OCR partition is one batch, and loading
 * the model per partition (~0.35 s) would cost more than reading the batch. Partitions running at
 * the same time borrow different engines.
 */
@ApplicationScoped
public class OcrEngines {
    /** Idle engines by their number of threads. */
    private final Map<Integer, Deque<JerseyReader>> idle = new HashMap<>();
    private final Map<JerseyReader, Integer> threadsOf = new IdentityHashMap<>();

    public synchronized JerseyReader borrow(int threads) {
        JerseyReader r = idle.computeIfAbsent(threads, t -> new ArrayDeque<>()).poll();
        if (r == null) {
            r = new PpOcrJerseyReader(threads);
            threadsOf.put(r, threads);
        }
        return r;
    }

    public synchronized void release(JerseyReader reader) {
        idle.get(threadsOf.get(reader)).push(reader);
    }

    /** The engine of one OCR partition, borrowed on first use and given back when the partition's resources close. */
    JerseyReader forStep(StepResources step, int threads) {
        long[] nanosAtStart = new long[1];
        return step.get(JerseyReader.class, () -> {
            JerseyReader r = borrow(threads);
            nanosAtStart[0] = r.inferenceNanos();
            return r;
        }, r -> {
            RunMetrics.addOcr(r.inferenceNanos() - nanosAtStart[0]);
            release(r);
        });
    }

    @PreDestroy
    synchronized void close() {
        threadsOf.keySet().forEach(JerseyReader::close);
        threadsOf.clear();
        idle.clear();
    }
}
