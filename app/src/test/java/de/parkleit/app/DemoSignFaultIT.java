package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.dashboard.browser.HeadlessChrome;
import de.parkleit.platform.testing.TestHttp;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.ControllerFault;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * {@code parkleit demo} runs the sign bridge with every sign on the simulated controller: the planner
 * sees each sign's acknowledgement (decided against displayed), and when the controller is told to
 * answer 500, the planner's signs view in headless Chromium shows the fault and, once no good ack came for
 * {@code PARKLEIT_SIGNBRIDGE_ACK_ALERT} (20 s here), the alert (screenshot {@code target/screenshots/demo-sign-fault.png}).
 */
class DemoSignFaultIT {

    static Node node;
    static TestHttp http;
    static String user;
    static String password;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = NodeFixture.env(null, "parkleit/v1");
        env.put("PARKLEIT_SIM_INTERVAL", "1s");
        env.put("PARKLEIT_SIM_BACKFILL_DAYS", "0");
        env.put("PARKLEIT_SIGNBRIDGE_RETRY_AFTER", "1s");
        env.put("PARKLEIT_SIGNBRIDGE_ACK_ALERT", "20s");
        env.put("PARKLEIT_AUTH_SECRET", "demo-sign-fault-it-secret-0123456789-0123456789");
        node = NodeFixture.start(env, Mode.DEMO);
        Matcher m = Pattern.compile("log in as +user (\\S+) +password (\\S+)")
                .matcher(String.join("\n", Runner.banner(node, Mode.DEMO, "parkleit/v1")));
        assertThat(m.find()).isTrue();
        user = m.group(1);
        password = m.group(2);
        http = new TestHttp(node.httpPort());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static String session() {
        HttpResponse<String> r = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", user).put("password", password).encode())).build());
        assertThat(r.statusCode()).isEqualTo(200);
        String c = r.headers().allValues("Set-Cookie").stream().filter(x -> x.startsWith("parkleit_session=")).findFirst().orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    private static List<JsonObject> acks(String cookie) {
        return new JsonArray(http.get("/api/v1/signs/acks", "Cookie", cookie).body()).stream().map(JsonObject.class::cast).toList();
    }

    @Test
    void thePlannersSignsViewShowsAFaultOfTheSimulatedController() {
        String cookie = session();
        ControllerDisplay controller = node.signController().orElseThrow();
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> acks(cookie).stream()
                .anyMatch(a -> "http-json".equals(a.getString("driver")) && a.getString("fault") == null && a.getString("displayed") != null
                        && a.getString("displayed").equals(a.getString("decided").isEmpty() ? "" : a.getString("displayed"))));
        assertThat(http.get("/api/v1/signs/acks").statusCode()).as("planner only").isEqualTo(401);

        controller.faultAll(ControllerFault.ERROR);
        await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> acks(cookie).stream()
                .anyMatch(a -> a.getString("fault") != null && a.getString("fault").startsWith("http_500")));

        try (HeadlessChrome chrome = HeadlessChrome.start(1280, 900)) {
            WebDriver d = chrome.driver();
            d.get("http://127.0.0.1:" + node.httpPort() + "/planner.html");
            chrome.waitUpTo(Duration.ofSeconds(20)).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
            d.findElement(By.id("login-user")).sendKeys(user);
            d.findElement(By.id("login-password")).sendKeys(password);
            d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> x.findElement(By.id("workspace")).isDisplayed());
            d.findElement(By.cssSelector(".tab[data-tab=guidance]")).click();
            chrome.waitUpTo(Duration.ofSeconds(30)).until(x -> x.findElement(By.id("g-acks")).getText().contains("http_500"));
            String table = d.findElement(By.id("g-acks")).getText();
            assertThat(table).contains("entschieden", "angezeigt", "letzte Quittung", "Fehler", "http_500");
            assertThat(Integer.parseInt(d.findElement(By.id("g-acks")).getAttribute("data-faults"))).isPositive();
            // no good ack for longer than PARKLEIT_SIGNBRIDGE_ACK_ALERT (20 s): the view names the alert time and the signs in alert
            assertThat(d.findElement(By.id("g-acks-status")).getText()).contains("Alarm nach 20 s ohne gute Quittung");
            d.findElement(By.cssSelector(".tab[data-tab=history]")).click();
            await().atMost(60, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() -> acks(cookie).stream()
                    .anyMatch(a -> a.getBoolean("alert") && a.getString("fault") != null && a.getInteger("alertAfterSeconds") == 20));
            d.findElement(By.cssSelector(".tab[data-tab=guidance]")).click();
            chrome.waitUpTo(Duration.ofSeconds(30)).until(x -> !"0".equals(x.findElement(By.id("g-acks")).getAttribute("data-alerts")));
            assertThat(d.findElement(By.id("g-acks")).getText()).contains("Alarm: keine Quittung");
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).isEmpty();
            chrome.js("document.getElementById('g-acks-status').scrollIntoView();");
            chrome.screenshot("demo-sign-fault");
        } finally {
            controller.faultAll(ControllerFault.NONE);
        }
    }
}
