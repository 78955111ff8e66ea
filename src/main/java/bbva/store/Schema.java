package bbva.store;

import java.util.Locale;

/**
 * Where the Flyway migrations live: most are plain SQL both databases run; the few whose types differ
 * have one copy per database, in a folder named for the database ("derby", "postgresql").
 */
public final class Schema {
    public static final String COMMON = "db/migration/common";

    private Schema() {
    }

    /** A database's folder name, from its JDBC product name. */
    public static String vendor(String productName) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql" : "derby";
    }

    /** The folder of one database's own migrations. */
    public static String vendorFolder(String vendor) {
        return "db/migration/" + vendor;
    }
}
