package de.parkleit.dashboard.browser;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.sign.SignLine;
import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.DashboardConfig;
import de.parkleit.dashboard.DashboardFixture;
import de.parkleit.platform.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** "Where should I park?" in a real browser: with the guidance endpoint, and degraded without it. */
class GuidanceMapIT {

    private static final String ORIGIN = "49.4030,8.6730"; // south-west of the old town

    private static void publishFree(DashboardFixture fx) {
        for (Facility f : fx.city.facilities()) {
            fx.publishState(new FacilityState(f.id(), f.capacity() / 3, f.capacity(), FacilityStatus.OPEN, Trend.STEADY, Instant.now(), Set.of()));
        }
    }

    private static void openMap(HeadlessChrome chrome, DashboardFixture fx) {
        chrome.driver().get(fx.baseUrl() + "?lang=en&from=" + ORIGIN);
        chrome.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** Taps the map at a point right of and below its centre, away from the markers of the old town. */
    private static void tapMap(HeadlessChrome chrome) {
        WebElement map = chrome.driver().findElement(By.id("map"));
        new Actions(chrome.driver()).moveToElement(map, 120, 170).click().perform();
    }

    @Test
    void destinationTapDrawsTheRouteAndListsAlternatives() {
        City city = DashboardFixture.heidelberg();
        try (DashboardFixture fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()),
                List.of(ContractDoubles.guidance(city)), city);
             HeadlessChrome chrome = HeadlessChrome.start(1280, 860)) {
            publishFree(fx);
            openMap(chrome, fx);
            assertThat(chrome.driver().findElement(By.id("origin-text")).getText()).isEqualTo("point on the map");
            tapMap(chrome);
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".guide-result")).size() == 3);
            assertThat(chrome.driver().findElements(By.cssSelector(".pl-pin-dest"))).hasSize(1);
            assertThat(chrome.driver().findElements(By.cssSelector("path.pl-route-primary"))).hasSize(1);
            assertThat(chrome.driver().findElements(By.cssSelector("path.pl-route-alt"))).hasSize(2);
            assertThat(chrome.driver().findElements(By.cssSelector("path.pl-route-walk"))).hasSize(1);
            List<WebElement> results = chrome.driver().findElements(By.cssSelector(".guide-result"));
            assertThat(results.get(0).getText()).containsIgnoringCase("Best choice").contains("7 min drive").contains("95 %");
            String second = results.get(1).getAttribute("data-facility-id");
            results.get(1).findElement(By.tagName("button")).click();
            chrome.waitUpTo(Duration.ofSeconds(2)).until(d -> second.equals(
                    d.findElement(By.cssSelector(".guide-result.selected")).getAttribute("data-facility-id")));
            assertThat(chrome.driver().findElements(By.cssSelector("path.pl-route-primary"))).hasSize(1);
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).isEmpty();
            chrome.screenshot("guidance");
        }
    }

    @Test
    void searchByFacilityNameAndFallBackToNearestWithoutGuidance() {
        try (DashboardFixture fx = DashboardFixture.start();
             HeadlessChrome chrome = HeadlessChrome.start(1280, 860)) {
            publishFree(fx);
            openMap(chrome, fx);
            Facility target = fx.city.facilities().get(7);
            WebElement input = chrome.driver().findElement(By.id("dest-input"));
            input.sendKeys(target.name());
            input.sendKeys(Keys.ENTER);
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".guide-result.fallback")).size() == 3);
            assertThat(chrome.driver().findElement(By.id("guide-status")).getText()).contains("not available");
            assertThat(chrome.driver().findElement(By.cssSelector(".guide-result.fallback")).getAttribute("data-facility-id"))
                    .as("the facility searched for is the nearest").isEqualTo(target.id());
            chrome.screenshot("guidance-unavailable");
        }
    }

    @Test
    void signsAreDrawnLikeSigns() {
        try (DashboardFixture fx = DashboardFixture.start();
             HeadlessChrome chrome = HeadlessChrome.start(1280, 860)) {
            publishFree(fx);
            String p0 = fx.city.facilities().get(0).id();
            fx.publishRetained(fx.topics.sign("s1"), SignFrameCodec.encode(new SignFrame("s1", "Bismarckplatz", 49.4098, 8.6935, 0,
                    List.of(new SignLine(p0, "P0 frei", LineState.FREE, 12, "12", Arrow.LEFT)), Instant.now(), Instant.now().plusSeconds(600))));
            openMap(chrome, fx);
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".pl-sign[data-sign-id='s1']")).isEmpty());
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-sign[data-sign-id='s1'] .sign-text")).getText()).isEqualTo("P0 frei 12");
            fx.publishRetained(fx.topics.sign("s1"), SignFrameCodec.encode(new SignFrame("s1", "Bismarckplatz", 49.4098, 8.6935, 0,
                    List.of(new SignLine(p0, "P0", LineState.FULL, null, "besetzt", Arrow.RIGHT)), Instant.now(), Instant.now().plusSeconds(600))));
            chrome.waitUpTo(Duration.ofSeconds(2)).until(d -> "P0 besetzt".equals(
                    d.findElement(By.cssSelector(".pl-sign[data-sign-id='s1'] .sign-text")).getText()));
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-sign[data-sign-id='s1'] .sign-arrow")).getText()).isEqualTo("→");
        }
    }

    @Test
    void roadGraphFromTheServerIsTheBaseMapAndItsStreetsAreSearchable() {
        City city = DashboardFixture.heidelberg();
        try (DashboardFixture fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()),
                List.of(ContractDoubles.roads(), ContractDoubles.guidance(city)), city);
             HeadlessChrome chrome = HeadlessChrome.start(1280, 860)) {
            publishFree(fx);
            openMap(chrome, fx);
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".leaflet-roads-pane canvas")).isEmpty());
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#dest-options option[value='Hauptstraße']")).isEmpty());
            WebElement input = chrome.driver().findElement(By.id("dest-input"));
            input.sendKeys("Hauptstraße");
            input.sendKeys(Keys.ENTER);
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".guide-result")).size() == 3);
            assertThat(chrome.driver().findElement(By.cssSelector(".leaflet-control-attribution")).getText()).containsOnlyOnce("OpenStreetMap");
            chrome.screenshot("roads");
        }
    }
}
