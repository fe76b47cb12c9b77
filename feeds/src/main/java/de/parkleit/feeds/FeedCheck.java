package de.parkleit.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code parkleit feed check}: reads one payload (URL or file), prints every site with capacity and
 * free count, and every problem; publishes nothing. Blocking by design (a command-line tool).
 *
 * @return 0 if the payload was read and no site was rejected, 1 if some sites were rejected, 2 if unreadable
 */
public final class FeedCheck {

    private FeedCheck() {
    }

    public static int run(FeedFormat format, String url, Path file, long maxBytes, Clock clock, PrintStream out) {
        return run(format, () -> open(url, file), maxBytes, clock, out);
    }

    /** Opens the payload; a fetch that fails says why ({@link FeedFormatException} for an HTTP status or the cap). */
    @FunctionalInterface
    public interface Payload {
        InputStream open() throws IOException, InterruptedException, FeedFormatException;
    }

    /** As above on a payload fetched elsewhere (e.g. the poller's own client, with a client certificate). */
    public static int run(FeedFormat format, Payload payload, long maxBytes, Clock clock, PrintStream out) {
        FeedSnapshot snap;
        try (InputStream raw = payload.open()) {
            snap = format.parser().parse(new CappedInputStream(raw, maxBytes));
        } catch (FeedFormatException e) {
            out.println("UNREADABLE (" + e.reason() + "): " + e.getMessage());
            return 2;
        } catch (IOException | InterruptedException e) {
            out.println("UNREADABLE (fetch): " + e.getMessage());
            return 2;
        }
        FeedReadings check = new FeedReadings(java.util.Map.of(), true, Duration.ofMinutes(5));
        out.printf("%d sites%n", snap.sites().size());
        out.printf("%-40s %-32s %8s %6s %-8s %s%n", "site", "name", "capacity", "free", "status", "time");
        int problems = snap.problems().size();
        for (FeedSite s : snap.sites()) {
            out.printf("%-40s %-32s %8s %6s %-8s %s%n", s.sourceId(), s.name() == null ? "" : s.name(),
                    s.capacity() == null ? "-" : s.capacity(), s.free() == null ? "-" : s.free(),
                    s.status() == null ? "-" : s.status().wireName(), s.observedAt() == null ? "-" : s.observedAt());
        }
        for (FeedProblem p : snap.problems()) {
            out.println("PROBLEM " + p);
        }
        for (FeedSite s : snap.sites()) {
            if (s.free() == null && s.observedAt() == null) {
                continue; // a static table: nothing live to check
            }
            FeedProblem p = check.check(s, clock.instant());
            if (p != null) {
                problems++;
                out.println("PROBLEM " + p);
            }
        }
        out.printf("%d problems%n", problems);
        return problems == 0 ? 0 : 1;
    }

    private static InputStream open(String url, Path file) throws IOException, InterruptedException {
        if (file != null) {
            return Files.newInputStream(file);
        }
        HttpClient c = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<InputStream> r = c.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new IOException("HTTP " + r.statusCode() + " from " + url);
        }
        return r.body();
    }
}
