package bbva.batch;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters for this JVM's job runs, read by the CLI's summary and the benchmark. */
public final class RunMetrics {
    private static final AtomicLong INFERENCE_NANOS = new AtomicLong();
    private static final AtomicLong OCR_NANOS = new AtomicLong();
    private static final AtomicLong OCR_WAIT_NANOS = new AtomicLong();
    private static final Map<String, Long> STEP_NANOS = new ConcurrentHashMap<>();

    private RunMetrics() {
    }

    static void addInference(long nanos) {
        INFERENCE_NANOS.addAndGet(nanos);
    }

    static void addStep(String step, long nanos) {
        STEP_NANOS.merge(step, nanos, Long::sum);
    }

    /** Wall time of each step run in this JVM, in seconds (JBeret's own records of a partitioned step's times are not usable). */
    public static Map<String, Double> stepSeconds() {
        Map<String, Double> out = new TreeMap<>();
        STEP_NANOS.forEach((step, nanos) -> out.put(step, nanos / 1e9));
        return out;
    }

    static void addOcr(long nanos) {
        OCR_NANOS.addAndGet(nanos);
    }

    static void addOcrWait(long nanos) {
        OCR_WAIT_NANOS.addAndGet(nanos);
    }

    /** How long step "ocrFollow" waited for detection to complete a batch. */
    public static long ocrWaitNanos() {
        return OCR_WAIT_NANOS.get();
    }

    public static long ocrNanos() {
        return OCR_NANOS.get();
    }

    public static long inferenceNanos() {
        return INFERENCE_NANOS.get();
    }
}
