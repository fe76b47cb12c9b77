package de.parkleit.core;

import java.util.regex.Pattern;

/** City-neutral ids of facilities, spaces, detectors and signs: {@code [A-Za-z0-9_-]{1,64}}. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Returns {@code id} if valid, else throws naming {@code what}. */
    public static String require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " must match [A-Za-z0-9_-]{1,64}, got " + quoteShort(id));
        }
        return id;
    }

    static String quoteShort(String s) {
        if (s == null) {
            return "null";
        }
        return "\"" + (s.length() > 70 ? s.substring(0, 70) + "…" : s) + "\"";
    }
}
