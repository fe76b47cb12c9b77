package de.parkleit.app;

import de.parkleit.feeds.FeedSource;
import de.parkleit.platform.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The feeds of a city folder: {@code <city>/feeds.properties} (docs/feeds.md), none when the file is absent. */
final class NodeFeeds {

    static final String FILE = "feeds.properties";

    private NodeFeeds() {
    }

    static List<FeedSource> load(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return FeedSource.load(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(AppConfig.CITY + ": cannot load " + file + ": " + e.getMessage(), e);
        }
    }
}
