package bbva.server;

import bbva.batch.OcrEngines;
import bbva.detect.DetectorFactory;
import bbva.detect.NanoDetModel;
import bbva.detect.RfDetrModel;
import bbva.ocr.JerseyReader;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * /health/ready: up only when the database answers and the models load (the jersey OCR model, and
 * models/rfdetr.onnx when the models directory has one, else the built-in NanoDet that jobs then use).
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
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(5) || !resources.migrated()) {
                return r.down().withData("database", "no answer").build();
            }
            r.withData("database", "answers");
        } catch (Exception e) {
            return r.down().withData("database", String.valueOf(e.getMessage())).build();
        }
        try {
            loadModels();
        } catch (Exception | UnsatisfiedLinkError e) {
            return r.down().withData("models", String.valueOf(e.getMessage())).build();
        }
        return r.up().withData("models", "loaded").build();
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
