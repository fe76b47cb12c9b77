package de.parkleit.app;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.signbridge.SignBridgeConfig;
import de.parkleit.signbridge.service.SignBridgeVerticle;
import de.parkleit.simulator.signs.ControllerDisplay;
import de.parkleit.simulator.signs.http.SignControllerServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkleit sign-bridge}: drives the city's signs from the retained sign topics (docs/signs.md). */
@Command(name = "sign-bridge", mixinStandardHelpOptions = true,
        description = {"Subscribes to the sign frames on PARKLEIT_MQTT_URL and drives each sign of the city's signs.geojson",
                "through its driver (log, http-json, iris-msgfeed, datex2-vms); publishes what each sign shows on",
                "{root}/signs/{id}/ack and blanks signs fail-safe. Serves the IRIS msgfeed, the DATEX II VMS publication",
                "and /metrics on PARKLEIT_SIGNBRIDGE_PORT (8091)."})
final class SignBridgeCommand implements Callable<Integer> {

    @Option(names = "--city", paramLabel = "DIR", description = "city folder (PARKLEIT_CITY, default cities/heidelberg)")
    Path city;

    @Option(names = "--mqtt-url", paramLabel = "URL", description = "broker (PARKLEIT_MQTT_URL, required)")
    String mqttUrl;

    @Option(names = "--port", paramLabel = "PORT", description = "port of the feeds and metrics (PARKLEIT_SIGNBRIDGE_PORT, default 8091)")
    Integer port;

    @Option(names = "--simulated-controller",
            description = "drive every sign through an in-process simulated sign controller over http-json (to try it out)")
    boolean simulated;

    @Override
    public Integer call() throws Exception {
        Map<String, String> vars = new HashMap<>(System.getenv());
        if (city != null) {
            vars.put(AppConfig.CITY, city.toString());
        }
        if (mqttUrl != null) {
            vars.put(AppConfig.MQTT_URL, mqttUrl);
        }
        if (port != null) {
            vars.put("PARKLEIT_SIGNBRIDGE_PORT", port.toString());
        }
        Env env = new Env(vars);
        String url = env.mqttUrl(AppConfig.MQTT_URL)
                .orElseThrow(() -> new ConfigException("sign-bridge needs the broker: set " + AppConfig.MQTT_URL + " or --mqtt-url"));
        Path cityFolder = env.raw(AppConfig.CITY).map(Path::of).orElse(CommonOptions.home(env).resolve("cities").resolve("heidelberg"));
        SignBridgeConfig config = SignBridgeConfig.fromEnv(env, cityFolder);
        Vertx vertx = Vertx.vertx();
        try {
            UnaryOperator<de.parkleit.signbridge.BridgeSign> rewire = UnaryOperator.identity();
            if (simulated) {
                SignControllerServer controller = new SignControllerServer(vertx, new ControllerDisplay(Clock.systemUTC()), null);
                int p = controller.start(0).await(30, TimeUnit.SECONDS);
                String at = "http://127.0.0.1:" + p + "/signs/{sign}";
                rewire = s -> s.viaHttpJson(at);
                System.out.println("parkleit sign-bridge: simulated sign controller on http://127.0.0.1:" + p + "/signs/");
            }
            SignBridgeVerticle bridge = new SignBridgeVerticle(config,
                    new MqttSettings(url, "parkleit-signbridge-" + UUID.randomUUID().toString().substring(0, 8), true,
                            env.raw(AppConfig.MQTT_USERNAME).orElse(null), env.raw(AppConfig.MQTT_PASSWORD).orElse(null)),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Clock.systemUTC(), vars::get, rewire);
            vertx.deployVerticle(bridge).await(60, TimeUnit.SECONDS);
            System.out.println("parkleit sign-bridge: driving the signs of " + config.signsFile() + "; feeds and /metrics on http://127.0.0.1:"
                    + bridge.httpPort() + "/signbridge/msgfeed, /signbridge/datex2/vms");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "parkleit-signbridge-shutdown"));
            stopped.await();
            return 0;
        } finally {
            vertx.close().await(20, TimeUnit.SECONDS);
        }
    }
}
