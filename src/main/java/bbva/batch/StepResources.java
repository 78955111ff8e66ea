package bbva.batch;

import bbva.store.Phase;
import jakarta.batch.runtime.context.StepContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What one chunk step, or one partition of it, holds while it runs (its detector, tracker or OCR
 * engine) and which batch it is working on. It lives in the step context's transient user data
 * (each partition has its own), is filled on first use by whichever artifact needs a resource, and
 * is closed once, by the step's reader when the runtime closes it, however the step ends.
 */
final class StepResources implements AutoCloseable {
    private final Map<Class<?>, Object> resources = new LinkedHashMap<>();
    private final Deque<Runnable> closers = new ArrayDeque<>();
    private Phase phase;
    private Integer batch;
    private boolean batchEnds;

    static StepResources of(StepContext step) {
        if (step.getTransientUserData() instanceof StepResources r) {
            return r;
        }
        StepResources r = new StepResources();
        step.setTransientUserData(r);
        return r;
    }

    /** The step's resource of this type, opened on first use; {@code onClose} releases it. */
    synchronized <T> T get(Class<T> type, Supplier<T> open, java.util.function.Consumer<T> onClose) {
        Object r = resources.get(type);
        if (r == null) {
            T opened = open.get();
            resources.put(type, opened);
            closers.push(() -> onClose.accept(opened));
            return opened;
        }
        return type.cast(r);
    }

    /** A resource that another artifact of the step has put here (e.g. the tracker its writer restored). */
    synchronized <T> T require(Class<T> type) {
        Object r = resources.get(type);
        if (r == null) {
            throw new IllegalStateException("step resource " + type.getSimpleName() + " is not open");
        }
        return type.cast(r);
    }

    synchronized void put(Class<?> type, Object resource) {
        resources.put(type, resource);
    }

    /** The reader has moved to this batch. */
    void working(Phase phase, int batch) {
        this.phase = phase;
        this.batch = batch;
    }

    /** Whether the item just read is the last of the reader's batch. */
    void batchEnds(boolean ends) {
        this.batchEnds = ends;
    }

    boolean atBatchEnd() {
        return batchEnds;
    }

    Phase phase() {
        return phase;
    }

    Integer batch() {
        return batch;
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        while (!closers.isEmpty()) {
            try {
                closers.pop().run();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }
}
