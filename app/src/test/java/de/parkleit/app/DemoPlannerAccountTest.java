package de.parkleit.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.dashboard.auth.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPlannerAccountTest {

    @Test
    void generatedOnceWrittenToTheDataFolderAndKeptAcrossRestarts(@TempDir Path data) throws Exception {
        DemoPlannerAccount first = DemoPlannerAccount.inDataDir(data);
        assertThat(first.user()).isEqualTo("demo-planner");
        assertThat(first.password()).hasSize(16).matches("[A-Za-z0-9]+");
        assertThat(first.file()).isEqualTo(data.resolve("demo-planner-credentials.txt"));
        assertThat(Files.readString(first.file())).contains("password=" + first.password(), "serve` never does");
        assertThat(first.toString()).doesNotContain(first.password());

        DemoPlannerAccount again = DemoPlannerAccount.inDataDir(data);
        assertThat(again.password()).isEqualTo(first.password());
        assertThat(PasswordHash.verify(first.password().toCharArray(), again.plannerUser().passwordHash())).isTrue();
        assertThat(again.plannerUser().roles()).containsExactlyInAnyOrder("planner", "operator");

        Files.delete(first.file());
        assertThat(DemoPlannerAccount.inDataDir(data).password()).isNotEqualTo(first.password());
    }
}
