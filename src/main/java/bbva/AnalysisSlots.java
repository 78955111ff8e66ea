package bbva;

import java.util.function.BooleanSupplier;

/**
 * How many analyses may run their work at once in a runtime. A job takes a slot before its first
 * step and gives it back when it ends; while none is free it waits (queued, still stoppable), so a
 * burst of submissions cannot take a server's threads and cores from the requests it serves.
 */
public interface AnalysisSlots {
    /** The CLI: one process runs one job at a time. */
    AnalysisSlots UNLIMITED = new AnalysisSlots() {
        @Override
        public boolean acquire(long execution, BooleanSupplier stop) {
            return true;
        }

        @Override
        public void release(long execution) {
        }

        @Override
        public boolean oneAtATime() {
            return true;
        }
    };

    /** Whether this runtime runs one analysis at a time (its work then has the cores to itself). */
    boolean oneAtATime();

    /** Waits for a slot for this execution; false when {@code stop} said so first. A second call for the same execution is a no-op. */
    boolean acquire(long execution, BooleanSupplier stop) throws InterruptedException;

    /** Gives this execution's slot back, if it holds one. */
    void release(long execution);
}
