package de.parkleit.app;

import de.parkleit.feeds.FeedCheck;
import de.parkleit.feeds.FeedFormat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parkleit feed check}: what a city's feed holds, without publishing anything (docs/feeds.md). */
@Command(name = "feed", mixinStandardHelpOptions = true, description = "Existing parking feeds (DATEX II, NGSI-v2, ParkAPI v3).",
        subcommands = FeedCommand.Check.class)
final class FeedCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reads one payload and prints the sites found, their capacities and free counts,",
                    "and every problem. Publishes nothing. Exit 0: clean, 1: some sites rejected, 2: unreadable."})
    static final class Check implements Callable<Integer> {

        @Option(names = "--format", required = true, description = "datex2, ngsi or parkapi3")
        String format;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--url", description = "http(s) URL of the feed")
            String url;

            @Option(names = "--file", description = "a saved payload")
            Path file;
        }

        @Option(names = "--max-bytes", defaultValue = "20000000", description = "payload cap (default ${DEFAULT-VALUE})")
        long maxBytes;

        @Override
        public Integer call() {
            return FeedCheck.run(FeedFormat.parse(format), source.url, source.file, maxBytes, Clock.systemUTC(), System.out);
        }
    }
}
