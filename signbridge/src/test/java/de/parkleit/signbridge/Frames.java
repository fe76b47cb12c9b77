package de.parkleit.signbridge;

import de.parkleit.core.sign.Arrow;
import de.parkleit.core.sign.LineState;
import de.parkleit.core.sign.SignFrame;
import de.parkleit.core.sign.SignLine;
import java.time.Instant;
import java.util.List;

/** Sign frames as guidance publishes them, for the tests. */
public final class Frames {

    private Frames() {
    }

    public static SignFrame frame(String sign, int free, Instant ts, long validSeconds) {
        return new SignFrame(sign, "Bismarckplatz", 49.4098, 8.6935, 40,
                List.of(new SignLine("p1", "P1 Poststraße", LineState.FREE, free, Integer.toString(free), Arrow.LEFT),
                        new SignLine("p3", "P3 Crowne Plaza", LineState.FULL, null, SignLine.FULL_TEXT, Arrow.SLIGHT_RIGHT),
                        new SignLine("p4", "P4 Kornmarkt [Altstadt]", LineState.UNKNOWN, null, SignLine.UNKNOWN_TEXT, Arrow.NONE)),
                ts, ts.plusSeconds(validSeconds));
    }

    public static SignFrame blank(String sign, Instant ts) {
        return new SignFrame(sign, "Bismarckplatz", 49.4098, 8.6935, 40, List.of(), ts, ts.plusSeconds(120));
    }
}
