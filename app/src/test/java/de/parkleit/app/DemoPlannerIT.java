package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.parkleit.dashboard.browser.HeadlessChrome;
import de.parkleit.platform.testing.TestHttp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
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
 * The planner of {@code parkleit demo} with the real store: the history backfill writes traffic for
 * the city's 12 demo detectors, the gateway simulator adds live readings, guidance requests are
 * counted, and the planner's traffic and guidance panels show them in headless Chromium
 * (screenshots {@code target/screenshots/demo-planner-*.png}). The login is the one the console banner prints
 * (and the data folder's credentials file holds); {@code serve} on the same data folder refuses it.
 */
class DemoPlannerIT {

    static Node node;
    static TestHttp http;
    static Map<String, String> env;
    static String user;
    static String password;

    @BeforeAll
    static void start() throws Exception {
        env = NodeFixture.env(null, "parkleit/v1");
        env.put("PARKLEIT_SIM_INTERVAL", "1s");
        env.put("PARKLEIT_SIM_BACKFILL_DAYS", "2");
        env.put("PARKLEIT_AUTH_SECRET", "demo-planner-it-secret-0123456789-0123456789");
        node = NodeFixture.start(env, Mode.DEMO);
        String banner = String.join("\n", Runner.banner(node, Mode.DEMO, "parkleit/v1"));
        Matcher m = Pattern.compile("log in as +user (\\S+) +password (\\S+)").matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        user = m.group(1);
        password = m.group(2);
        assertThat(banner).contains("/planner.html", "/api/v1/openapi.json", "/api/v1/opendata/datex2/v2.3/status.xml", "…/ppl.json", "…/parkapi.json",
                "mosquitto_pub -h 127.0.0.1 -p " + env.get("PARKLEIT_EMBEDDED_MQTT_PORT") + " -t parkleit/v1/parking/");
        node.backfill().await(180, TimeUnit.SECONDS);
        http = new TestHttp(node.httpPort());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static HttpResponse<String> login(TestHttp on, String u, String pw) {
        return on.send(on.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", u).put("password", pw).encode())).build());
    }

    private static String session() {
        HttpResponse<String> r = login(http, user, password);
        assertThat(r.statusCode()).isEqualTo(200);
        String c = r.headers().allValues("Set-Cookie").stream().filter(x -> x.startsWith("parkleit_session=")).findFirst().orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }

    @Test
    void backfilledAndLiveTrafficAndIssuedGuidanceReachThePlanner() {
        String cookie = session();
        JsonArray detectors = new JsonArray(http.get("/api/v1/detectors", "Cookie", cookie).body());
        assertThat(detectors).hasSize(12);

        Instant now = Instant.now();
        HttpResponse<String> h = http.get("/api/v1/detectors/hd-d01-speyerer/history?step=1h&from=" + now.minus(Duration.ofHours(24))
                + "&to=" + now, "Cookie", cookie);
        assertThat(h.statusCode()).isEqualTo(200);
        List<JsonObject> buckets = new JsonObject(h.body()).getJsonArray("buckets").stream().map(JsonObject.class::cast).toList();
        assertThat(buckets).hasSizeGreaterThanOrEqualTo(24);
        assertThat(buckets).allSatisfy(b -> {
            assertThat(b.getLong("samples")).isPositive();
            assertThat(b.getDouble("meanSpeedKmh")).isBetween(20.0, 60.0);
        });
        long max = buckets.stream().mapToLong(b -> b.getLong("vehicles")).max().orElseThrow();
        long min = buckets.subList(0, buckets.size() - 1).stream().mapToLong(b -> b.getLong("vehicles")).min().orElseThrow();
        assertThat(max).as("the day's busiest hour against its quietest").isGreaterThan(3 * min);

        for (String to : List.of("49.4105,8.6930", "49.4093,8.6975", "49.4120,8.7050")) {
            assertThat(http.get("/api/v1/guidance?from=49.4008,8.6788&to=" + to).statusCode()).isEqualTo(200);
        }
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(500)).until(() ->
                new JsonObject(http.get("/api/v1/stats/guidance", "Cookie", cookie).body()).getLong("total") >= 3);

        try (HeadlessChrome chrome = HeadlessChrome.start(1280, 900)) {
            WebDriver d = chrome.driver();
            d.get("http://127.0.0.1:" + node.httpPort() + "/planner.html");
            chrome.waitUpTo(Duration.ofSeconds(20)).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
            d.findElement(By.id("login-user")).sendKeys(user);
            d.findElement(By.id("login-password")).sendKeys(password);
            d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> x.findElement(By.id("workspace")).isDisplayed());
            d.findElement(By.cssSelector(".tab[data-tab=traffic]")).click();
            chrome.waitUpTo(Duration.ofSeconds(20)).until(x -> points(x, "t-chart") >= 280);
            assertThat(d.findElement(By.cssSelector(".tab[data-tab=traffic]")).getText()).isEqualTo("Verkehr");
            String axis = xLabels(d, "t-chart");
            assertThat(axis).as("German time axis").containsPattern("(Mo|Di|Mi|Do|Fr|Sa|So)\\.? \\d{1,2}\\.\\d{1,2}\\.")
                    .containsPattern("\\d{2}:00").doesNotContainPattern("(?i)\\d(am|pm)");
            chrome.screenshot("demo-planner-traffic");
            d.findElement(By.cssSelector(".tab[data-tab=guidance]")).click();
            chrome.waitUpTo(Duration.ofSeconds(20)).until(x -> points(x, "g-chart") >= 1
                    && !"0".equals(x.findElement(By.id("g-facilities")).getAttribute("data-rows"))
                    && x.findElement(By.id("g-facilities")).getAttribute("data-rows") != null);
            assertThat((List<?>) chrome.js("return window.parkleitCspViolations;")).isEmpty();
            chrome.screenshot("demo-planner-guidance");
        }
    }

    @Test
    void theDemoLoginIsInTheDataFolderAndServeRefusesIt() throws Exception {
        Path file = Path.of(env.get("PARKLEIT_DATA_DIR")).resolve("demo-planner-credentials.txt");
        assertThat(Files.readAllLines(file)).contains("user=" + user, "password=" + password);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);

        Map<String, String> serveEnv = NodeFixture.env(null, "parkleit/v1");
        serveEnv.put("PARKLEIT_DATA_DIR", env.get("PARKLEIT_DATA_DIR") + "-serve");
        Files.createDirectories(Path.of(serveEnv.get("PARKLEIT_DATA_DIR")));
        Files.copy(file, Path.of(serveEnv.get("PARKLEIT_DATA_DIR")).resolve(file.getFileName()));
        serveEnv.put("PARKLEIT_ADMIN_PASSWORD", "serve-admin-pw-1");
        Node serve = NodeFixture.start(serveEnv, Mode.SERVE);
        try {
            TestHttp s = new TestHttp(serve.httpPort());
            assertThat(login(s, user, password).statusCode()).isEqualTo(401);
            assertThat(login(s, "admin", password).statusCode()).isEqualTo(401);
            assertThat(login(s, "admin", "serve-admin-pw-1").statusCode()).as("serve's own login works").isEqualTo(200);
            assertThat(String.join("\n", Runner.banner(serve, Mode.SERVE, "parkleit/v1"))).doesNotContain(password)
                    .contains("PARKLEIT_ADMIN_PASSWORD");
        } finally {
            serve.close();
        }
    }

    @Test
    void anEnglishBrowserGetsEnglishTextAndAxis() {
        try (HeadlessChrome chrome = HeadlessChrome.start(1280, 900, "en-GB")) {
            WebDriver d = chrome.driver();
            d.get("http://127.0.0.1:" + node.httpPort() + "/planner.html");
            chrome.waitUpTo(Duration.ofSeconds(20)).until(x -> "true".equals(x.findElement(By.tagName("body")).getAttribute("data-ready")));
            d.findElement(By.id("login-user")).sendKeys(user);
            d.findElement(By.id("login-password")).sendKeys(password);
            d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
            chrome.waitUpTo(Duration.ofSeconds(10)).until(x -> x.findElement(By.id("workspace")).isDisplayed());
            d.findElement(By.cssSelector(".tab[data-tab=traffic]")).click();
            chrome.waitUpTo(Duration.ofSeconds(20)).until(x -> points(x, "t-chart") >= 280);
            assertThat(d.findElement(By.cssSelector(".tab[data-tab=traffic]")).getText()).isEqualTo("Traffic");
            assertThat(xLabels(d, "t-chart")).as("English time axis")
                    .containsPattern("(Sun|Mon|Tue|Wed|Thu|Fri|Sat) \\d{1,2}/\\d{1,2}").containsPattern("(?i)\\d(am|pm)");
            chrome.screenshot("demo-planner-traffic-en");
        }
    }

    @Test
    void theCitysLocaleReachesTheWebApp() {
        assertThat(new JsonObject(http.get("/api/v1/map/config").body()).getString("locale")).isEqualTo("de");
    }

    private static String xLabels(WebDriver d, String chart) {
        String l = d.findElement(By.id(chart)).getAttribute("data-x-labels");
        return l == null ? "" : l;
    }

    private static int points(WebDriver d, String chart) {
        String p = d.findElement(By.id(chart)).getAttribute("data-points");
        return p == null ? 0 : Integer.parseInt(p);
    }
}
