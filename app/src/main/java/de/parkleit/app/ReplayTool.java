package de.parkleit.app;

import de.parkleit.platform.config.Env;
import de.parkleit.simulator.gateway.PayloadFormat;
import de.parkleit.simulator.replay.ReplayCommand;
import de.parkleit.simulator.replay.ReplayConfig;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code parkleit replay}: the real Münster exports over MQTT, fast-forwarded ({@link ReplayCommand}). */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays the real Münster occupancy exports over MQTT with time compression, mapped onto the city's facilities.",
                "Each option overrides its environment variable."})
final class ReplayTool implements Callable<Integer> {

    @Option(names = "--city", paramLabel = "DIR", description = "city folder (PARKLEIT_CITY, default cities/heidelberg)")
    Path city;

    @Option(names = "--mqtt", paramLabel = "URL", description = "broker (PARKLEIT_MQTT_URL, default tcp://localhost:1883)")
    String mqtt;

    @Option(names = "--mapping", paramLabel = "FILE", description = "mapping file (PARKLEIT_REPLAY_MAPPING, default the bundled Heidelberg mapping)")
    Path mapping;

    @Option(names = "--data", paramLabel = "DIR", description = "folder with the Münster exports (PARKLEIT_REPLAY_DATA, default opendata/muenster)")
    Path data;

    @Option(names = "--from", paramLabel = "YYYY-MM-DDTHH:MM", description = "first data time replayed, local (PARKLEIT_REPLAY_FROM, default 2024-06-01T00:00)")
    LocalDateTime from;

    @Option(names = "--days", paramLabel = "N", description = "days of data replayed, 1..366 (PARKLEIT_REPLAY_DAYS, default 7)")
    Integer days;

    @Option(names = "--speed", paramLabel = "X", description = "data time per wall time (PARKLEIT_REPLAY_SPEED, default 60: an hour in a minute)")
    Double speed;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Format.class,
            description = "native, ttn, chirpstack or senml (PARKLEIT_REPLAY_FORMAT, default native)")
    PayloadFormat format;

    @Option(names = "--topic-root", paramLabel = "ROOT", description = "MQTT topic root (PARKLEIT_TOPIC_ROOT, default parkleit/v1)")
    String topicRoot;

    private final Env env;

    ReplayTool(Env env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        ReplayConfig e = ReplayConfig.fromEnv(env);
        ReplayConfig c = new ReplayConfig(data != null ? data : e.dataDir(), mapping != null ? mapping : e.mapping(),
                from != null ? from : e.from(), days != null ? days : e.days(), speed != null ? speed : e.speed(),
                format != null ? format : e.format(), topicRoot != null ? topicRoot : e.topicRoot(), e.zone());
        return ReplayCommand.run(c, city != null ? city : env.path("PARKLEIT_CITY", "cities/heidelberg"),
                mqtt != null ? mqtt : env.string("PARKLEIT_MQTT_URL", "tcp://localhost:1883"));
    }

    /** {@link PayloadFormat#parse}, with picocli's error wording. */
    static final class Format implements ITypeConverter<PayloadFormat> {
        @Override
        public PayloadFormat convert(String v) {
            try {
                return PayloadFormat.parse(v);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("must be native, ttn, chirpstack or senml, got '" + v + "'");
            }
        }
    }
}
