package bbva.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one job execution (model time, step times, OCR's wait for detection), read by the CLI's
 * summary and the benchmark. Kept per execution: a server running several analyses keeps their
 * figures apart. The last {@link #KEPT} executions are kept.
 */
public final class RunMetrics {
    static final int KEPT = 64;
    private static final Map<Long, RunMetrics> BY_EXECUTION = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunMetrics> eldest) {
            return size() > KEPT;
        }
    };

    private final AtomicLong inferenceNanos = new AtomicLong();
    private final AtomicLong ocrNanos = new AtomicLong();
    private final AtomicLong ocrWaitNanos = new AtomicLong();
    private final Map<String, Long> stepNanos = new ConcurrentHashMap<>();

    private RunMetrics() {
    }

    public static RunMetrics of(long executionId) {
        synchronized (BY_EXECUTION) {
            return BY_EXECUTION.computeIfAbsent(executionId, id -> new RunMetrics());
        }
    }

    public void addInference(long nanos) {
        inferenceNanos.addAndGet(nanos);
    }

    public void addStep(String step, long nanos) {
        stepNanos.merge(step, nanos, Long::sum);
    }

    /** Wall time of each step, in seconds (JBeret's own records of a partitioned step's times are not usable). */
    public Map<String, Double> stepSeconds() {
        Map<String, Double> out = new TreeMap<>();
        stepNanos.forEach((step, nanos) -> out.put(step, nanos / 1e9));
        return out;
    }

    public void addOcr(long nanos) {
        ocrNanos.addAndGet(nanos);
    }

    public void addOcrWait(long nanos) {
        ocrWaitNanos.addAndGet(nanos);
    }

    /** How long step "ocrFollow" waited for detection to complete a batch. */
    public long ocrWaitNanos() {
        return ocrWaitNanos.get();
    }

    public long ocrNanos() {
        return ocrNanos.get();
    }

    public long inferenceNanos() {
        return inferenceNanos.get();
    }
}
