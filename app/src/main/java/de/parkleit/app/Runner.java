package de.parkleit.app;

import de.parkleit.platform.config.Env;
import java.util.concurrent.CountDownLatch;

/** Starts a node, prints where to go, and keeps it running until the process is stopped. */
final class Runner {

    private Runner() {
    }

    static int runUntilStopped(CommonOptions options, Mode mode) throws InterruptedException {
        Env env = options.env();
        AppConfig cfg = AppConfig.fromEnv(env, CommonOptions.home(env));
        Node node = Node.start(cfg, env, mode);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("parkleit: stopping…");
            node.close();
            stopped.countDown();
        }, "parkleit-shutdown"));
        printBanner(node, mode);
        stopped.await();
        return 0;
    }

    private static void printBanner(Node node, Mode mode) {
        var s = node.summary();
        String line = "─".repeat(72);
        System.out.println();
        System.out.println(line);
        System.out.println("  parkleit " + mode.name().toLowerCase(java.util.Locale.ROOT) + " is running");
        System.out.println();
        System.out.println("  Open the map:        " + s.get("web"));
        System.out.println("  API:                 " + s.get("web") + "api/v1/facilities");
        System.out.println("  Health, metrics:     " + s.get("web") + "health/ready   " + s.get("web") + "metrics");
        System.out.println("  City:                " + s.get("city"));
        System.out.println("  MQTT broker:         " + s.get("mqtt") + "   (topics parkleit/v1/…, see docs/mqtt.md)");
        System.out.println("  Store:               " + s.get("store"));
        if (mode == Mode.DEMO) {
            System.out.println("  Simulator:           gateways publish occupancy for every facility; history backfill on first start");
        }
        System.out.println();
        System.out.println("  Stop with Ctrl+C.");
        System.out.println(line);
        System.out.println();
    }
}
