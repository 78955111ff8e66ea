package bbva.batch;

import java.util.concurrent.atomic.AtomicLong;

/** Counters for this JVM's job runs, read by the CLI's summary and the benchmark. */
public final class RunMetrics {
    private static final AtomicLong INFERENCE_NANOS = new AtomicLong();
    private static final AtomicLong OCR_NANOS = new AtomicLong();

    private RunMetrics() {
    }

    static void addInference(long nanos) {
        INFERENCE_NANOS.addAndGet(nanos);
    }

    static void addOcr(long nanos) {
        OCR_NANOS.addAndGet(nanos);
    }

    public static long ocrNanos() {
        return OCR_NANOS.get();
    }

    public static long inferenceNanos() {
        return INFERENCE_NANOS.get();
    }
}
