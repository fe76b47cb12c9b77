package de.parkleit.platform.store.influx;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.domain.Bucket;
import com.influxdb.client.domain.BucketRetentionRules;
import com.influxdb.client.domain.Organization;
import com.influxdb.client.domain.Task;
import com.influxdb.exceptions.InfluxException;
import de.parkleit.platform.store.StoreOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates what the store needs in InfluxDB if it is missing and the token may do so: the raw bucket
 * (retention = raw retention), the aggregate bucket (retention = aggregate retention) and the
 * downsampling task (every 5 minutes, recomputes the last hour). The retention of existing buckets is
 * set to the configured one, as QuestDB's TTL is at every start; an existing task is left as it is.
 * A token without the rights only gets a warning (then an operator manages buckets and task).
 */
final class InfluxSetup {

    static final Duration LOOKBACK = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(InfluxSetup.class);

    private InfluxSetup() {
    }

    static void ensure(InfluxDBClient client, InfluxConfig config, StoreOptions options) {
        try {
            Optional<Organization> org = client.getOrganizationsApi().findOrganizations().stream()
                    .filter(o -> config.org().equals(o.getName())).findFirst();
            if (org.isEmpty()) {
                LOG.warn("InfluxDB organization {} not visible to the token: buckets and task not checked", config.org());
                return;
            }
            String orgId = org.get().getId();
            bucket(client, config.bucket(), options.rawRetention(), orgId);
            bucket(client, config.aggregateBucket(), options.aggregateRetention(), orgId);
            task(client, config, orgId);
        } catch (InfluxException e) {
            LOG.warn("cannot check InfluxDB buckets and downsampling task (HTTP {}): {}", e.status(), e.getMessage());
        }
    }

    private static void bucket(InfluxDBClient client, String name, Duration retention, String orgId) {
        Bucket b = client.getBucketsApi().findBucketByName(name);
        BucketRetentionRules rule = new BucketRetentionRules().everySeconds((int) retention.toSeconds());
        if (b == null) {
            client.getBucketsApi().createBucket(name, rule, orgId);
            LOG.info("created InfluxDB bucket {} with retention {} days", name, retention.toDays());
            return;
        }
        List<BucketRetentionRules> rules = b.getRetentionRules();
        Integer current = rules == null || rules.isEmpty() ? null : rules.get(0).getEverySeconds();
        if (current == null || current.intValue() != rule.getEverySeconds()) {
            b.setRetentionRules(List.of(rule));
            client.getBucketsApi().updateBucket(b);
            LOG.info("set retention of InfluxDB bucket {} to {} days (was {})", name, retention.toDays(),
                    current == null || current == 0 ? "infinite" : current / 86_400 + " days");
        }
    }

    private static void task(InfluxDBClient client, InfluxConfig config, String orgId) {
        String name = taskName(config);
        List<Task> tasks = client.getTasksApi().findTasks();
        if (tasks.stream().anyMatch(t -> name.equals(t.getName()))) {
            return;
        }
        String flux = new FluxQueries(config.bucket(), config.aggregateBucket()).downsampleTask(config.org(), LOOKBACK);
        client.getTasksApi().createTaskEvery(name, flux, "5m", orgId);
        LOG.info("created InfluxDB downsampling task {}", name);
    }

    static String taskName(InfluxConfig config) {
        return "parkleit-downsample-5m-" + config.bucket();
    }
}
