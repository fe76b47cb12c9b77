package de.parkleit.app;

import de.parkleit.platform.config.Env;
import java.nio.file.Path;

/** Lets tests outside this package start a {@link Mode#SERVE} node without widening {@link Mode}. */
public final class ServeNodes {

    private ServeNodes() {
    }

    public static Node start(Env env, Path home) {
        return Node.start(AppConfig.fromEnv(env, home), env, Mode.SERVE);
    }
}
