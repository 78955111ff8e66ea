package bbva.server;

import bbva.batch.ocr.OcrEngines;
import bbva.detect.DetectorFactory;
import bbva.detect.NanoDetModel;
import bbva.detect.RfDetrModel;
import bbva.ocr.JerseyReader;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready: up only when the database answers, a server of a cluster reaches the dispatcher's
 * messaging engine, and the models load (the jersey OCR model, and models/rfdetr.onnx when the models
 * directory has one, else the built-in NanoDet that jobs then use).
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {
    @Resource(lookup = "jdbc/bbva")
    DataSource dataSource;
    @Inject
    ServerPaths paths;
    @Inject
    OcrEngines engines;
    @Inject
    ServerResources resources;

    private volatile boolean modelsLoaded;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("bbva");
        try {
            answer();
        } catch (Exception e) {
            return r.down().withData("database", String.valueOf(e.getMessage())).build();
        }
        if (!resources.migrated()) {
            return r.down().withData("database", "not migrated").build();
        }
        r.withData("database", "answers");
        var link = DispatcherLink.check();
        if (link.isPresent()) {
            if (!link.get().up()) {
                return r.down().withData("dispatcher", link.get().detail()).build();
            }
            r.withData("dispatcher", link.get().detail());
        }
        try {
            loadModels();
        } catch (Exception | UnsatisfiedLinkError e) {
            return r.down().withData("models", String.valueOf(e.getMessage())).build();
        }
        return r.up().withData("models", "loaded").build();
    }

    /** A query, not Connection.isValid: a failed query makes Liberty purge the pool's stale connections, isValid does not
     *  (PostgreSQL's data sources also validate a pooled connection before reuse). */
    private void answer() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            s.execute("VALUES (1)");   // Derby and PostgreSQL alike
        }
    }

    private void loadModels() throws Exception {
        if (modelsLoaded) {
            return;
        }
        JerseyReader ocr = engines.borrow(1);
        engines.release(ocr);
        var detector = DetectorFactory.standardModel(paths.models());
        if (detector.isPresent()) {
            new RfDetrModel(detector.get(), 1).close();
        } else {
            new NanoDetModel(1).close();
        }
        modelsLoaded = true;
    }
}
