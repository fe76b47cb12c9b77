package de.parkleit.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parkleit serve}: the production shape, configured by the environment. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs ingest, routing and the web app against the broker in PARKLEIT_MQTT_URL (embedded when unset)",
                "and InfluxDB 2 in PARKLEIT_INFLUX_URL (embedded QuestDB when unset). No simulator."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options = new CommonOptions();

    @Override
    public Integer call() throws InterruptedException {
        return Runner.runUntilStopped(options, Mode.SERVE);
    }
}
