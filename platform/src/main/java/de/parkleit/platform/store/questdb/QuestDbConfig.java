package de.parkleit.platform.store.questdb;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded QuestDB keeps its data and listens.
 *
 * @param root     data folder: {@code $PARKLEIT_DATA_DIR/questdb} (PARKLEIT_DATA_DIR defaults to {@code data})
 * @param httpPort HTTP port on 127.0.0.1 ({@code PARKLEIT_QUESTDB_HTTP_PORT}, default 9000; 0 picks a free port)
 */
public record QuestDbConfig(Path root, int httpPort) {

    public QuestDbConfig {
        Objects.requireNonNull(root, "root");
        if (httpPort < 0 || httpPort > 65535) {
            throw new ConfigException(EmbeddedQuestDb.PORT_VARIABLE + " must be a TCP port 0..65535, got " + httpPort);
        }
    }

    public static QuestDbConfig fromEnv(Env env) {
        return new QuestDbConfig(env.path("PARKLEIT_DATA_DIR", "data").resolve("questdb"),
                env.port(EmbeddedQuestDb.PORT_VARIABLE, EmbeddedQuestDb.DEFAULT_HTTP_PORT));
    }
}
