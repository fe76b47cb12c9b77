package de.parkleit.dashboard.opendata;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;

/**
 * Licence and attribution stated in every open-data export.
 *
 * @param name        licence identifier ({@code PARKLEIT_OPENDATA_LICENSE})
 * @param url         licence text ({@code PARKLEIT_OPENDATA_LICENSE_URL})
 * @param attribution who to name when reusing the data ({@code PARKLEIT_OPENDATA_ATTRIBUTION}); empty: the city's name
 */
public record OpenDataLicence(String name, String url, String attribution) {

    public static final String DL_DE_BY = "dl-de/by-2-0";
    public static final String DL_DE_BY_URL = "https://www.govdata.de/dl-de/by-2-0";

    public OpenDataLicence {
        if (name == null || name.isBlank()) {
            throw new ConfigException("PARKLEIT_OPENDATA_LICENSE must not be blank");
        }
        if (url == null || !url.matches("https?://\\S+")) {
            throw new ConfigException("PARKLEIT_OPENDATA_LICENSE_URL must be an http(s) URL, got \"" + url + "\"");
        }
        attribution = attribution == null ? "" : attribution.strip();
    }

    public static OpenDataLicence fromEnv(Env env) {
        return new OpenDataLicence(env.string("PARKLEIT_OPENDATA_LICENSE", DL_DE_BY),
                env.string("PARKLEIT_OPENDATA_LICENSE_URL", DL_DE_BY_URL),
                env.string("PARKLEIT_OPENDATA_ATTRIBUTION", ""));
    }

    public static OpenDataLicence defaults() {
        return new OpenDataLicence(DL_DE_BY, DL_DE_BY_URL, "");
    }

    /** The attribution text, falling back to {@code "parkleit – <city>"}. */
    public String attributionFor(String city) {
        return attribution.isEmpty() ? "parkleit – " + city : attribution;
    }
}
