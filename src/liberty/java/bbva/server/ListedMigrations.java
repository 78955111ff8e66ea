package bbva.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * Flyway's classpath scanner cannot list resources through Liberty's application class loader,
 * so on the server the migration scripts are named here (keep in step with db/migration).
 */
final class ListedMigrations implements ResourceProvider {
    static final List<String> SCRIPTS = List.of("V1__videos_batches_detections.sql", "V2__tracks_ocr_players.sql",
            "V3__video_owner.sql", "V4__execution_plan.sql", "V5__appearance.sql",
            "V6__teams.sql");
    private static final Location LOCATION = new Location("classpath:db/migration");

    private final ClassLoader loader;

    ListedMigrations(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public LoadableResource getResource(String name) {
        return SCRIPTS.contains(name) ? resource(name) : null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        List<LoadableResource> out = new ArrayList<>();
        for (String script : SCRIPTS) {
            for (String suffix : suffixes) {
                if (script.startsWith(prefix) && script.endsWith(suffix)) {
                    out.add(resource(script));
                }
            }
        }
        return out;
    }

    private LoadableResource resource(String script) {
        return new ClassPathResource(LOCATION, "db/migration/" + script, loader, StandardCharsets.UTF_8);
    }
}
