package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.sign.SignFrame;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The iris-msgfeed driver passes the contract ("outside" is the feed line of its DMS, read back);
 * the feed is the IRIS msgfeed format: ASCII, name TAB MULTI TAB expiry NEWLINE, lines joined by [nl].
 */
class IrisMsgFeedDriverTest extends SignDriverContract {

    private final MsgFeed feed = new MsgFeed();

    @Override
    protected SignDriver newDriver() {
        return new IrisMsgFeedDriver("V-" + SIGN, feed, Clock.systemUTC());
    }

    /** Reads the feed as IRIS would and maps its MULTI back to the sign's line texts (ASCII, arrows as words). */
    @Override
    protected List<String> displayedOutside() {
        String line = Arrays.stream(feed.render().split("\n")).filter(l -> l.startsWith("V-" + SIGN + "\t")).findFirst().orElseThrow();
        String[] f = line.split("\t", -1);
        assertThat(f).hasSize(3);
        if (f[1].isEmpty()) {
            assertThat(f[2]).as("a blank sign cancels: empty expiry").isEmpty();
            return List.of();
        }
        assertThat(f[2]).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\+00:00");
        return Arrays.stream(f[1].split("\\[nl]")).map(s -> s.replace("[[", "[").replace("]]", "]")
                .replace("Poststrasse", "Poststraße").replace(" <-", " ←").replace(" ^>", " ↗").replace(" -", " —")).toList();
    }

    @Override
    protected String kind() {
        return "iris-msgfeed";
    }

    @Test
    void feedLinesAreAsciiWithTabsMultiAndExpiry() {
        SignFrame f = Frames.frame("hd-s01", 123, Instant.parse("2026-11-26T12:00:00Z"), 120);
        assertThat(MsgFeed.line("V01", f)).isEqualTo(
                "V01\tP1 Poststrasse 123 <-[nl]P3 Crowne Plaza besetzt ^>[nl]P4 Kornmarkt [[Altstadt]] -\t2026-11-26 12:02:00+00:00\n");
        assertThat(MsgFeed.line("V01", Frames.blank("hd-s01", Instant.EPOCH))).isEqualTo("V01\t\t\n");
        assertThat(MsgFeed.ascii("Straße Ünter Café €")).isEqualTo("Strasse Uenter Cafe ?");
        MsgFeed feed = new MsgFeed();
        feed.put("V02", f);
        feed.put("V01", Frames.blank("hd-s01", Instant.EPOCH));
        assertThat(feed.render()).startsWith("V01\t\t\nV02\t");
        assertThat(feed.render().chars()).allMatch(c -> c < 0x80);
    }
}
