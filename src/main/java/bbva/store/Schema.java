package bbva.store;

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
        return productName.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? "postgresql" : "derby";
    }

    /** Flyway's locations for one database. */
    public static String[] locations(String vendor) {
        return new String[] {"classpath:" + COMMON, "classpath:" + vendorFolder(vendor)};
    }

    /** The folder of one database's own migrations. */
    public static String vendorFolder(String vendor) {
        return "db/migration/" + vendor;
    }
}
