package bbva.server;

import bbva.Poll;
import bbva.TestPaths;
import bbva.video.PlayerClip;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The test server bbva-test as a client sees it: ports and users of src/liberty-test/server, its
 * media directory (target/liberty-it/media) and HTTP calls with JSON answers.
 */
public final class TestServer {
    public static final String HTTP = "http://localhost:19080";
    public static final String HTTPS = "https://localhost:19443";
    public static final String API = HTTP + "/bbva/api";
    public static final String ADMIN = "admin";
    public static final String SUBMITTER = "submitter";
    public static final String MONITOR = "monitor";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestServer() {
    }

    public static String password(String user) {
        return user + "-test-pw";
    }

    public static Path itDir() {
        return TestPaths.project().resolve("target/liberty-it");
    }

    public static Path media() throws IOException {
        return Files.createDirectories(itDir().resolve("media"));
    }

    public static Path wlp() {
        return TestPaths.project().resolve("target/liberty/wlp");
    }

    private static final long RUN = System.currentTimeMillis();

    /**
     * A rendered clip of four numbered players and its ground-truth boxes (same name, .csv) in the
     * media directory; its file name, unique to this test run, so no earlier results are in its rows.
     */
    public static String clip(String name, int frames) throws IOException {
        String file = name + "-" + RUN + ".mp4";
        PlayerClip.render(media().resolve(file), frames);
        PlayerClip.boxes(media().resolve(file.replace(".mp4", ".csv")), frames);
        return file;
    }

    public record Reply(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    public record Bytes(int status, String type, byte[] body, String disposition) {
    }

    public static Bytes getBytes(String user, String url) throws IOException, InterruptedException {
        HttpRequest request = authorized(user, HttpRequest.newBuilder(URI.create(url)).GET()).build();
        HttpResponse<byte[]> r = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers().firstValue("Content-Disposition").orElse(""));
    }

    /** A GET with a Range header: status, body and Content-Range. */
    public record Ranged(int status, byte[] body, String contentRange) {
    }

    public static Ranged getRange(String user, String url, String range) throws IOException, InterruptedException {
        HttpRequest request = authorized(user, HttpRequest.newBuilder(URI.create(url)).header("Range", range).GET()).build();
        HttpResponse<byte[]> r = client().send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Ranged(r.statusCode(), r.body(), r.headers().firstValue("Content-Range").orElse(""));
    }

    public static Reply get(String user, String url) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public static Reply post(String user, String url, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply put(String user, String url, String json) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply upload(String user, String url, byte[] bytes) throws IOException, InterruptedException {
        return send(user, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    static Reply send(String user, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = client().send(authorized(user, request).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    private static HttpRequest.Builder authorized(String user, HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(60));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password(user)).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return request;
    }

    /** Trusts the test server's self-signed certificate (generated at its first start). */
    private static HttpClient client() {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends a measured number to target/liberty-it/numbers.txt (and prints it) for the closing note. */
    public static void note(String format, Object... args) throws IOException {
        String line = String.format(java.util.Locale.ROOT, format, args);
        System.out.println("NUMBER " + line);
        Files.writeString(itDir().resolve("numbers.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Notes the server's start time (its last start, from messages.log) and its peak resident memory so far. */
    public static void noteServer() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("server started in ([0-9.]+) seconds")
                .matcher(Files.readString(wlp().resolve("usr/servers/bbva-test/logs/messages.log")));
        String started = null;
        while (m.find()) {
            started = m.group(1);
        }
        String hwm = "?";
        java.util.Optional<ProcessHandle> server = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("ws-server.jar") && c.contains("bbva-test")).orElse(false)).findFirst();
        if (server.isPresent()) {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(server.get().pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).strip();
                }
            }
        }
        note("server start %s s; server peak RSS so far %s", started, hwm);
    }

    /** Polls GET /api/analyses/{id} until a batch's detection is committed (at most 120 s). */
    public static void awaitFirstBatch(long id) throws Exception {
        Poll.until("a committed batch of analysis " + id, 120, 20, () -> get(MONITOR, API + "/analyses/" + id).body(),
                body -> body.contains("\"detectionStatus\":\"completed\""));
    }

    /** Polls GET {api}/analyses/{id} (of any server) until {@code when} holds; returns that answer. */
    public static JsonNode awaitAnalysis(String api, long id, Predicate<JsonNode> when, int seconds) throws Exception {
        return Poll.until("the awaited state of analysis " + id, seconds, 50, () -> get(MONITOR, api + "/analyses/" + id),
                r -> r.status() == 200 && when.test(r.json())).json();
    }

    /** Polls GET /api/analyses/{id} until the batch status is final; returns the last answer. */
    public static JsonNode awaitFinal(long id, int seconds) throws Exception {
        return Poll.until("the end of analysis " + id, seconds, 500, () -> get(MONITOR, API + "/analyses/" + id).json(),
                a -> a.get("batchStatus").asText().matches("COMPLETED|FAILED|STOPPED|ABANDONED"));
    }
}
