package de.parkleit.signbridge;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignLine;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The IRIS message feed of the {@code iris-msgfeed} signs, for an IRIS traffic centre to poll
 * ({@code msgfeed} comm link): an ASCII text file, one line per sign, three fields separated by a tab
 * and ended by a newline — the DMS name, the message in MULTI (lines joined by {@code [nl]}) and the
 * expiry as RFC 3339 full-date and full-time separated by a space ({@code 2026-11-26 12:02:00+00:00}).
 * A blank sign is a line with an empty message and an empty expiry, which cancels the previous
 * message. Thread-safe; sorted by DMS name.
 *
 * <p>MULTI is ASCII: umlauts are transliterated ({@code ä → ae}, {@code ß → ss}), {@code —} becomes
 * {@code -}, other accents are dropped and anything else non-ASCII becomes {@code ?}; the arrows are
 * written {@code ^}, {@code <^}, {@code <-}, {@code ^>}, {@code ->}; {@code [} and {@code ]} are
 * doubled, as MULTI escapes them.
 */
public final class MsgFeed {

    private static final DateTimeFormatter EXPIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final Map<String, SignFrame> byName = new ConcurrentSkipListMap<>();

    /** Puts the frame a DMS shows (an empty frame blanks it). */
    public void put(String dmsName, SignFrame frame) {
        byName.put(dmsName, frame);
    }

    public void remove(String dmsName) {
        byName.remove(dmsName);
    }

    /** The feed as IRIS reads it. */
    public String render() {
        StringBuilder b = new StringBuilder();
        byName.forEach((name, f) -> b.append(line(name, f)));
        return b.toString();
    }

    /** One feed line, with its newline. */
    public static String line(String dmsName, SignFrame f) {
        if (f.lines().isEmpty()) {
            return dmsName + "\t\t\n";
        }
        StringBuilder multi = new StringBuilder();
        for (SignLine l : f.lines()) {
            if (!multi.isEmpty()) {
                multi.append("[nl]");
            }
            multi.append(escape(ascii(l.text()))).append(arrow(l.arrow()));
        }
        return dmsName + "\t" + multi + "\t" + expire(f.validUntil()) + "\n";
    }

    static String expire(Instant t) {
        return EXPIRE.format(t);
    }

    private static String arrow(Arrow a) {
        return switch (a) {
            case STRAIGHT -> " ^";
            case SLIGHT_LEFT -> " <^";
            case LEFT -> " <-";
            case SLIGHT_RIGHT -> " ^>";
            case RIGHT -> " ->";
            case NONE -> "";
        };
    }

    private static String escape(String s) {
        return s.replace("[", "[[").replace("]", "]]");
    }

    /** The text in printable ASCII. */
    static String ascii(String s) {
        String t = s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                .replace("Ü", "Ue").replace("ß", "ss").replace("—", "-").replace("–", "-");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder b = new StringBuilder(t.length());
        t.chars().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : '?'));
        return b.toString();
    }
}
