package bbva.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** This process as processing_batches names it: the Liberty server ("bbva-executor-1@host") or "cli@host". */
public final class Worker {
    private static final String SERVER = System.getProperty("wlp.server.name");
    private static final String NAME = (SERVER != null ? SERVER : "cli") + "@" + host();

    private Worker() {
    }

    public static String name() {
        return NAME;
    }

    /** This Liberty server's name, or empty outside Liberty. */
    public static Optional<String> server() {
        return SERVER == null ? Optional.empty() : Optional.of(NAME);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
