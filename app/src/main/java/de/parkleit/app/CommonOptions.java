package de.parkleit.app;

import de.parkleit.platform.config.Env;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Flags shared by {@code demo} and {@code serve}; each overrides its environment variable. */
final class CommonOptions {

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port of the web app and API (PARKLEIT_HTTP_PORT, default 8080)")
    Integer httpPort;

    @Option(names = "--city", paramLabel = "DIR", description = "city folder (PARKLEIT_CITY, default the bundled demo city cities/heidelberg)")
    Path city;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data folder for the embedded store, broker and spool (PARKLEIT_DATA_DIR, default ./data)")
    Path dataDir;

    /** The environment with this command's flags applied on top. */
    Env env() {
        Map<String, String> vars = new HashMap<>(System.getenv());
        if (httpPort != null) {
            vars.put(AppConfig.HTTP_PORT, httpPort.toString());
        }
        if (city != null) {
            vars.put(AppConfig.CITY, city.toString());
        }
        if (dataDir != null) {
            vars.put(AppConfig.DATA_DIR, dataDir.toString());
        }
        return new Env(vars);
    }

    static Path home(Env env) {
        return Path.of(env.string("PARKLEIT_HOME", "."));
    }
}
