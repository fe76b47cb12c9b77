package de.parkleit.app;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.feeds.CappedInputStream;
import de.parkleit.feeds.FeedProblem;
import de.parkleit.feeds.FeedSnapshot;
import de.parkleit.feeds.FeedSource;
import de.parkleit.feeds.FeedTakeIn;
import de.parkleit.feeds.service.FeedFetcher;
import de.parkleit.platform.config.ConfigException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The feeds of a city folder: {@code <city>/feeds.properties} (docs/feeds.md), none when the file is absent. */
final class NodeFeeds {

    static final String FILE = "feeds.properties";
    private static final Logger LOG = LoggerFactory.getLogger(NodeFeeds.class);

    /** The city with the sites taken in as facilities, and the feeds with those sites mapped. */
    record TakenIn(City city, List<FeedSource> feeds) {
    }

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

    /**
     * {@code unknown=create}: reads each such feed once, before the services start, and adds the sites its mapping
     * does not name as facilities of the city ({@link FeedTakeIn}). A feed that cannot be read then is logged and
     * its unknown sites stay rejected until the next start; the node starts anyway.
     */
    static TakenIn takeIn(Vertx vertx, City city, List<FeedSource> feeds, Function<String, String> secrets) {
        if (feeds.stream().noneMatch(FeedSource::takeInUnknown)) {
            return new TakenIn(city, feeds);
        }
        List<Facility> facilities = new ArrayList<>(city.facilities());
        List<FeedSource> out = new ArrayList<>();
        for (FeedSource s : feeds) {
            if (!s.takeInUnknown()) {
                out.add(s);
                continue;
            }
            Set<String> known = facilities.stream().map(Facility::id).collect(Collectors.toSet());
            FeedFetcher fetcher = new FeedFetcher(vertx, s, secrets);
            try {
                Buffer body = fetcher.fetch().await(60, TimeUnit.SECONDS);
                FeedSnapshot snap = s.format().parser().parse(
                        new CappedInputStream(new ByteArrayInputStream(body == null ? new byte[0] : body.getBytes()), s.maxBytes()));
                FeedTakeIn.Result r = FeedTakeIn.from(snap, s, known);
                facilities.addAll(r.facilities());
                out.add(s.withIds(r.ids()));
                LOG.info("feed {}: took in {} site(s) as new facilities ({}){}", s.name(), r.facilities().size(),
                        r.facilities().stream().map(Facility::id).collect(Collectors.joining(", ")),
                        r.ids().size() > r.facilities().size() ? ", " + (r.ids().size() - r.facilities().size())
                                + " matched to facilities of the same id" : "");
                for (FeedProblem p : r.skipped()) {
                    LOG.warn("feed {}: site {} not taken in: {}", s.name(), p.sourceId(), p.detail());
                }
            } catch (Exception e) {
                LOG.warn("feed {}: unknown=create, but the feed could not be read at start ({}); its unknown sites are "
                        + "rejected until the next start", s.name(), e.getMessage());
                out.add(s);
            } finally {
                fetcher.close();
            }
        }
        return new TakenIn(new City(city.name(), facilities, city.roadNetwork(), city.folder(), city.timezone(), city.locale()), out);
    }
}
