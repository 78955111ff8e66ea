package bbva.server;

import bbva.AnalysisSlots;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The server's analysis slots: bbva.max.running.analyses (server.xml; 0 = half the cores, at least
 * one) run at once, the others wait before their first step, at most bbva.max.queued.analyses of them
 * (beyond that the REST API answers 429).
 */
@ApplicationScoped
public class ServerSlots implements AnalysisSlots {
    /** jndiEntry values holding numbers are bound as Numbers */
    @Resource(lookup = "bbva/maxRunningAnalyses")
    Object maxRunning;
    @Resource(lookup = "bbva/maxQueuedAnalyses")
    Object maxQueued;

    private Semaphore slots;
    private int running;
    private int queueLimit;
    private final Set<Long> holders = new HashSet<>();
    private final Set<Long> stopRequested = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();

    @PostConstruct
    void init() {
        int configured = Integer.parseInt(String.valueOf(maxRunning).strip());
        running = configured > 0 ? configured : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        queueLimit = Integer.parseInt(String.valueOf(maxQueued).strip());
        slots = new Semaphore(running, true);
    }

    @Override
    public boolean acquire(long execution, BooleanSupplier stop) throws InterruptedException {
        synchronized (holders) {
            if (holders.contains(execution)) {
                return true;
            }
        }
        waiting.incrementAndGet();
        try {
            while (!slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean() || stopRequested.remove(execution)) {
                    return false;
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
        stopRequested.remove(execution);
        synchronized (holders) {
            holders.add(execution);
        }
        return true;
    }

    /**
     * Ends the wait of an execution that waits for a slot. Liberty's JobOperator.stop cannot mark the
     * job STOPPING while it waits (the wait is in beforeJob, which Liberty runs holding the job's stop
     * lock), so the stop answered only once a slot came free: this lets the wait end first.
     */
    void stopWaiting(long execution) {
        synchronized (holders) {
            if (!holders.contains(execution)) {
                stopRequested.add(execution);
            }
        }
    }

    @Override
    public void release(long execution) {
        synchronized (holders) {
            if (holders.remove(execution)) {
                slots.release();
            }
        }
    }

    @Override
    public boolean oneAtATime() {
        return running == 1;
    }

    int maxRunning() {
        return running;
    }

    /** True when so many analyses wait for a slot that a new one should be refused (429). */
    boolean queueFull() {
        return waiting.get() >= queueLimit;
    }
}
