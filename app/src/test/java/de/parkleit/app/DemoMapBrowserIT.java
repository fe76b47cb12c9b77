package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.dashboard.browser.HeadlessChrome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The demo as a user sees it: {@code parkleit demo} (embedded broker and store, gateway simulator,
 * a short backfill) opened in headless Chromium shows all 20 Heidelberg garages with live numbers, and a
 * garage's popup the forecast for the next hour.
 */
class DemoMapBrowserIT {

    static Node node;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = NodeFixture.env(null, "parkleit/v1");
        env.put("PARKLEIT_SIM_INTERVAL", "1s");
        env.put("PARKLEIT_SIM_BACKFILL_DAYS", "1");
        node = NodeFixture.start(env, Mode.DEMO);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theDemoMapShowsAllTwentyGaragesWithLiveNumbersAndTheNextHour() {
        try (HeadlessChrome chrome = HeadlessChrome.start(1280, 800)) {
            chrome.driver().get("http://127.0.0.1:" + node.httpPort() + "/");
            chrome.waitUpTo(Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            chrome.waitUpTo(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".facility-row[data-facility-id] .row-badge")).stream()
                    .filter(e -> e.getText().matches("\\d+")).count() == 20);
            List<WebElement> markers = chrome.driver().findElements(By.cssSelector(".pl-marker[data-facility-id]"));
            assertThat(markers).hasSize(20);
            assertThat(markers.stream().map(m -> m.getAttribute("data-facility-id")))
                    .containsExactlyInAnyOrderElementsOf(node.city().facilities().stream().map(f -> f.id()).toList());
            // the popup of a garage shows the next hour's forecast as text: "in 30 min: ~120 frei (90–150)"
            String id = "heidelbergp7kaufhof";
            chrome.driver().findElement(By.cssSelector(".facility-row[data-facility-id='" + id + "'] .row-button")).click();
            // live updates rebuild the popup, so the box is read in one step and again if it was replaced meanwhile
            String box = ".pl-popup[data-facility-id='" + id + "'] .popup-forecast[data-state='ready']";
            List<String> lines = chrome.waitUpTo(Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(box));
                if (found.isEmpty()) {
                    return null;
                }
                List<String> texts = found.get(0).findElements(By.cssSelector(".forecast-line")).stream().map(WebElement::getText).toList();
                String source = found.get(0).getAttribute("data-source");
                return texts.size() == 4 && ("model".equals(source) || "trend".equals(source)) ? texts : null;
            });
            assertThat(lines.get(1)).matches("in 30 min: ~\\d+ (frei|free) \\(\\d+–\\d+\\)");
            assertThat(lines).extracting(l -> l.substring(0, l.indexOf(':'))).containsExactly("in 15 min", "in 30 min", "in 45 min", "in 60 min");
            Path shot = chrome.screenshot("demo-map");
            assertThat(shot).exists();
            assertThat(Files.exists(shot)).isTrue();
        }
    }
}
