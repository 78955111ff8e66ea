package bbva.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The app's web page at /bbva/ in headless Chromium, as a monitor sees it. */
final class WebPage {
    private WebPage() {
    }

    /** Opens the list, then the analysis: batch strip, a frame from the slider, the players sheet; no stop/restart buttons. */
    static void checkCompletedAnalysis(String user, long id, String video, int frames, Path screenshots) throws Exception {
        java.nio.file.Files.createDirectories(screenshots);
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver;
            WebDriverWait wait = login(browser, user);
            By row = By.cssSelector("tr.analysis[data-id='" + id + "']");
            wait.until(d -> !d.findElements(row).isEmpty() && d.findElement(row).getText().contains(video));
            List<WebElement> cells = driver.findElement(row).findElements(By.cssSelector(".cell"));
            assertEquals(2 * ((frames + 29) / 30), cells.size(), "two cells (detection, OCR) per batch");
            cells.forEach(c -> assertTrue(c.getAttribute("class").contains("completed"), c.getAttribute("class")));
            browser.screenshot(screenshots.resolve("web-list.png"));

            driver.findElement(row).click();
            wait.until(d -> d.findElement(By.id("title")).getText().contains("Analysis " + id));
            wait.until(d -> loadedWidth(d, "frameImage") == 640 && loadedWidth(d, "players") == 4 * 180);
            ((JavascriptExecutor) driver).executeScript("const s = document.getElementById('frame');"
                    + "s.value = 30; s.dispatchEvent(new Event('change'));");
            wait.until(d -> d.findElement(By.id("frameImage")).getAttribute("src").endsWith("/frames/30")
                    && loadedWidth(d, "frameImage") == 640);
            assertEquals("30", driver.findElement(By.id("frameNumber")).getText());
            assertTrue(!driver.findElement(By.id("actions")).isDisplayed(), user + " may not stop or restart: no buttons");
            long players = 0;
            for (com.fasterxml.jackson.databind.JsonNode p : TestServer.get(user, TestServer.API + "/analyses/" + id + "/players").json()) {
                players += p.get("shortTrack").asBoolean() ? 0 : 1;
            }
            final long expected = players;
            wait.until(d -> d.findElements(By.cssSelector("#playerTable tr.player")).size() == expected);
            assertTrue(expected > 0, "the clip's players are in the table");
            assertTrue(driver.findElement(By.id("downloadJson")).getAttribute("href").endsWith("/analyses/" + id + "/export"));
            assertTrue(driver.findElement(By.id("downloadCsv")).getAttribute("href").endsWith("/export?format=csv"));
            assertTrue(driver.findElement(By.id("downloadJson")).getAttribute("download").endsWith("-analysis-" + id + ".json"));
            assertTrue(driver.findElement(By.id("status")).getText().contains("not refreshing"), "a finished analysis is not polled");
            browser.screenshot(screenshots.resolve("web-analysis.png"));
            assertNoConsoleErrors(driver);
        }
    }

    /**
     * As a submitter: a file that is not a video is refused with the server's reason; a video is uploaded
     * through the page's form and analysed, and its page shows it completed with a players table.
     */
    static void uploadAndAnalyze(Path video, Path notVideo, Path screenshots) throws Exception {
        java.nio.file.Files.createDirectories(screenshots);
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver;
            WebDriverWait wait = login(browser, TestServer.SUBMITTER);
            wait.until(d -> d.findElement(By.id("upload")).isDisplayed());
            driver.findElement(By.id("file")).sendKeys(notVideo.toAbsolutePath().toString());
            driver.findElement(By.id("send")).click();
            wait.until(d -> d.findElement(By.id("uploadResult")).getText().contains("not a video FFmpeg can open"));
            browser.screenshot(screenshots.resolve("web-upload-refused.png"));
            // the browser logs the refused upload's 400 itself; reading the log empties it for the check at the end
            driver.manage().logs().get(LogType.BROWSER).getAll().forEach(e -> assertTrue(
                    e.getMessage().contains("/api/uploads?name=notes-") && e.getMessage().contains("400"), "only the refusal: " + e));

            driver.findElement(By.id("file")).sendKeys(video.toAbsolutePath().toString());
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("detector"))).selectByValue("nanodet");
            driver.findElement(By.id("send")).click();
            wait.until(d -> d.getCurrentUrl().matches(".*#analysis/[0-9]+$"));
            WebDriverWait analysis = new WebDriverWait(driver, Duration.ofSeconds(240));
            analysis.until(d -> d.findElement(By.id("summary")).getText().startsWith("completed"));
            analysis.until(d -> !d.findElements(By.cssSelector("#playerTable tr.player")).isEmpty());
            assertTrue(driver.findElement(By.id("title")).getText().contains("uploads/"), driver.findElement(By.id("title")).getText());
            browser.screenshot(screenshots.resolve("web-uploaded-analysis.png"));
            assertNoConsoleErrors(driver);
        }
    }

    /** An unknown analysis shows the server's message, not an empty page. */
    static void unknownAnalysis(Path screenshots) throws Exception {
        try (Browser browser = Browser.open()) {
            WebDriverWait wait = login(browser, TestServer.MONITOR);
            browser.driver.get(TestServer.HTTPS + "/bbva/web/#analysis/987654");
            wait.until(d -> d.findElement(By.id("reason")).getText().contains("No analysis 987654"));
            browser.screenshot(screenshots.resolve("web-unknown-analysis.png"));
        }
    }

    /**
     * Logs the browser in as the user (sending what the browser's Basic login dialog would), opens the
     * page and waits for it to show who is logged in.
     */
    static WebDriverWait login(Browser browser, String user) {
        String token = Base64.getEncoder().encodeToString((user + ":" + TestServer.password(user)).getBytes(StandardCharsets.UTF_8));
        ((ChromeDriver) browser.driver).executeCdpCommand("Network.enable", Map.of());
        ((ChromeDriver) browser.driver).executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + token)));
        WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(60));
        browser.driver.get(TestServer.HTTPS + "/bbva/");   // redirects to /bbva/web/
        wait.until(d -> d.findElement(By.id("user")).getText().equals(user));
        return wait;
    }

    /** Batch cells (detection and OCR) of the open analysis's strip that are completed. */
    static int completedCells(WebDriver driver) {
        return driver.findElements(By.cssSelector("#strip .cell.completed")).size();
    }

    static void assertNoConsoleErrors(WebDriver driver) {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()).toList();
        assertTrue(errors.isEmpty(), "JavaScript console errors: " + errors);
    }

    private static long loadedWidth(WebDriver d, String id) {
        Object w = ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById(arguments[0]); return i.complete ? i.naturalWidth : 0;", id);
        return ((Number) w).longValue();
    }
}
