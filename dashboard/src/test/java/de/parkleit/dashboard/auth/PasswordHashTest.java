package de.parkleit.dashboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.platform.config.ConfigException;
import de.parkleit.platform.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordHashTest {

    @TempDir
    Path dir;

    @Test
    void verifiesTheRightPasswordOnlyAndSaltsEachHash() {
        String h = PasswordHash.hash("correct horse".toCharArray(), 1_000);
        assertThat(h).startsWith("pbkdf2-sha256$1000$");
        assertThat(PasswordHash.verify("correct horse".toCharArray(), h)).isTrue();
        assertThat(PasswordHash.verify("correct hors".toCharArray(), h)).isFalse();
        assertThat(PasswordHash.hash("correct horse".toCharArray(), 1_000)).isNotEqualTo(h);
        assertThat(PasswordHash.verify("x".toCharArray(), "plain")).isFalse();
        assertThat(PasswordHash.verify("x".toCharArray(), "pbkdf2-sha256$99$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA")).isFalse();
    }

    @Test
    void defaultIterationsFollowOwasp() {
        assertThat(PasswordHash.hash("secret12".toCharArray())).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void readsUsersFileAndNamesTheVariableOnErrors() throws Exception {
        String h = PasswordHash.hash("pw-alice-1".toCharArray(), 1_000);
        Path f = dir.resolve("users");
        Files.writeString(f, "# planners\n\nalice:planner,operator:" + h + "\nbob: planner :" + h + "\n");
        List<PlannerUser> users = AuthSettings.readUsersFile(f);
        assertThat(users).extracting(PlannerUser::name).containsExactly("alice", "bob");
        assertThat(users.get(0).roles()).isEqualTo(Set.of("planner", "operator"));
        assertThat(users.get(0).toString()).doesNotContain(h).contains("*****");

        Files.writeString(f, "carol:admin:" + h + "\n");
        assertThatThrownBy(() -> AuthSettings.readUsersFile(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("PARKLEIT_USERS_FILE").hasMessageContaining("line 1").hasMessageContaining("admin");
        Files.writeString(f, "dave:planner:secret\n");
        assertThatThrownBy(() -> AuthSettings.readUsersFile(f)).isInstanceOf(ConfigException.class).hasMessageContaining("pbkdf2-sha256");
    }

    @Test
    void settingsFromEnvironment() {
        AuthSettings s = AuthSettings.fromEnv(new Env(Map.of("PARKLEIT_AUTH_SECRET", "0123456789abcdef0123456789abcdef",
                "PARKLEIT_SESSION_TTL", "2h", "PARKLEIT_HTTP_SECURE_COOKIES", "true")));
        assertThat(s.users()).isEmpty();
        assertThat(s.secretGenerated()).isFalse();
        assertThat(s.sessionTtl()).hasHours(2);
        assertThat(s.secureCookies()).isTrue();
        assertThat(s.toString()).doesNotContain("0123456789abcdef");
        assertThatThrownBy(() -> AuthSettings.fromEnv(new Env(Map.of("PARKLEIT_AUTH_SECRET", "short"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_AUTH_SECRET");
        assertThatThrownBy(() -> AuthSettings.fromEnv(new Env(Map.of("PARKLEIT_ADMIN_PASSWORD", "short"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_ADMIN_PASSWORD");
        assertThatThrownBy(() -> AuthSettings.fromEnv(new Env(Map.of("PARKLEIT_SESSION_TTL", "1m"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_SESSION_TTL");
        assertThatThrownBy(() -> AuthSettings.fromEnv(new Env(Map.of("PARKLEIT_USERS_FILE", dir.resolve("nope").toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PARKLEIT_USERS_FILE");
    }
}
