package de.parkleit.simulator.replay;

import de.parkleit.core.city.City;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.simulator.gateway.PayloadFormat;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * {@code replay}: sends the Münster data to a broker, fast-forwarded, until the window is done.
 * Options override the {@code PARKLEIT_REPLAY_*} variables.
 */
public final class ReplayCommand {

    static final String USAGE = """
            usage: replay [--city DIR] [--mqtt tcp://host:1883] [--mapping FILE] [--data DIR] [--from 2024-06-01T00:00]
                          [--days 7] [--speed 60] [--format native|ttn|chirpstack|senml] [--topic-root ROOT]
            """;

    private ReplayCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Env.system()));
    }

    /** Returns the exit code: 0 done, 2 bad arguments, 1 failure. */
    public static int run(String[] args, Env env) {
        ReplayConfig c;
        Path cityDir = env.path("PARKLEIT_CITY", "cities/heidelberg");
        String mqtt = env.string("PARKLEIT_MQTT_URL", "tcp://localhost:1883");
        try {
            c = ReplayConfig.fromEnv(env);
            for (int i = 0; i + 1 < args.length; i += 2) {
                String v = args[i + 1];
                switch (args[i]) {
                    case "--city" -> cityDir = Path.of(v);
                    case "--mqtt" -> mqtt = v;
                    case "--mapping" -> c = new ReplayConfig(c.dataDir(), Path.of(v), c.from(), c.days(), c.speed(), c.format(), c.topicRoot(), c.zone());
                    case "--data" -> c = new ReplayConfig(Path.of(v), c.mapping(), c.from(), c.days(), c.speed(), c.format(), c.topicRoot(), c.zone());
                    case "--from" -> c = new ReplayConfig(c.dataDir(), c.mapping(), LocalDateTime.parse(v), c.days(), c.speed(), c.format(), c.topicRoot(), c.zone());
                    case "--days" -> c = new ReplayConfig(c.dataDir(), c.mapping(), c.from(), Integer.parseInt(v), c.speed(), c.format(), c.topicRoot(), c.zone());
                    case "--speed" -> c = new ReplayConfig(c.dataDir(), c.mapping(), c.from(), c.days(), Double.parseDouble(v), c.format(), c.topicRoot(), c.zone());
                    case "--format" -> c = new ReplayConfig(c.dataDir(), c.mapping(), c.from(), c.days(), c.speed(), PayloadFormat.parse(v), c.topicRoot(), c.zone());
                    case "--topic-root" -> c = new ReplayConfig(c.dataDir(), c.mapping(), c.from(), c.days(), c.speed(), c.format(), v, c.zone());
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException("option " + args[args.length - 1] + " needs a value");
            }
        } catch (RuntimeException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        try {
            City city = CityLoader.load(cityDir, "--city");
            ReplayVerticle v = new ReplayVerticle(c, new MqttSettings(mqtt, "parkleit-" + UUID.randomUUID(), true, null, null), city,
                    Clock.systemUTC());
            vertx.deployVerticle(v).await();
            long n = v.done().await();
            System.out.println("replayed " + n + " readings");
            return 0;
        } catch (RuntimeException e) {
            System.err.println("replay failed: " + e.getMessage());
            return 1;
        } finally {
            vertx.close().await();
        }
    }
}
