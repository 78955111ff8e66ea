package bbva.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The migration scripts, named here because Flyway's classpath scanner cannot list resources through
 * Liberty's application class loader; both runtimes migrate from this list (ListedMigrationsTest keeps it in step).
 */
public final class ListedMigrations implements ResourceProvider {
    /** In {@link Schema#COMMON}. */
    static final List<String> COMMON = List.of("V2__tracks_ocr_players.sql", "V3__video_owner.sql",
            "V4__execution_plan.sql", "V5__appearance.sql", "V6__teams.sql", "V7__batch_workers.sql", "V9__court_and_cuts.sql",
            "V10__ocr_partitions.sql", "V11__weak_detections.sql", "V12__ocr_crops.sql",
            "V13__batch_detections.sql");
    /** One copy per database, in {@link Schema#vendorFolder}. */
    static final List<String> PER_DATABASE = List.of("V1__videos_batches_detections.sql", "V8__tracker_states.sql");

    private final ClassLoader loader;
    private final String vendorFolder;

    /** Migrates the database of {@code config}'s data source, whose folder is {@code vendor} ("derby", "postgresql"). */
    public static void migrate(FluentConfiguration config, String vendor) {
        // no classpath scanning at all (it cannot list Liberty's class loader and logs errors trying)
        config.resourceProvider(new ListedMigrations(ListedMigrations.class.getClassLoader(), vendor))
                .javaMigrationClassProvider(List::of).load().migrate();
    }

    ListedMigrations(ClassLoader loader, String vendor) {
        this.loader = loader;
        this.vendorFolder = Schema.vendorFolder(vendor);
    }

    @Override
    public LoadableResource getResource(String name) {
        return all().stream().filter(r -> r.getFilename().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> out = new ArrayList<>();
        for (LoadableResource script : all()) {
            for (String suffix : suffixes) {
                if (script.getFilename().startsWith(prefix) && script.getFilename().endsWith(suffix)) {
                    out.add(script);
                }
            }
        }
        return out;
    }

    private List<LoadableResource> all() {
        List<LoadableResource> out = new ArrayList<>();
        PER_DATABASE.forEach(s -> out.add(resource(vendorFolder, s)));
        COMMON.forEach(s -> out.add(resource(Schema.COMMON, s)));
        return out;
    }

    private LoadableResource resource(String folder, String script) {
        return new ClassPathResource(new Location("classpath:" + folder), folder + "/" + script, loader,
                StandardCharsets.UTF_8);
    }
}
