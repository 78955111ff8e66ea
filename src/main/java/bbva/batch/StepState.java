package bbva.batch;

import bbva.detect.Detector;
import bbva.ocr.JerseyReader;
import bbva.store.Phase;
import jakarta.batch.runtime.context.StepContext;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the artifacts of one chunk step, or of one partition of it, share while it runs; it lives in
 * the step context's transient user data (each partition has its own). Each part has one writer:
 * where the reader is ({@link Position}), set by the reader and read by {@link FailedBatchListener}
 * and {@link BatchEndCheckpoint}; and the native resource a processor opens on first use (the
 * detector, the OCR engine), which {@link StepReader#close} closes however the step ends (a processor
 * has no close of its own). A slot emptied by close opens again if the runtime reopens the step.
 */
public final class StepState {
    /** The phase and batch of the item the reader read last, and whether that item ends the batch. */
    public record Position(Phase phase, int batch, boolean batchEnds) {
    }

    private volatile Position position;
    private final Held<Detector> detector = new Held<>();
    private final Held<JerseyReader> ocrEngine = new Held<>();

    public static StepState of(StepContext step) {
        synchronized (step) {
            if (step.getTransientUserData() instanceof StepState s) {
                return s;
            }
            StepState s = new StepState();
            step.setTransientUserData(s);
            return s;
        }
    }

    /** The reader is at {@code batch}; {@code batchEnds}: the item it read is the batch's last. */
    public void at(Phase phase, int batch, boolean batchEnds) {
        position = new Position(phase, batch, batchEnds);
    }

    public Optional<Position> position() {
        return Optional.ofNullable(position);
    }

    /** The step's detector, opened on first use; {@code onClose} closes it. */
    public Detector detector(Supplier<Detector> open, Consumer<Detector> onClose) {
        return detector.get(open, onClose);
    }

    /** The step's OCR engine, borrowed on first use; {@code giveBack} returns it. */
    public JerseyReader ocrEngine(Supplier<JerseyReader> borrow, Consumer<JerseyReader> giveBack) {
        return ocrEngine.get(borrow, giveBack);
    }

    /** Closes what the step holds: both are attempted; the first failure is thrown. */
    public void close() {
        try {
            ocrEngine.close();
        } finally {
            detector.close();
        }
    }

    private static final class Held<T> {
        private T value;
        private Consumer<T> onClose;

        synchronized T get(Supplier<T> open, Consumer<T> closer) {
            if (value == null) {
                value = open.get();
                onClose = closer;
            }
            return value;
        }

        synchronized void close() {
            if (value != null) {
                T v = value;
                value = null;
                onClose.accept(v);
            }
        }
    }
}
