package bbva.batch.ocr;

import bbva.batch.RunMetrics;
import bbva.batch.StepState;
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
    /** Idle engines kept per number of threads; more given back (after a burst) are closed. */
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Idle engines by their number of threads. */
    private final Map<Integer, Deque<JerseyReader>> idle = new HashMap<>();
    /** Every engine alive, idle or on loan, with its number of threads. */
    private final Map<JerseyReader, Integer> threadsOf = new IdentityHashMap<>();
    private boolean closed;

    public synchronized JerseyReader borrow(int threads) {
        if (closed) {
            throw new IllegalStateException("the OCR engines are closed: the application is stopping");
        }
        JerseyReader r = idle.computeIfAbsent(threads, t -> new ArrayDeque<>()).poll();
        if (r == null) {
            r = new PpOcrJerseyReader(threads);
            threadsOf.put(r, threads);
        }
        return r;
    }

    /** Takes an engine back; one given back after {@link #close()}, or beyond {@link #MAX_IDLE}, is closed. */
    public synchronized void release(JerseyReader reader) {
        Integer threads = threadsOf.get(reader);
        if (threads == null) {
            throw new IllegalArgumentException("not an engine of this pool");
        }
        Deque<JerseyReader> free = idle.computeIfAbsent(threads, t -> new ArrayDeque<>());
        if (closed || free.size() >= MAX_IDLE) {
            threadsOf.remove(reader);
            reader.close();
        } else {
            free.push(reader);
        }
    }

    /** The engine of one OCR partition, borrowed on first use and given back when the partition's resources close. */
    JerseyReader forStep(StepState step, int threads, RunMetrics metrics) {
        long[] nanosAtStart = new long[1];
        return step.ocrEngine(() -> {
            JerseyReader r = borrow(threads);
            nanosAtStart[0] = r.inferenceNanos();
            return r;
        }, r -> {
            metrics.addOcr(r.inferenceNanos() - nanosAtStart[0]);
            release(r);
        });
    }

    /** Closes the idle engines now; those on loan are closed as they come back. */
    @PreDestroy
    synchronized void close() {
        closed = true;
        idle.values().forEach(free -> free.forEach(r -> {
            threadsOf.remove(r);
            r.close();
        }));
        idle.clear();
    }

    synchronized int alive() {
        return threadsOf.size();
    }
}
