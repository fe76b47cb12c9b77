package de.parkleit.app;

import de.parkleit.dashboard.auth.PasswordHash;
import de.parkleit.dashboard.auth.PlannerUser;
import de.parkleit.platform.config.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Properties;

/**
 * The planner/operator login that only {@code parkleit demo} has: user {@value #USER}, a password generated on first
 * start and kept in {@value #FILE} in the data folder (readable by the owner only), so a newcomer can open the planner
 * with what the banner prints. {@code serve} never reads the file and never adds the user.
 *
 * @param file     where the credentials are written
 */
record DemoPlannerAccount(String user, String password, Path file) {

    static final String USER = "demo-planner";
    static final String FILE = "demo-planner-credentials.txt";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Override
    public String toString() {
        return "DemoPlannerAccount[user=" + user + ", password=*****, file=" + file + "]";
    }

    /** The account of the demo in {@code dataDir}: read from its file, or generated and written there. */
    static DemoPlannerAccount inDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
                String pw = p.getProperty("password", "");
                if (pw.length() >= 12) {
                    return new DemoPlannerAccount(p.getProperty("user", USER), pw, file);
                }
            }
            DemoPlannerAccount a = new DemoPlannerAccount(USER, generate(), file);
            Files.createDirectories(dataDir);
            Files.write(file, List.of(
                    "# parkleit demo: planner/operator login, generated on the first start of `parkleit demo` with this data folder.",
                    "# Only `parkleit demo` accepts it; `parkleit serve` never does. Delete this file for a new password.",
                    "user=" + a.user(), "password=" + a.password()), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            return a;
        } catch (IOException e) {
            throw new ConfigException("demo planner login: cannot read or write " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ConfigException("demo planner login: " + e.getMessage(), e);
        }
    }

    /** The dashboard user for this account: planner and operator. */
    PlannerUser plannerUser() {
        return new PlannerUser(user, PlannerUser.ROLES, PasswordHash.hash(password.toCharArray()));
    }

    private static String generate() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
