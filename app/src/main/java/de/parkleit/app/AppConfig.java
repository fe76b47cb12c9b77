package de.parkleit.app;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The process-wide configuration of the {@code parkleit} command, built once from the
 * environment ({@code PARKLEIT_*}) and command-line flags, validated here with messages that
 * name the variable. Secrets print as {@code *****}.
 *
 * @param mqttUrl     external broker; empty for {@code demo} (embedded broker)
 * @param questDbUrl  an external QuestDB's HTTP URL (several parkleit instances share one); empty: embedded
 * @param influxUrl   InfluxDB 2 URL; empty means QuestDB
 */
public record AppConfig(int httpPort, Optional<String> mqttUrl, int embeddedMqttPort, Path dataDir, int questDbHttpPort,
                        Optional<String> questDbUrl, Path city, Optional<String> influxUrl, Optional<String> influxToken, String influxOrg,
                        String influxBucket, String mqttUsername, String mqttPassword) {

    public static final String HTTP_PORT = "PARKLEIT_HTTP_PORT";
    public static final String MQTT_URL = "PARKLEIT_MQTT_URL";
    public static final String EMBEDDED_MQTT_PORT = "PARKLEIT_EMBEDDED_MQTT_PORT";
    public static final String DATA_DIR = "PARKLEIT_DATA_DIR";
    public static final String QUESTDB_HTTP_PORT = "PARKLEIT_QUESTDB_HTTP_PORT";
    public static final String QUESTDB_URL = "PARKLEIT_QUESTDB_URL";
    public static final String CITY = "PARKLEIT_CITY";
    public static final String INFLUX_URL = "PARKLEIT_INFLUX_URL";
    public static final String INFLUX_TOKEN = "PARKLEIT_INFLUX_TOKEN";
    public static final String INFLUX_ORG = "PARKLEIT_INFLUX_ORG";
    public static final String INFLUX_BUCKET = "PARKLEIT_INFLUX_BUCKET";
    public static final String MQTT_USERNAME = "PARKLEIT_MQTT_USERNAME";
    public static final String MQTT_PASSWORD = "PARKLEIT_MQTT_PASSWORD";

    public AppConfig {
        if (influxUrl.isPresent() && influxToken.isEmpty()) {
            throw new ConfigException(INFLUX_TOKEN + " must be set when " + INFLUX_URL + " is set");
        }
        if (influxUrl.isPresent() && questDbUrl.isPresent()) {
            throw new ConfigException("set either " + INFLUX_URL + " or " + QUESTDB_URL + ", not both");
        }
        if (influxOrg == null || influxOrg.isBlank()) {
            throw new ConfigException(INFLUX_ORG + " must not be empty");
        }
        if (influxBucket == null || influxBucket.isBlank()) {
            throw new ConfigException(INFLUX_BUCKET + " must not be empty");
        }
        if (httpPort == embeddedMqttPort && httpPort != 0) {
            throw new ConfigException(HTTP_PORT + " and " + EMBEDDED_MQTT_PORT + " must differ, both are " + httpPort);
        }
        if (httpPort == questDbHttpPort && httpPort != 0) {
            throw new ConfigException(HTTP_PORT + " and " + QUESTDB_HTTP_PORT + " must differ, both are " + httpPort);
        }
    }

    /** Reads every variable; {@code home} is where the bundled demo city lives (the repo or install root). */
    public static AppConfig fromEnv(Env env, Path home) {
        Path defaultCity = home.resolve("cities").resolve("heidelberg");
        Path city = env.raw(CITY).map(Path::of).orElse(defaultCity);
        if (!Files.isDirectory(city)) {
            throw new ConfigException(CITY + " must name a city folder; " + city.toAbsolutePath() + " is not a directory");
        }
        return new AppConfig(
                env.port(HTTP_PORT, 8080),
                env.mqttUrl(MQTT_URL),
                env.port(EMBEDDED_MQTT_PORT, 1883),
                env.path(DATA_DIR, "./data"),
                env.port(QUESTDB_HTTP_PORT, 9000),
                env.httpUrl(QUESTDB_URL),
                city,
                env.httpUrl(INFLUX_URL),
                env.raw(INFLUX_TOKEN),
                env.string(INFLUX_ORG, "parkleit"),
                env.string(INFLUX_BUCKET, "parkleit"),
                env.raw(MQTT_USERNAME).orElse(null),
                env.raw(MQTT_PASSWORD).orElse(null));
    }

    /** The effective configuration for the start-up log, secrets masked. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(HTTP_PORT, Integer.toString(httpPort));
        m.put(MQTT_URL, mqttUrl.orElse("(embedded broker)"));
        m.put(EMBEDDED_MQTT_PORT, Integer.toString(embeddedMqttPort));
        m.put(DATA_DIR, dataDir.toAbsolutePath().normalize().toString());
        m.put(QUESTDB_HTTP_PORT, Integer.toString(questDbHttpPort));
        m.put(QUESTDB_URL, questDbUrl.orElse("(embedded QuestDB)"));
        m.put(CITY, city.toAbsolutePath().normalize().toString());
        m.put(INFLUX_URL, influxUrl.orElse("(unset: QuestDB)"));
        m.put(INFLUX_TOKEN, influxToken.isPresent() ? "*****" : "(unset)");
        m.put(INFLUX_ORG, influxOrg);
        m.put(INFLUX_BUCKET, influxBucket);
        m.put(MQTT_USERNAME, mqttUsername == null ? "(anonymous)" : mqttUsername);
        m.put(MQTT_PASSWORD, mqttPassword == null ? "(unset)" : "*****");
        return m;
    }

    @Override
    public String toString() {
        return "AppConfig" + describe();
    }
}
