package bbva.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM (a service manager, {@code kill}) while a job runs: the first asks for
 * a graceful stop at the next checkpoint, a second one ends the process at once, which is as safe as
 * kill -9 (a resume continues from the last checkpoint). A shutdown hook cannot do this: the JVM
 * ignores further signals once it is shutting down.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] NAMES = {"INT", "TERM"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile Signal received;

    /** @param onFirst runs on its own thread after the first signal */
    StopSignals(Runnable onFirst, Runnable onSecond) {
        for (String name : NAMES) {
            Signal s = new Signal(name);
            signals.add(s);
            previous.add(Signal.handle(s, sig -> {
                if (received == null) {
                    received = sig;
                    new Thread(onFirst, "bbva-stop").start();
                } else {
                    onSecond.run();
                    Runtime.getRuntime().halt(128 + sig.getNumber());
                }
            }));
        }
    }

    /** 128 + the signal's number (130 for SIGINT, 143 for SIGTERM) once one came, as shells report it. */
    java.util.OptionalInt exitCode() {
        Signal s = received;
        return s == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(128 + s.getNumber());
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
