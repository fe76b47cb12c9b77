package de.parkleit.app;

import de.parkleit.platform.config.Env;
import de.parkleit.platform.testing.TestBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Starts a whole parkleit node for a test: free ports, a temp data folder, a private topic root. */
final class NodeFixture {

    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private NodeFixture() {
    }

    /** Environment of a test node; {@code brokerUrl} null means the node starts its embedded broker. */
    static Map<String, String> env(String brokerUrl, String topicRoot) throws IOException {
        Map<String, String> v = new HashMap<>();
        Path data = Files.createTempDirectory("parkleit-node-");
        v.put("PARKLEIT_HOME", HOME.toString());
        v.put("PARKLEIT_DATA_DIR", data.toString());
        v.put("PARKLEIT_HTTP_PORT", Integer.toString(TestBroker.freePort()));
        v.put("PARKLEIT_QUESTDB_HTTP_PORT", "0");
        v.put("PARKLEIT_EMBEDDED_MQTT_PORT", Integer.toString(TestBroker.freePort()));
        v.put("PARKLEIT_TOPIC_ROOT", topicRoot);
        v.put("PARKLEIT_INSTANCE_ID", "t" + Long.toHexString(System.nanoTime() & 0xffffffffL));
        v.put("PARKLEIT_MAP_TILE_URL", "none");
        if (brokerUrl != null) {
            v.put("PARKLEIT_MQTT_URL", brokerUrl);
        }
        return v;
    }

    static Node start(Map<String, String> vars, Mode mode) {
        Env env = new Env(vars);
        return Node.start(AppConfig.fromEnv(env, HOME), env, mode);
    }
}
