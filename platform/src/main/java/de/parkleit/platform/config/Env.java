package de.parkleit.platform.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed, validated access to configuration variables ({@code PARKLEIT_*}). Every error names the
 * variable. Built over a map so tests pass their own environment.
 */
public final class Env {

    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(Objects.requireNonNull(vars));
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    /** The raw value, empty if unset or blank. */
    public Optional<String> raw(String name) {
        String v = vars.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String string(String name, String def) {
        return raw(name).orElse(def);
    }

    public int port(String name, int def) {
        int p = integer(name, def);
        if (p < 0 || p > 65535) {
            throw new ConfigException(name + " must be a TCP port 0..65535, got " + p);
        }
        return p;
    }

    public int integer(String name, int def) {
        Optional<String> v = raw(name);
        if (v.isEmpty()) {
            return def;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be an integer, got \"" + v.get() + "\"");
        }
    }

    public int intInRange(String name, int def, int min, int max) {
        int i = integer(name, def);
        if (i < min || i > max) {
            throw new ConfigException(name + " must be between " + min + " and " + max + ", got " + i);
        }
        return i;
    }

    public boolean bool(String name, boolean def) {
        Optional<String> v = raw(name);
        if (v.isEmpty()) {
            return def;
        }
        return switch (v.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false, got \"" + v.get() + "\"");
        };
    }

    public Path path(String name, String def) {
        String v = string(name, def);
        try {
            return Path.of(v);
        } catch (RuntimeException e) {
            throw new ConfigException(name + " is not a valid path: \"" + v + "\"");
        }
    }

    /** A duration as ISO-8601 ({@code PT5M}) or a number with unit suffix ({@code 90s}, {@code 15m}, {@code 2h}, {@code 30d}). */
    public Duration duration(String name, Duration def) {
        Optional<String> v = raw(name);
        if (v.isEmpty()) {
            return def;
        }
        Duration d = parseDuration(v.get());
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(name + " must be a positive duration like 90s, 15m, 2h, 30d or PT5M, got \"" + v.get() + "\"");
        }
        return d;
    }

    static Duration parseDuration(String s) {
        try {
            if (s.startsWith("P") || s.startsWith("p")) {
                return Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
            }
            var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(s.trim());
            if (!m.matches()) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** An MQTT broker URL ({@code tcp://host:port} or {@code ssl://host:port}), or empty. */
    public Optional<String> mqttUrl(String name) {
        Optional<String> v = raw(name);
        v.ifPresent(u -> {
            if (!u.matches("(tcp|ssl)://[^\\s/:]+(:\\d{1,5})?/?")) {
                throw new ConfigException(name + " must look like tcp://host:1883 or ssl://host:8883, got \"" + u + "\"");
            }
        });
        return v;
    }

    /** An http(s) URL, or empty. */
    public Optional<String> httpUrl(String name) {
        Optional<String> v = raw(name);
        v.ifPresent(u -> {
            try {
                URI uri = URI.create(u);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name + " must be an http:// or https:// URL, got \"" + u + "\"");
            }
        });
        return v;
    }
}
