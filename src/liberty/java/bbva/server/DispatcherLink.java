package bbva.server;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The link of a distributed-mode server to the dispatcher's messaging engine, which carries every job
 * and partition: a server that cannot reach it is not ready, and says so. Loaded only on servers
 * whose configuration has the batch connection factory (liberty/cluster), so plain servers never
 * need the JMS classes.
 */
final class DispatcherLink {
    static final String CONNECTION_FACTORY = "jms/batch/connectionFactory";
    private static final String ADDRESS_HINT = "the dispatcher's messaging port (bootstrap property bbva.jms.address "
            + "on an executor, bbva.jms.port on the dispatcher)";

    /** The link's state: up, or what is wrong and what to do. */
    record State(boolean up, String detail) {
    }

    private DispatcherLink() {
    }

    /** Empty when this server is not in a cluster. */
    static Optional<State> check() {
        Object factory;
        try {
            factory = new InitialContext().lookup(CONNECTION_FACTORY);
        } catch (NamingException e) {
            return Optional.empty();
        }
        return Optional.of(check((ConnectionFactory) factory));
    }

    private static State check(ConnectionFactory factory) {
        String password = System.getenv("BBVA_CLUSTER_PASSWORD");
        if (password == null || password.isEmpty()) {
            return new State(false, "BBVA_CLUSTER_PASSWORD is not set in this server's server.env: set it to the "
                    + "cluster's password (the same on every server of the cluster)");
        }
        try (JMSContext context = factory.createContext("cluster", password)) {
            context.createProducer();
            return new State(true, "reachable");
        } catch (RuntimeException e) {
            return new State(false, "cannot reach the dispatcher's messaging engine (" + firstLine(e) + "): start the "
                    + "dispatcher, open " + ADDRESS_HINT + " and check that BBVA_CLUSTER_PASSWORD is the dispatcher's");
        }
    }

    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = String.valueOf(t.getMessage());
        return m.lines().findFirst().orElse(m);
    }
}
