package de.parkleit.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.QualityFlag;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.DashboardFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The driver map in a real browser: every garage shown, numbers pushed live without reload. */
class DriverMapIT {

    static DashboardFixture fx;

    @BeforeAll
    static void up() {
        fx = DashboardFixture.start();
    }

    @AfterAll
    static void down() {
        fx.close();
    }

    /** A plausible afternoon: most garages report, one is stale, one closed. */
    private static void publishAfternoon() {
        List<Facility> fs = fx.city.facilities();
        Instant now = Instant.now();
        double[] shares = {0.45, 0.12, 0.03, 0.0, 0.6, 0.25, 0.08, 0.33, 0.5, 0.15, 0.02, 0.7, 0.4, 0.18, 0.28, 0.05};
        for (int i = 0; i < fs.size(); i++) {
            Facility f = fs.get(i);
            FacilityState s;
            if (i == fs.size() - 1) {
                s = new FacilityState(f.id(), null, f.capacity(), FacilityStatus.UNKNOWN, Trend.UNKNOWN,
                        now.minusSeconds(3 * 3600), Set.of(QualityFlag.STALE));
            } else if (i == fs.size() - 2) {
                s = new FacilityState(f.id(), 0, f.capacity(), FacilityStatus.CLOSED, Trend.UNKNOWN, now.minusSeconds(600), Set.of());
            } else {
                int free = (int) Math.round(f.capacity() * shares[i % shares.length]);
                Trend trend = i % 3 == 0 ? Trend.FILLING : i % 3 == 1 ? Trend.STEADY : Trend.EMPTYING;
                s = new FacilityState(f.id(), free, f.capacity(), FacilityStatus.OPEN, trend, now.minusSeconds(30 + i * 20L), Set.of());
            }
            fx.publishState(s);
        }
    }

    @Test
    void showsEveryGarageAndUpdatesItsNumberLiveWithinTwoSeconds() {
        publishAfternoon();
        try (HeadlessChrome chrome = HeadlessChrome.start(1280, 860)) {
            chrome.driver().get(fx.baseUrl() + "?lang=de");
            chrome.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            List<WebElement> markers = chrome.driver().findElements(By.cssSelector(".pl-marker[data-facility-id]"));
            assertThat(markers).extracting(m -> m.getAttribute("data-facility-id"))
                    .containsExactlyInAnyOrderElementsOf(fx.city.facilities().stream().map(Facility::id).toList());
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> "live".equals(
                    d.findElement(By.id("live-status")).getAttribute("data-state")));

            Facility target = fx.city.facilities().get(4);
            By freeOfTarget = By.cssSelector(".pl-marker[data-facility-id='" + target.id() + "'] .pl-free");
            assertThat(chrome.driver().findElement(freeOfTarget).getAttribute("textContent")).isNotEqualTo("3");
            Object reloadMarker = chrome.js("return window.performance.timeOrigin;");

            fx.publishState(new FacilityState(target.id(), 3, target.capacity(), FacilityStatus.OPEN, Trend.FILLING, Instant.now(), Set.of()));
            long published = System.nanoTime();
            chrome.waitUpTo(Duration.ofSeconds(2)).until(d -> "3".equals(d.findElement(freeOfTarget).getAttribute("textContent")));
            long millis = (System.nanoTime() - published) / 1_000_000;

            assertThat(millis).isLessThan(2000);
            assertThat(chrome.js("return window.performance.timeOrigin;")).as("no reload").isEqualTo(reloadMarker);
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-marker[data-facility-id='" + target.id() + "']"))
                    .getAttribute("data-level")).isEqualTo("low");
            assertThat(chrome.driver().findElement(By.cssSelector(".facility-row[data-facility-id='" + target.id() + "'] .row-badge"))
                    .getText()).isEqualTo("3");
            assertThat(chrome.driver().findElement(By.cssSelector(".leaflet-control-attribution")).getText())
                    .contains("OpenStreetMap");
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).as("CSP violations").isEmpty();
            chrome.screenshot("map");
        }
    }

    @Test
    void isUsableOnAPhone() {
        publishAfternoon();
        try (HeadlessChrome chrome = HeadlessChrome.start(390, 844)) {
            chrome.driver().get(fx.baseUrl() + "?lang=en");
            chrome.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertThat(chrome.driver().findElements(By.cssSelector(".pl-marker[data-facility-id]"))).hasSize(20);
            assertThat(chrome.driver().findElement(By.id("panel-toggle")).getText()).isEqualTo("Show list");
            chrome.screenshot("map-phone");
        }
    }
}
