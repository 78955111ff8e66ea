package bbva.server;

import static bbva.server.TestServer.ADMIN;
import static bbva.server.TestServer.API;
import static bbva.server.TestServer.MONITOR;
import static bbva.server.TestServer.SUBMITTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.TestPaths;
import bbva.video.FrameSource;
import bbva.video.PlayerClip;
import bbva.video.VideoFrame;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The app's REST API on the running server, as a client uses it: submit, poll, results, and every refusal. */
@ExtendWith(ArquillianExtension.class)
class LibertyServerIT {
    /** unique to this run: an upload never replaces a file, and the media directory may keep earlier runs' */
    static final String UPLOAD = "upload-it-" + System.currentTimeMillis() + ".mp4";
    static final int FRAMES = 60;
    static String clip;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/bbva.war"));
    }

    @BeforeAll
    static void clips() throws Exception {
        clip = TestServer.clip("rest-it", FRAMES);
    }

    @AfterAll
    static void numbers() throws Exception {
        TestServer.noteServer();
    }

    static String submission(String video, String extraOptions) {
        return "{\"video\":\"" + video + "\",\"options\":{\"detector\":\"file\",\"detections\":\""
                + video.replace(".mp4", ".csv") + "\",\"ocrThreads\":\"2\"" + extraOptions + "}}";
    }

    @Test
    void submitPollAndReadResults() throws Exception {
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses", submission(clip, ""));
        assertEquals(201, created.status(), created.body());
        long submitted = System.nanoTime();
        long id = created.json().get("id").asLong();
        TestServer.awaitFirstBatch(id);
        TestServer.note("submit to first committed batch (30 frames): %.2f s", (System.nanoTime() - submitted) / 1e9);

        JsonNode done = TestServer.awaitFinal(id, 180);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), done.toString());
        assertEquals("COMPLETED", done.get("exitStatus").asText());
        assertEquals("done", done.get("phase").asText());
        assertEquals(FRAMES, done.get("frames").get("done").asInt());
        assertEquals(FRAMES, done.get("frames").get("total").asInt());
        assertEquals(100, done.get("overallPercent").asInt());
        assertEquals(2, done.get("batches").size());
        for (JsonNode b : done.get("batches")) {
            assertEquals("completed", b.get("detectionStatus").asText());
            assertEquals("completed", b.get("ocrStatus").asText());
        }

        JsonNode players = TestServer.get(MONITOR, API + "/analyses/" + id + "/players").json();
        JsonNode teams = TestServer.get(MONITOR, API + "/analyses/" + id + "/teams").json();
        assertEquals(2, teams.size(), "two kit-colour teams, as the export's: " + teams);
        assertTrue(TestServer.get(MONITOR, API + "/analyses/" + id + "/people").json().isArray());
        players.forEach(p -> assertTrue(p.has("team"), p.toString()));
        Set<String> numbers = new HashSet<>();
        players.forEach(p -> numbers.add(p.get("number").asText()));
        Set<String> truth = new HashSet<>();
        PlayerClip.PLAYERS.forEach(p -> truth.add(p.number()));
        assertEquals(truth, numbers, players.toString());

        long total = done.get("detections").asLong();
        JsonNode first = TestServer.get(MONITOR, API + "/analyses/" + id + "/detections?offset=0&limit=100").json();
        assertEquals(total, first.get("total").asLong());
        assertEquals(Math.min(100, total), first.get("items").size());
        JsonNode last = TestServer.get(MONITOR, API + "/analyses/" + id + "/detections?offset=100&limit=1000").json();
        assertEquals(total - 100, last.get("items").size(), "pages cover every detection once");
        assertEquals(first.get("items").get(0).get("frame").asInt(), 0);
        assertTrue(TestServer.get(MONITOR, API + "/analyses").body().contains("\"id\":" + id));
        pictures(id);
        downloads(id, players.size());
        playback(id);
        WebPage.checkCompletedAnalysis(MONITOR, id, clip, FRAMES, TestServer.itDir());
        assertEquals(401, TestServer.get(null, TestServer.HTTP + "/bbva/web/").status(), "the page needs a login");
    }

    /** The frame viewer's and the players sheet's images, drawn from the stored results. */
    private static void pictures(long id) throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int frame = 0; frame < FRAMES; frame += 3) {
            long t0 = System.nanoTime();
            TestServer.Bytes png = TestServer.getBytes(MONITOR, API + "/analyses/" + id + "/frames/" + frame);
            millis.add((System.nanoTime() - t0) / 1_000_000);
            assertEquals(200, png.status());
            assertEquals("image/png", png.type());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertEquals(640, image.getWidth());
            assertEquals(400, image.getHeight());
        }
        Collections.sort(millis);
        TestServer.note("frame image (640x400 PNG) p50 %d ms, p99 %d ms over %d requests",
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size());

        TestServer.Bytes sheet = TestServer.getBytes(MONITOR, API + "/analyses/" + id + "/players.png");
        assertEquals(200, sheet.status());
        assertEquals(4 * 180, ImageIO.read(new ByteArrayInputStream(sheet.body())).getWidth(), "4 players in a row");

        TestServer.Reply outside = TestServer.get(MONITOR, API + "/analyses/" + id + "/frames/" + FRAMES);
        assertEquals(400, outside.status());
        assertTrue(outside.json().get("error").asText().contains("from 0 to " + (FRAMES - 1)), outside.body());
        assertEquals(401, TestServer.get(null, API + "/analyses/" + id + "/frames/0").status());
    }

    @Test
    void refusalsAreClearJson() throws Exception {
        TestServer.Reply anonymous = TestServer.get(null, API + "/analyses");
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.json().get("error").asText().contains("Log in"), anonymous.body());
        TestServer.Reply wrongPassword = TestServer.send(null, java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(API + "/analyses")).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("submitter:wrong".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(submission(clip, ""))));
        assertEquals(401, wrongPassword.status());
        assertTrue(wrongPassword.json().has("error"), wrongPassword.body());

        TestServer.Reply monitorSubmits = TestServer.post(MONITOR, API + "/analyses", submission(clip, ""));
        assertEquals(403, monitorSubmits.status());
        assertTrue(monitorSubmits.json().get("error").asText().contains("bbva-submitter"), monitorSubmits.body());

        TestServer.Reply outside = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"../../../../etc/passwd\"}");
        assertEquals(400, outside.status());
        assertTrue(outside.json().get("error").asText().contains("inside the server's media directory"), outside.body());

        Path link = TestServer.media().resolve("escape.mp4");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));
        TestServer.Reply symlink = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"escape.mp4\"}");
        assertEquals(400, symlink.status(), "a symlink out of the media directory is refused: " + symlink.body());

        TestServer.Reply unknownOption = TestServer.post(SUBMITTER, API + "/analyses",
                "{\"video\":\"" + clip + "\",\"options\":{\"batchSize\":\"10\"}}");
        assertEquals(400, unknownOption.status());
        assertTrue(unknownOption.json().get("error").asText().contains("Unknown option 'batchSize'"));

        TestServer.Reply badValue = TestServer.post(SUBMITTER, API + "/analyses", submission(clip, ",\"batchSizeFrames\":\"0\""));
        assertEquals(400, badValue.status(), badValue.body());

        for (String body : new String[] {"{\"video\":", "", "[1,2]", "{\"video\":\"" + clip + "\",\"options\":[1]}",
                "{\"video\":\"" + "v".repeat(300) + ".mp4\"}", "{\"video\":\"a\\u0000b.mp4\"}"}) {
            TestServer.Reply bad = TestServer.post(SUBMITTER, API + "/analyses", body);
            assertEquals(400, bad.status(), body + " -> " + bad.body());
            assertTrue(bad.json().has("error"), body + " -> " + bad.body());
        }
        assertEquals(400, TestServer.get(MONITOR, API + "/analyses/1/detections?offset=abc").status());

        TestServer.Reply missing = TestServer.get(MONITOR, API + "/analyses/987654");
        assertEquals(404, missing.status());
        assertTrue(missing.json().get("error").asText().contains("No analysis 987654"));
        assertEquals(404, TestServer.get(MONITOR, API + "/analyses/987654/players").status());
    }

    /** The export as downloads with file names: JSON as the CLI writes it, CSV as a zip of its tables. */
    static void downloads(long id, int players) throws Exception {
        TestServer.Bytes json = TestServer.getBytes(MONITOR, API + "/analyses/" + id + "/export");
        assertEquals(200, json.status());
        assertTrue(json.disposition().contains("attachment; filename=\"rest-it") && json.disposition().endsWith(".json\""),
                json.disposition());
        JsonNode exported = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.body());
        assertEquals(players, exported.get("players").size(), "the download is the export, with its players");
        assertTrue(exported.get("detections").size() > 0 && exported.get("video").has("frameCount"), "and its detections");
        TestServer.Bytes csv = TestServer.getBytes(MONITOR, API + "/analyses/" + id + "/export?format=csv");
        assertEquals(200, csv.status(), new String(csv.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", csv.type());
        assertTrue(csv.disposition().endsWith("-csv.zip\""), csv.disposition());
        Map<String, String> tables = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(csv.body()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                tables.put(e.getName().substring(e.getName().indexOf('/') + 1), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Set.of("video.csv", "batches.csv", "detections.csv", "ocrReadings.csv", "teams.csv", "players.csv",
                "people.csv", "sceneCuts.csv"), tables.keySet());
        assertEquals(players + 1, tables.get("players.csv").split("\n").length, "a header and a line per player");
        TestServer.Reply xml = TestServer.get(MONITOR, API + "/analyses/" + id + "/export?format=xml");
        assertEquals(400, xml.status(), xml.body());
        assertTrue(xml.json().get("error").asText().contains("format must be json or csv"), xml.body());
    }

    /**
     * What the page plays: this clip is MPEG-4 Part 2, which browsers do not play, so the server writes an
     * H.264 copy once (202 with progress until then), then serves it in ranges; boxes by frame range; a
     * track's pictures; the annotated MP4, written on request.
     */
    static void playback(long id) throws Exception {
        String base = API + "/analyses/" + id + "/playback";
        TestServer.Ranged part = awaitRendition(base + "/video", "bytes=0-99");
        assertEquals(206, part.status());
        assertEquals(100, part.body().length);
        assertTrue(part.contentRange().matches("bytes 0-99/\\d+"), part.contentRange());
        assertEquals("ftyp", new String(part.body(), 4, 4, StandardCharsets.US_ASCII), "an MP4");
        long size = Long.parseLong(part.contentRange().substring(part.contentRange().indexOf('/') + 1));
        assertEquals(416, TestServer.getRange(MONITOR, base + "/video", "bytes=" + size + "-").status());
        TestServer.Bytes whole = TestServer.getBytes(MONITOR, base + "/video");
        assertEquals(200, whole.status());
        assertEquals(size, whole.body().length);
        Path copy = TestServer.itDir().resolve("playback-" + id + ".mp4");
        Files.write(copy, whole.body());
        assertEquals(FRAMES, frames(copy), "the browser copy has every frame");

        JsonNode boxes = TestServer.get(MONITOR, base + "/boxes?from=30&to=39").json();
        assertEquals(10, boxes.get("frames").size());
        assertEquals(30, boxes.get("frames").get(0).get("frame").asInt());
        List<String[]> truth = Files.readAllLines(TestServer.media().resolve(clip.replace(".mp4", ".csv"))).stream()
                .map(l -> l.split(",")).filter(f -> f[0].equals("30")).toList();
        assertEquals(truth.size(), boxes.get("frames").get(0).get("boxes").size(), "frame 30's boxes");
        JsonNode box = boxes.get("frames").get(0).get("boxes").get(0);
        assertTrue(box.get("track").isInt() && box.has("team") && box.get("number").isTextual(), box.toString());
        assertEquals(400, TestServer.get(MONITOR, base + "/boxes?from=0&to=" + FRAMES).status());

        TestServer.Bytes pictures = TestServer.getBytes(MONITOR, base + "/tracks/" + box.get("track").asInt() + ".png");
        assertEquals(200, pictures.status());
        BufferedImage strip = ImageIO.read(new ByteArrayInputStream(pictures.body()));
        assertTrue(strip.getWidth() > 2 * strip.getHeight() / 2, "three pictures side by side: " + strip.getWidth());
        assertEquals(400, TestServer.get(MONITOR, base + "/tracks/99999.png").status());

        assertEquals(403, TestServer.post(MONITOR, base + "/annotated", "{}").status(), "drawing a video is a submitter's");
        long t0 = System.nanoTime();
        TestServer.Reply started = TestServer.post(SUBMITTER, base + "/annotated", "{}");
        assertTrue(started.status() == 202 || started.status() == 200, started.body());
        TestServer.Bytes annotated = null;
        for (int i = 0; i < 120 && (annotated == null || annotated.status() == 202); i++) {
            Thread.sleep(annotated == null ? 0 : 500);
            annotated = TestServer.getBytes(MONITOR, base + "/annotated");
        }
        assertEquals(200, annotated.status(), new String(annotated.body(), StandardCharsets.UTF_8));
        TestServer.note("annotated MP4 of %d frames written on request in %.1f s", FRAMES, (System.nanoTime() - t0) / 1e9);
        assertTrue(annotated.disposition().endsWith("-annotated.mp4\""), annotated.disposition());
        Path drawn = TestServer.itDir().resolve("annotated-" + id + ".mp4");
        Files.write(drawn, annotated.body());
        assertEquals(FRAMES, frames(drawn));
        try (FrameSource source = FrameSource.open(drawn, 30)) {
            VideoFrame frame = source.next();
            int x = Math.round(box.get("x1").floatValue());
            int y = Math.round((box.get("y1").floatValue() + box.get("y2").floatValue()) / 2);
            int plain = PlayerClip.draw(30).getRGB(x, y);
            int i = (y * frame.width() + x) * 3;
            int diff = Math.abs((frame.bgr()[i] & 0xff) - (plain & 0xff)) + Math.abs((frame.bgr()[i + 1] & 0xff) - (plain >> 8 & 0xff))
                    + Math.abs((frame.bgr()[i + 2] & 0xff) - (plain >> 16 & 0xff));
            assertTrue(diff > 60, "the box's edge is drawn over frame 30 of the annotated video: " + diff);
        }
    }

    private static int frames(Path video) {
        int n = 0;
        try (FrameSource source = FrameSource.open(video, 0)) {
            while (source.next() != null) {
                n++;
            }
        }
        return n;
    }

    /** The rendition, once the server has written it (it answers 202 with its progress until then). */
    private static TestServer.Ranged awaitRendition(String url, String range) throws Exception {
        TestServer.Ranged r = TestServer.getRange(MONITOR, url, range);
        for (int i = 0; i < 240 && r.status() == 202; i++) {
            Thread.sleep(500);
            r = TestServer.getRange(MONITOR, url, range);
        }
        return r;
    }

    /** Submits a clip with extra options (JSON members), waits for its end and checks how it ended: the analysis's detail. */
    private static JsonNode submitAndAwait(String clip, String extraOptions, String expectedStatus, int seconds) throws Exception {
        TestServer.Reply created = TestServer.post(SUBMITTER, API + "/analyses", submission(clip, extraOptions));
        assertEquals(201, created.status(), created.body());
        JsonNode end = TestServer.awaitFinal(created.json().get("id").asLong(), seconds);
        assertEquals(expectedStatus, end.get("batchStatus").asText(), end.toString());
        return end;
    }

    /** The page's timing goals on an analysis as long as vtest.avi (795 frames): first boxes, seeks, players table. */
    @Test
    void theWebPageKeepsItsTimesOnA795FrameAnalysis() throws Exception {
        long id = submitAndAwait(TestServer.clip("long-it", 795), "", "COMPLETED", 300).get("id").asLong();
        WebPage.timings(MONITOR, id, 795, TestServer.itDir());
    }

    @Test
    void aFailedAnalysisShowsItsReasonOnThePage() throws Exception {
        String failing = TestServer.clip("failing-it", 60);
        JsonNode failed = submitAndAwait(failing, ",\"failAtFrame\":\"40\"", "FAILED", 180);
        long id = failed.get("id").asLong();
        assertTrue(failed.get("exitStatus").asText().contains("forced failure at frame 40"), failed.toString());
        WebPage.failedAnalysis(id, "forced failure at frame 40", TestServer.itDir());
        // no players before identify: the sheet says so in the API's terms, without a server path
        TestServer.Reply sheet = TestServer.get(MONITOR, API + "/analyses/" + id + "/players.png");
        assertEquals(400, sheet.status(), sheet.body());
        assertTrue(sheet.json().get("error").asText().startsWith("No players stored for " + failing + " yet"), sheet.body());
        assertTrue(sheet.json().get("error").asText().contains("?all=true") && !sheet.body().contains(TestServer.media().toString()),
                sheet.body());
    }

    @Test
    void uploadAndAnalyzeFromThePage() throws Exception {
        WebPage.unknownAnalysis(TestServer.itDir());
        Path broadcast = TestPaths.broadcast();   // skips the rest when ../shared/media is absent
        Path notVideo = TestServer.itDir().resolve("notes.mp4");
        Files.writeString(notVideo, "these are my notes, not a video");
        WebPage.uploadAndAnalyze(broadcast, notVideo, TestServer.itDir());
    }

    @Test
    void uploadWithinTheLimitAndRefusedAboveIt() throws Exception {
        byte[] bytes = Files.readAllBytes(TestServer.media().resolve(clip));
        TestServer.Reply ok = TestServer.upload(SUBMITTER, API + "/uploads?name=" + UPLOAD, bytes);
        assertEquals(201, ok.status(), ok.body());
        assertEquals("uploads/" + UPLOAD, ok.json().get("video").asText());
        assertEquals(bytes.length, Files.size(TestServer.media().resolve("uploads/" + UPLOAD)));
        TestServer.Reply again = TestServer.upload(SUBMITTER, API + "/uploads?name=" + UPLOAD, new byte[1000]);
        assertEquals(409, again.status(), "an upload never replaces a file: " + again.body());
        assertTrue(again.json().get("error").asText().contains("exists already"), again.body());
        assertEquals(bytes.length, Files.size(TestServer.media().resolve("uploads/" + UPLOAD)));
        TestServer.Reply analysis = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"uploads/" + UPLOAD + "\","
                + "\"options\":{\"detector\":\"file\",\"detections\":\"" + clip.replace(".mp4", ".csv") + "\"}}");
        assertEquals(201, analysis.status(), analysis.body());
        JsonNode done = TestServer.awaitFinal(analysis.json().get("id").asLong(), 180);
        assertEquals("COMPLETED", done.get("batchStatus").asText(), "the uploaded video is analysed: " + done);

        // the test server's limit is 5,000,000 bytes (src/liberty-test/server/configDropins/overrides/test.xml)
        TestServer.Reply big = TestServer.upload(SUBMITTER, API + "/uploads?name=big.mp4", new byte[6_000_000]);
        assertEquals(413, big.status(), big.body());
        assertTrue(big.json().get("error").asText().contains("limit"));
        assertTrue(Files.notExists(TestServer.media().resolve("uploads/big.mp4")));

        assertEquals(400, TestServer.upload(SUBMITTER, API + "/uploads?name=../x.mp4", bytes).status());
        TestServer.Reply notVideo = TestServer.upload(SUBMITTER, API + "/uploads?name=notes.mp4",
                "these are my notes, not a video".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, notVideo.status(), notVideo.body());
        assertTrue(notVideo.json().get("error").asText().contains("not a video FFmpeg can open"), notVideo.body());
        assertTrue(Files.notExists(TestServer.media().resolve("uploads/notes.mp4")), "a refused upload is not kept");
        TestServer.Reply absent = TestServer.post(SUBMITTER, API + "/analyses", "{\"video\":\"uploads/never-uploaded.mp4\"}");
        assertEquals(400, absent.status(), "refused at submit time, not failed later: " + absent.body());
        assertTrue(absent.json().get("error").asText().contains("There is no video uploads/never-uploaded.mp4"), absent.body());
        assertEquals(403, TestServer.upload(MONITOR, API + "/uploads?name=m.mp4", bytes).status());
    }

    @Test
    void readyHealthOpenApiAndHttps() throws Exception {
        TestServer.Reply ready = TestServer.get(null, TestServer.HTTP + "/health/ready");
        assertEquals(200, ready.status(), ready.body());
        JsonNode check = ready.json().get("checks").get(0);
        assertEquals("UP", check.get("status").asText());
        assertEquals("loaded", check.get("data").get("models").asText());
        assertEquals("answers", check.get("data").get("database").asText());

        TestServer.Reply openapi = TestServer.get(null, TestServer.HTTP + "/openapi");
        assertEquals(200, openapi.status());
        assertTrue(openapi.body().contains("/api/analyses/{id}/detections") && openapi.body().contains("/api/uploads"), openapi.body());

        TestServer.Reply https = TestServer.get(ADMIN, TestServer.HTTPS + "/bbva/api/analyses");
        assertEquals(200, https.status());
    }
}
