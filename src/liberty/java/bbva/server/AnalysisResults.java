package bbva.server;

import bbva.AnalysisException;
import bbva.export.DetectionRow;
import bbva.export.Exporter;
import bbva.export.PersonRow;
import bbva.export.PlayerRow;
import bbva.export.TeamRow;
import bbva.identify.People;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;

/** The stored results of an analysis as the REST API serves them: rows as the export has them, downloads, pictures. */
@ApplicationScoped
public class AnalysisResults {
    static final int MAX_PAGE = 1000;
    private static final ObjectWriter ROWS = new ObjectMapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Inject
    AnalysisVideos videos;

    /** One page of detections. */
    public record Page(long total, int offset, int limit, List<DetectionRow> items) {
    }

    StreamingOutput players(long id) {
        return asExported(players.players(videos.of(id).id).stream().map(PlayerRow::of).toList());
    }

    StreamingOutput people(long id) {
        return asExported(People.of(players.players(videos.of(id).id)).stream().map(PersonRow::of).toList());
    }

    StreamingOutput teams(long id) {
        return asExported(players.teams(videos.of(id).id).stream().map(TeamRow::of).toList());
    }

    /**
     * Rows written as the export writes them (Jackson), so that a missing value is there as null (a
     * player of no team, a box without a track) rather than left out as JSON-B does.
     */
    private static StreamingOutput asExported(Object rows) {
        return out -> ROWS.writeValue(out, rows);
    }

    StreamingOutput detections(long id, String offsetText, String limitText) {
        int offset;
        int limit;
        try {
            offset = Integer.parseInt(offsetText.strip());
            limit = Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            offset = -1;
            limit = -1;
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new AnalysisException("offset must be >= 0 and limit between 1 and " + MAX_PAGE + ".");
        }
        VideoEntity v = videos.of(id);
        return asExported(new Page(store.detectionCount(v.id), offset, limit,
                store.detectionsPage(v.id, offset, limit).stream().map(DetectionRow::of).toList()));
    }

    Response export(long id, String format) {
        VideoEntity v = videos.of(id);
        String name = v.name.replaceAll("[^A-Za-z0-9._-]", "_") + "-analysis-" + id;
        Exporter exporter = new Exporter(store, players);
        return switch (format) {
            case "json" -> download((StreamingOutput) out -> exporter.writeJson(v, out), MediaType.APPLICATION_JSON, name + ".json");
            case "csv" -> download((StreamingOutput) out -> CsvZip.write(exporter, v, name, out), "application/zip", name + "-csv.zip");
            default -> throw new AnalysisException("format must be json or csv, got '" + format + "'.");
        };
    }

    private static Response download(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    StreamingOutput frame(long id, String frame) {
        return Pictures.frame(store, players, videos.of(id), frame);
    }

    StreamingOutput playerSheet(long id, String all) {
        if (!all.equals("true") && !all.equals("false")) {
            throw new AnalysisException("all must be true or false.");
        }
        return Pictures.players(store, players, videos.of(id), Boolean.parseBoolean(all));
    }
}
