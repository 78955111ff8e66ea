package bbva.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Admin Center in headless Chromium (Debian's chromium + chromium-driver; .ci/run installs them). */
final class AdminCenter {
    private AdminCenter() {
    }

    /** Logs in, opens the Java Batch tool, saves a screenshot; returns the tool's visible text. */
    static String javaBatchPage(String user, String password, Path screenshot) throws Exception {
        try (Browser browser = Browser.open()) {
            WebDriver driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            driver.get(TestServer.HTTPS + "/adminCenter/");
            wait.until(d -> !d.findElements(By.id("j_username")).isEmpty());
            driver.findElement(By.id("j_username")).sendKeys(user);
            driver.findElement(By.id("j_password")).sendKeys(password);
            driver.findElement(By.id("loginForm")).submit();
            wait.until(d -> d.findElements(By.id("j_username")).isEmpty());
            driver.get(TestServer.HTTPS + "/adminCenter/#javaBatch");
            String[] text = new String[1];
            try {
                wait.until(d -> (text[0] = visibleText(d)).contains("video-analysis"));
            } catch (org.openqa.selenium.TimeoutException e) {
                text[0] = visibleText(driver) + "\n--- page source ---\n" + driver.getPageSource();
            }
            browser.screenshot(screenshot);
            return text[0];
        }
    }

    /** The page's text, including that of its frames (Admin Center's tools run in an iframe). */
    private static String visibleText(WebDriver d) {
        d.switchTo().defaultContent();
        StringBuilder sb = new StringBuilder(d.findElement(By.tagName("body")).getText());
        List<WebElement> frames = d.findElements(By.tagName("iframe"));
        for (int i = 0; i < frames.size(); i++) {
            try {
                d.switchTo().defaultContent();
                d.switchTo().frame(i);
                sb.append('\n').append(d.findElement(By.tagName("body")).getText());
            } catch (RuntimeException ignored) {
                // a frame still loading
            }
        }
        d.switchTo().defaultContent();
        return sb.toString();
    }
}
