package de.parkleit.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.dashboard.DashboardConfig;
import de.parkleit.dashboard.DashboardFixture;
import de.parkleit.dashboard.ShapedStore;
import de.parkleit.dashboard.auth.AuthSettings;
import de.parkleit.dashboard.auth.PasswordHash;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.testing.TestBroker;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The planner dashboard in a real browser: login required, then a history chart with data points; the
 * traffic panel and the guidance statistics with data from a store double.
 */
class PlannerIT {

    @Test
    void requiresLoginThenShowsHistoryProfileAndOperations() {
        City city = DashboardFixture.heidelberg();
        AuthSettings auth = new AuthSettings(List.of(new PlannerUser("alice", Set.of(PlannerUser.PLANNER, PlannerUser.OPERATOR),
                PasswordHash.hash("alice-pw-1".toCharArray(), 1_000))), "browser-test-secret-0123456789-0123456789", false,
                Duration.ofHours(1), false);
        try (DashboardFixture fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()).withAuth(auth),
                List.of(ContractDoubles.history(city)), city);
             HeadlessChrome chrome = HeadlessChrome.start(1280, 900)) {
            WebDriver d = chrome.driver();
            d.get(fx.baseUrl() + "planner.html?lang=de");
            chrome.waitUpTo(Duration.ofSeconds(15)).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
            assertThat(d.findElement(By.id("login")).isDisplayed()).isTrue();
            assertThat(d.findElement(By.id("workspace")).isDisplayed()).isFalse();

            d.findElement(By.id("login-user")).sendKeys("alice");
            d.findElement(By.id("login-password")).sendKeys("wrong");
            d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(5)).until(x -> !x.findElement(By.id("login-error")).getText().isEmpty());
            assertThat(d.findElement(By.id("workspace")).isDisplayed()).isFalse();

            d.findElement(By.id("login-password")).sendKeys("alice-pw-1");
            d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(5)).until(x -> x.findElement(By.id("workspace")).isDisplayed());
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> points(x) > 0);
            assertThat(points(d)).isEqualTo(288);
            assertThat(d.findElements(By.cssSelector("#h-chart canvas"))).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("#h-stats .stat"))).hasSize(3);
            chrome.screenshot("planner-history");

            new Select(d.findElement(By.id("h-range"))).selectByValue("7");
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> points(x) == 7 * 24);

            d.findElement(By.cssSelector(".tab[data-tab=profile]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> "168".equals(x.findElement(By.id("p-heatmap")).getAttribute("data-cells")));
            chrome.screenshot("planner-profile");

            d.findElement(By.cssSelector(".tab[data-tab=ops]")).click();
            d.findElement(By.id("o-reason")).sendKeys("Weihnachtsmarkt");
            d.findElement(By.cssSelector("#ops-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> x.findElement(By.id("o-list")).getText().contains("Weihnachtsmarkt"));
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).isEmpty();
            chrome.screenshot("planner-ops");

            d.findElement(By.id("logout")).click();
            chrome.waitUpTo(Duration.ofSeconds(5)).until(x -> x.findElement(By.id("login")).isDisplayed());
        }
    }

    @Test
    void trafficPanelChartsADetectorAndGuidancePanelShowsRecommendationsPerHourAndFacility() {
        City city = DashboardFixture.heidelberg();
        AuthSettings auth = new AuthSettings(List.of(new PlannerUser("alice", Set.of(PlannerUser.PLANNER),
                PasswordHash.hash("alice-pw-1".toCharArray(), 1_000))), "browser-test-secret-0123456789-0123456789", false,
                Duration.ofHours(1), false);
        try (DashboardFixture fx = DashboardFixture.start(DashboardConfig.forTests(TestBroker.uniqueRoot()).withAuth(auth),
                List.of(ContractDoubles.history(city)), city, new ShapedStore());
             HeadlessChrome chrome = HeadlessChrome.start(1280, 900)) {
            WebDriver d = chrome.driver();
            d.get(fx.baseUrl() + "planner.html?lang=en");
            chrome.waitUpTo(Duration.ofSeconds(15)).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
            d.findElement(By.id("login-user")).sendKeys("alice");
            d.findElement(By.id("login-password")).sendKeys("alice-pw-1");
            d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(5)).until(x -> x.findElement(By.id("workspace")).isDisplayed());

            d.findElement(By.cssSelector(".tab[data-tab=traffic]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> count(x, "t-chart") > 0);
            // the window runs from the 5-minute boundary before "24 h ago" to the one after now
            assertThat(count(d, "t-chart")).isBetween(288, 289);
            assertThat(d.findElements(By.cssSelector("#t-detector option"))).hasSize(12);
            assertThat(d.findElements(By.cssSelector("#t-chart canvas"))).isNotEmpty();
            assertThat(d.findElements(By.cssSelector("#t-stats .stat"))).hasSize(3);
            assertThat(d.findElement(By.id("t-road")).getText()).contains("Speyerer Straße");
            new Select(d.findElement(By.id("t-detector"))).selectByValue("hd-d06-rohrbacher");
            new Select(d.findElement(By.id("t-range"))).selectByValue("7");
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> count(x, "t-chart") >= 7 * 24 && count(x, "t-chart") <= 7 * 24 + 1
                    && x.findElement(By.id("t-road")).getText().contains("Rohrbacher"));
            chrome.screenshot("planner-traffic");

            d.findElement(By.cssSelector(".tab[data-tab=guidance]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> "2".equals(x.findElement(By.id("g-facilities")).getAttribute("data-rows")));
            assertThat(count(d, "g-chart")).isBetween(7 * 24 - 1, 7 * 24 + 1);
            assertThat(d.findElements(By.cssSelector("#g-chart canvas"))).isNotEmpty();
            assertThat(d.findElement(By.id("g-facilities")).getText()).contains("P12 Kornmarkt / Schloss").contains("66.7 %");
            assertThat(d.findElements(By.cssSelector("#g-stats .bar-row"))).hasSize(2);
            assertThat(d.findElement(By.id("g-stats-status")).getText()).isEmpty();
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).isEmpty();
            chrome.screenshot("planner-guidance");
        }
    }

    private static int count(WebDriver d, String chart) {
        String p = d.findElement(By.id(chart)).getAttribute("data-points");
        return p == null ? 0 : Integer.parseInt(p);
    }

    private static int points(WebDriver d) {
        String p = d.findElement(By.id("h-chart")).getAttribute("data-points");
        return p == null ? 0 : Integer.parseInt(p);
    }
}
