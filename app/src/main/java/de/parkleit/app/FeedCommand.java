package de.parkleit.app;

import de.parkleit.feeds.FeedCheck;
import de.parkleit.feeds.FeedFormat;
import de.parkleit.feeds.FeedFormatException;
import de.parkleit.feeds.FeedSource;
import de.parkleit.feeds.service.FeedFetcher;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
                    "and every problem. Publishes nothing. Exit 0: clean, 1: some sites rejected, 2: unreadable.",
                    "--url is fetched as the node's poller fetches it, with the same client certificate options."})
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

        @Option(names = "--pkcs12", paramLabel = "FILE", description = "client certificate and key, PKCS#12 (Mobilithek)")
        Path pkcs12;

        @Option(names = "--password-env", paramLabel = "VAR", description = "environment variable holding the PKCS#12 password")
        String passwordEnv;

        @Option(names = "--cert", paramLabel = "FILE", description = "client certificate, PEM (with --key)")
        Path cert;

        @Option(names = "--key", paramLabel = "FILE", description = "client key, PEM (with --cert)")
        Path key;

        @Option(names = "--ca", paramLabel = "FILE", description = "extra trusted CA certificate, PEM")
        Path ca;

        /** Environment lookup for {@code --password-env} (tests set their own). */
        java.util.function.Function<String, String> secrets = System::getenv;
        java.io.PrintStream out = System.out;

        @Override
        public Integer call() {
            FeedFormat f = FeedFormat.parse(format);
            boolean tls = pkcs12 != null || cert != null || key != null || ca != null;
            if (source.url == null) {
                if (tls) {
                    out.println("--pkcs12, --cert, --key and --ca need --url");
                    return 2;
                }
                return FeedCheck.run(f, null, source.file, maxBytes, Clock.systemUTC(), out);
            }
            if ((cert == null) != (key == null)) {
                out.println("--cert and --key go together (PEM certificate and its key)");
                return 2;
            }
            FeedSource src = FeedSource.adHoc(f, source.url, null).withTls(pkcs12, passwordEnv, cert, key, ca);
            src = new FeedSource(src.name(), src.format(), src.url(), null, src.interval(), maxBytes, src.idMap(),
                    src.identityIds(), src.maxFuture(), src.pkcs12(), src.passwordEnv(), src.pemCert(), src.pemKey(),
                    src.trustCa());
            Vertx vertx = Vertx.vertx();
            try {
                FeedFetcher fetcher = new FeedFetcher(vertx, src, secrets);
                return FeedCheck.run(f, () -> {
                    try {
                        Buffer b = fetcher.fetch().await(60, TimeUnit.SECONDS);
                        return new ByteArrayInputStream(b == null ? new byte[0] : b.getBytes());
                    } catch (Exception e) {
                        // await rethrows the fetch's own failure (an HTTP status or the cap as FeedFormatException)
                        if (e instanceof FeedFormatException ffe) {
                            throw ffe;
                        }
                        if (e.getCause() instanceof FeedFormatException ffe) {
                            throw ffe;
                        }
                        throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
                    }
                }, maxBytes, Clock.systemUTC(), out);
            } finally {
                vertx.close();
            }
        }
    }
}
