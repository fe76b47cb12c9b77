package de.parkleit.dashboard.auth;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may log in and how sessions are signed.
 *
 * @param users           from {@code PARKLEIT_USERS_FILE} plus {@code admin} when {@code PARKLEIT_ADMIN_PASSWORD} is set
 * @param secret          HMAC key for session tokens ({@code PARKLEIT_AUTH_SECRET}, at least 32 characters); random
 *                        per process when unset (then sessions end on restart and do not span instances)
 * @param secretGenerated true when {@code secret} was generated
 * @param sessionTtl      lifetime of a session ({@code PARKLEIT_SESSION_TTL})
 * @param secureCookies   mark the session cookie Secure (behind HTTPS) ({@code PARKLEIT_HTTP_SECURE_COOKIES})
 */
public record AuthSettings(List<PlannerUser> users, String secret, boolean secretGenerated, Duration sessionTtl, boolean secureCookies) {

    public static final String USERS_FILE = "PARKLEIT_USERS_FILE";
    public static final String ADMIN_PASSWORD = "PARKLEIT_ADMIN_PASSWORD";
    public static final String SECRET = "PARKLEIT_AUTH_SECRET";

    public AuthSettings {
        users = List.copyOf(users);
        Set<String> names = new LinkedHashSet<>();
        for (PlannerUser u : users) {
            if (!names.add(u.name())) {
                throw new ConfigException(USERS_FILE + ": user " + u.name() + " is defined twice");
            }
        }
        if (secret == null || secret.length() < 32) {
            throw new ConfigException(SECRET + " must be at least 32 characters long");
        }
        if (sessionTtl.compareTo(Duration.ofMinutes(5)) < 0 || sessionTtl.compareTo(Duration.ofDays(7)) > 0) {
            throw new ConfigException("PARKLEIT_SESSION_TTL must be between 5m and 7d, got " + sessionTtl);
        }
    }

    /** No users, a random secret: nobody can log in. */
    public static AuthSettings none() {
        return new AuthSettings(List.of(), randomSecret(), true, Duration.ofHours(8), false);
    }

    /** These settings with one more user (the demo's own login; a name clash fails like a duplicate in the users file). */
    public AuthSettings withUser(PlannerUser user) {
        List<PlannerUser> all = new ArrayList<>(users);
        all.add(user);
        return new AuthSettings(all, secret, secretGenerated, sessionTtl, secureCookies);
    }

    public static AuthSettings fromEnv(Env env) {
        List<PlannerUser> users = new ArrayList<>();
        env.raw(USERS_FILE).ifPresent(f -> users.addAll(readUsersFile(Path.of(f))));
        env.raw(ADMIN_PASSWORD).ifPresent(pw -> {
            if (pw.length() < 8) {
                throw new ConfigException(ADMIN_PASSWORD + " must be at least 8 characters long");
            }
            users.add(new PlannerUser("admin", PlannerUser.ROLES, PasswordHash.hash(pw.toCharArray())));
        });
        String secret = env.raw(SECRET).orElse(null);
        return new AuthSettings(users, secret == null ? randomSecret() : secret, secret == null,
                env.duration("PARKLEIT_SESSION_TTL", Duration.ofHours(8)), env.bool("PARKLEIT_HTTP_SECURE_COOKIES", false));
    }

    /**
     * Reads {@code name:role1,role2:pbkdf2-sha256$...} lines; blank lines and lines starting with
     * {@code #} are skipped. Errors name the variable and the line.
     */
    public static List<PlannerUser> readUsersFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(USERS_FILE + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        List<PlannerUser> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 3);
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("expected name:roles:hash");
                }
                Set<String> roles = new LinkedHashSet<>(Arrays.stream(parts[1].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
                out.add(new PlannerUser(parts[0].strip(), roles, parts[2].strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(USERS_FILE + ": " + file + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static String randomSecret() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public String toString() {
        return "AuthSettings[users=" + users.stream().map(PlannerUser::name).toList() + ", secret=*****"
                + (secretGenerated ? " (generated)" : "") + ", sessionTtl=" + sessionTtl + ", secureCookies=" + secureCookies + "]";
    }
}
