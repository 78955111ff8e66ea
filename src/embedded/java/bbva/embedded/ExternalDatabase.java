package bbva.embedded;

import bbva.AnalysisException;
import java.util.Optional;

/**
 * A PostgreSQL database that holds the analyses (and JBeret's job repository) instead of the data
 * directory's own Derby: given with --db or $BBVA_DB_URL; credentials only from the environment.
 */
public record ExternalDatabase(String url, String user, String password) {
    public static final String URL_ENV = "BBVA_DB_URL";
    public static final String USER_ENV = "BBVA_DB_USER";
    public static final String PASSWORD_ENV = "BBVA_DB_PASSWORD";

    /** --db, else $BBVA_DB_URL, else none (Derby in the data directory). */
    public static Optional<ExternalDatabase> resolve(String option) {
        String url = option != null ? option : System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new AnalysisException("The database URL '" + url + "' is not a PostgreSQL JDBC URL. Give one like "
                    + "jdbc:postgresql://localhost:5432/bbva (user and password in " + USER_ENV + " and " + PASSWORD_ENV
                    + "), or leave --db and " + URL_ENV + " out to use the data directory's own Derby database.");
        }
        if (url.contains("password=")) {
            throw new AnalysisException("Keep the password out of the database URL (it would show in process lists "
                    + "and logs): set " + PASSWORD_ENV + " instead.");
        }
        return Optional.of(new ExternalDatabase(url, env(USER_ENV), env(PASSWORD_ENV)));
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }

    @Override
    public String toString() {
        return url + (user.isEmpty() ? "" : " as " + user);
    }
}
