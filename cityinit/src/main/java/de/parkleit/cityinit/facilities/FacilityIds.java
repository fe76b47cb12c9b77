package de.parkleit.cityinit.facilities;

import de.parkleit.core.Ids;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a source's ids into city-neutral ones ({@code [A-Za-z0-9_-]{1,64}}): valid ids stay as they
 * are; others keep their letters and digits (accents folded, everything else becomes {@code -});
 * repeats get {@code -2}, {@code -3}. The same input gives the same ids on every run.
 */
public final class FacilityIds {

    private final Set<String> used = new HashSet<>();

    public String next(String sourceId, String fallback) {
        String base = sourceId == null || sourceId.isBlank() ? fallback : sourceId.trim();
        if (!Ids.isValid(base)) {
            base = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
            if (base.isEmpty()) {
                base = fallback;
            }
            if (base.length() > 60) {
                base = base.substring(base.length() - 60);
            }
        }
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
