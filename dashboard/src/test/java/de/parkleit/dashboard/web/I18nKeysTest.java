package de.parkleit.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web app's German and English texts ({@code webroot/js/i18n.js}) have the same keys. */
class I18nKeysTest {

    static final Path I18N = Path.of("src/main/resources/webroot/js/i18n.js");

    static Set<String> keys(String source, String lang, String nextLang) {
        int start = source.indexOf("\n  " + lang + ": {");
        int end = nextLang == null ? source.indexOf("\n};", start) : source.indexOf("\n  " + nextLang + ": {", start);
        assertThat(start).as(lang + " block").isPositive();
        assertThat(end).as("end of " + lang + " block").isGreaterThan(start);
        Matcher m = Pattern.compile("(?:^|[\\s{,])([A-Za-z_][A-Za-z0-9_]*):\\s*'").matcher(source.substring(start, end));
        Set<String> keys = new TreeSet<>();
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void germanAndEnglishHaveTheSameKeys() throws IOException {
        String js = Files.readString(I18N, StandardCharsets.UTF_8);
        boolean deFirst = js.indexOf("\n  de: {") < js.indexOf("\n  en: {");
        Set<String> de = keys(js, "de", deFirst ? "en" : null);
        Set<String> en = keys(js, "en", deFirst ? null : "de");
        assertThat(de).hasSizeGreaterThan(100);
        assertThat(de).as("keys only in German").containsAll(en);
        assertThat(en).as("keys only in English").containsAll(de);
    }
}
