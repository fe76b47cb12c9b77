package de.parkleit.simulator.replay;

import de.parkleit.core.city.City;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.platform.mqtt.MqttSettings;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code replay}: sends the Münster data to a broker, fast-forwarded, until the window is done.
 * The command line ({@code parkleit replay}, options over the {@code PARKLEIT_REPLAY_*} variables) is parsed by
 * the app's picocli {@code ReplayTool}.
 */
public final class ReplayCommand {

    private ReplayCommand() {
    }

    /** Replays {@code c} for the city in {@code cityDir} to {@code mqtt}; returns the exit code: 0 done, 1 failure. */
    public static int run(ReplayConfig c, Path cityDir, String mqtt) {
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
