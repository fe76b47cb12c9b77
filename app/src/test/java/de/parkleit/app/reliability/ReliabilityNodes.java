package de.parkleit.app.reliability;

import de.parkleit.app.Node;
import de.parkleit.app.ServeNodes;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.testing.TestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Environment and start of an in-process parkleit node for the reliability tests (free ports, temp data folder). */
final class ReliabilityNodes {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private ReliabilityNodes() {
    }

    /** A serve-mode environment against {@code brokerUrl} (null: the node's embedded broker) under {@code topicRoot}. */
    static Map<String, String> env(String brokerUrl, String topicRoot, String instanceId) throws IOException {
        Map<String, String> v = new HashMap<>();
        Path data = Files.createTempDirectory("parkleit-rel-");
        v.put("PARKLEIT_HOME", HOME.toString());
        v.put("PARKLEIT_DATA_DIR", data.toString());
        v.put("PARKLEIT_HTTP_PORT", Integer.toString(TestBroker.freePort()));
        v.put("PARKLEIT_QUESTDB_HTTP_PORT", Integer.toString(TestBroker.freePort()));
        v.put("PARKLEIT_EMBEDDED_MQTT_PORT", Integer.toString(TestBroker.freePort()));
        v.put("PARKLEIT_TOPIC_ROOT", topicRoot);
        v.put("PARKLEIT_INSTANCE_ID", instanceId);
        v.put("PARKLEIT_MAP_TILE_URL", "none");
        if (brokerUrl != null) {
            v.put("PARKLEIT_MQTT_URL", brokerUrl);
        }
        return v;
    }

    static Node start(Map<String, String> vars) {
        return ServeNodes.start(new Env(vars), HOME);
    }
}
