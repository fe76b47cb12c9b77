package de.parkleit.platform.store.influx;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.util.Objects;

/**
 * Where the InfluxDB 2.x store lives.
 *
 * @param url             {@code PARKLEIT_INFLUX_URL}, e.g. {@code http://influxdb:8086} (required)
 * @param token           {@code PARKLEIT_INFLUX_TOKEN}, an API token with read/write on both buckets (required;
 *                        to let parkleit create missing buckets and the downsampling task, an all-access token)
 * @param org             {@code PARKLEIT_INFLUX_ORG}, default {@code parkleit}
 * @param bucket          {@code PARKLEIT_INFLUX_BUCKET}, raw readings, default {@code parkleit}
 * @param aggregateBucket {@code PARKLEIT_INFLUX_AGGREGATE_BUCKET}, 5-minute aggregates, default {@code <bucket>_5m}
 */
public record InfluxConfig(String url, String token, String org, String bucket, String aggregateBucket) {

    public InfluxConfig {
        require(url, "PARKLEIT_INFLUX_URL");
        require(token, "PARKLEIT_INFLUX_TOKEN");
        require(org, "PARKLEIT_INFLUX_ORG");
        require(bucket, "PARKLEIT_INFLUX_BUCKET");
        require(aggregateBucket, "PARKLEIT_INFLUX_AGGREGATE_BUCKET");
        if (bucket.equals(aggregateBucket)) {
            throw new ConfigException("PARKLEIT_INFLUX_AGGREGATE_BUCKET must differ from PARKLEIT_INFLUX_BUCKET");
        }
    }

    public static InfluxConfig fromEnv(Env env) {
        String url = env.httpUrl("PARKLEIT_INFLUX_URL")
                .orElseThrow(() -> new ConfigException("PARKLEIT_INFLUX_URL must be set for the InfluxDB store, e.g. http://influxdb:8086"));
        String token = env.raw("PARKLEIT_INFLUX_TOKEN")
                .orElseThrow(() -> new ConfigException("PARKLEIT_INFLUX_TOKEN must be set for the InfluxDB store"));
        String bucket = env.string("PARKLEIT_INFLUX_BUCKET", "parkleit");
        return new InfluxConfig(url, token, env.string("PARKLEIT_INFLUX_ORG", "parkleit"), bucket,
                env.string("PARKLEIT_INFLUX_AGGREGATE_BUCKET", bucket + "_5m"));
    }

    private static void require(String v, String name) {
        if (Objects.requireNonNullElse(v, "").isBlank()) {
            throw new ConfigException(name + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return "InfluxConfig[url=" + url + ", token=*****, org=" + org + ", bucket=" + bucket
                + ", aggregateBucket=" + aggregateBucket + "]";
    }
}
