package de.parkleit.core.sign;

/**
 * One line of a sign: facility name, what is shown for it and the arrow.
 *
 * @param free    the free count the line shows, or null when it shows none (text signs, full, closed, unknown)
 * @param display what stands after the name: a count, {@code frei}, {@code besetzt}, {@code geschlossen} or {@code —}
 */
public record SignLine(String facilityId, String name, LineState state, Integer free, String display, Arrow arrow) {

    public static final String FREE_TEXT = "frei";
    public static final String FULL_TEXT = "besetzt";
    public static final String CLOSED_TEXT = "geschlossen";
    public static final String UNKNOWN_TEXT = "—";

    /** The line as the sign shows it, without the arrow. */
    public String text() {
        return name + " " + display;
    }
}
