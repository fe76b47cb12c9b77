package de.parkleit.dashboard.browser;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignFrameCodec;
import de.parkleit.core.sign.SignLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.dashboard.DashboardConfig;
import de.parkleit.dashboard.DashboardFixture;
import de.parkleit.platform.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/** Names and sign texts are data: a facility named like markup shows as text and runs nothing. */
class MarkupInjectionIT {

    static final String EVIL = "<img src=x onerror=alert(1)>";

    @Test
    void aFacilityNamedLikeMarkupRendersAsTextAndRunsNothing() {
        City base = DashboardFixture.heidelberg();
        List<Facility> fs = new ArrayList<>(base.facilities());
        fs.add(new Facility("evil", EVIL, FacilityType.GARAGE, 49.4105, 8.6945, 50, "<script>alert(2)</script>"));
        City city = new City(base.name(), fs, null, null);
        try (DashboardFixture fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()), List.of(), city);
             HeadlessChrome chrome = HeadlessChrome.start(1280, 860)) {
            fx.publishState(new FacilityState("evil", 7, 50, FacilityStatus.OPEN, Trend.STEADY, Instant.now(), Set.of()));
            fx.publishRetained(fx.topics.sign("evil-sign"), SignFrameCodec.encode(new SignFrame("evil-sign", "<b onmouseover=alert(3)>x</b>",
                    49.41, 8.69, 0, List.of(new SignLine("evil", "<svg onload=alert(4)>", LineState.FREE, 7, "7", Arrow.LEFT)),
                    Instant.now(), Instant.now().plusSeconds(600))));
            chrome.driver().get(fx.baseUrl() + "?lang=en");
            chrome.waitUpTo(Duration.ofSeconds(15)).until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector(".pl-sign")).isEmpty());

            assertThat(chrome.driver().findElement(By.cssSelector(".facility-row[data-facility-id=evil] .row-name")).getAttribute("textContent")).isEqualTo(EVIL);
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-marker[data-facility-id=evil]")).getAttribute("title")).startsWith(EVIL);
            chrome.driver().findElement(By.cssSelector(".facility-row[data-facility-id=evil] button")).click();
            // the popup fades in: wait until it is visible, then read its visible text
            chrome.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector(".pl-popup[data-facility-id=evil] .popup-title"))
                    .stream().anyMatch(e -> EVIL.equals(e.getText())));
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-popup .popup-title")).getText()).isEqualTo(EVIL);
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-popup")).getText()).contains("<script>alert(2)</script>");
            assertThat(chrome.driver().findElement(By.cssSelector(".pl-sign .sign-text")).getText()).isEqualTo("<svg onload=alert(4)> 7");

            assertThat(chrome.driver().findElements(By.cssSelector("#facility-list img, .leaflet-marker-pane img, .pl-popup img, .pl-sign svg, .pl-sign b")))
                    .as("no element was created from data").isEmpty();
            assertThatThrownBy(() -> chrome.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).isEmpty();
            chrome.screenshot("markup-as-text");
        }
    }
}
