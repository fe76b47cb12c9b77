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
import org.openqa.selenium.WebElement;

/**
 * The demo as a user sees it: {@code parkleit demo} (embedded broker and store, gateway simulator,
 * a short backfill) opened in headless Chromium shows all 20 Heidelberg garages with live numbers.
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
    void theDemoMapShowsAllTwentyGaragesWithLiveNumbers() {
        try (HeadlessChrome chrome = HeadlessChrome.start(1280, 800)) {
            chrome.driver().get("http://127.0.0.1:" + node.httpPort() + "/");
            chrome.waitUpTo(Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            chrome.waitUpTo(Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".facility-row[data-facility-id] .row-badge")).stream()
                    .filter(e -> e.getText().matches("\\d+")).count() == 20);
            List<WebElement> markers = chrome.driver().findElements(By.cssSelector(".pl-marker[data-facility-id]"));
            assertThat(markers).hasSize(20);
            assertThat(markers.stream().map(m -> m.getAttribute("data-facility-id")))
                    .containsExactlyInAnyOrderElementsOf(node.city().facilities().stream().map(f -> f.id()).toList());
            Path shot = chrome.screenshot("demo-map");
            assertThat(shot).exists();
            assertThat(Files.exists(shot)).isTrue();
        }
    }
}
