package de.parkleit.app;

import de.parkleit.platform.config.Env;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** Starts a node, prints where to go, and keeps it running until the process is stopped. */
final class Runner {

    private Runner() {
    }

    static int runUntilStopped(CommonOptions options, Mode mode) throws InterruptedException {
        return runUntilStopped(options, mode, false);
    }

    static int runUntilStopped(CommonOptions options, Mode mode, boolean recordedFeed) throws InterruptedException {
        Env env = options.env();
        AppConfig cfg = AppConfig.fromEnv(env, CommonOptions.home(env));
        Node node = Node.start(cfg, env, mode, recordedFeed);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("parkleit: stopping…");
            node.close();
            stopped.countDown();
        }, "parkleit-shutdown"));
        printBanner(node, mode, node.shared().topicRoot());
        stopped.await();
        return 0;
    }

    private static void printBanner(Node node, Mode mode, String topicRoot) {
        banner(node, mode, topicRoot).forEach(System.out::println);
    }

    /** The console banner: where the map, planner (with the demo's login), API docs, open data and broker are. */
    static List<String> banner(Node node, Mode mode, String topicRoot) {
        var s = node.summary();
        String web = s.get("web");
        String line = "─".repeat(72);
        List<String> b = new ArrayList<>();
        b.add("");
        b.add(line);
        b.add("  parkleit " + mode.name().toLowerCase(Locale.ROOT) + " is running");
        b.add("");
        b.add("  Open the map:        " + web);
        b.add("  Planner dashboard:   " + web + "planner.html");
        node.demoAccount().ifPresentOrElse(a -> {
            b.add("    log in as          user " + a.user() + "   password " + a.password());
            b.add("                       (demo only; also in " + a.file() + ")");
        }, () -> b.add("    log in with        PARKLEIT_ADMIN_PASSWORD or PARKLEIT_USERS_FILE (docs/dashboard.md)"));
        b.add("  API docs (OpenAPI):  " + web + "api/v1/openapi.json");
        b.add("  Open data exports:   " + web + "api/v1/opendata/datex2/v2.3/status.xml   …/datex2/v3.6/status.xml");
        b.add("                       …/ppl.json   …/parkapi.json   …/facilities.geojson   (README: Publish your data)");
        b.add("  Health, metrics:     " + web + "health/ready   " + web + "metrics");
        b.add("  City:                " + s.get("city"));
        b.add("  MQTT broker:         " + s.get("mqtt") + "   (topics " + topicRoot + "/…, see docs/mqtt.md)");
        b.add("  Store:               " + s.get("store"));
        node.recording().ifPresentOrElse(r -> {
            b.add("  Feed (a recording):  Heidelberg NGSI-v2 of " + r.getValue() + ", times moved to now, served at " + r.getKey());
            b.add("                       read through the feed adapter; no simulated gateways, no backfill");
        }, () -> {
            if (mode == Mode.DEMO) {
                b.add("  Simulator:           gateways publish occupancy for every facility; history backfill on first start");
            }
        });
        if (!node.feeds().isEmpty() && node.recording().isEmpty()) {
            b.add("  Feeds:               " + String.join(", ", node.feeds()) + "   (feeds.properties, health/ready details)");
        }
        URI mqtt = URI.create(s.get("mqtt"));
        b.add("");
        b.add("  Publish a reading yourself:");
        b.add("    mosquitto_pub -h " + mqtt.getHost() + " -p " + mqtt.getPort() + " -t " + topicRoot + "/parking/"
                + node.firstFacilityId() + "/occupancy \\");
        b.add("      -m \"{\\\"ts\\\":\\\"$(date -u +%FT%TZ)\\\",\\\"free\\\":12}\"");
        b.add("");
        b.add("  Stop with Ctrl+C.");
        b.add(line);
        b.add("");
        return b;
    }
}
