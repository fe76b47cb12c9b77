package de.parkleit.platform.store.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestDbSqlTest {

    @Test
    void parsesQuestDbTimestampsLikeInstantParse() {
        for (String s : List.of("2026-11-26T12:34:56.123456Z", "1970-01-01T00:00:00.000000Z", "2024-02-29T23:59:59.999999Z")) {
            assertThat(QuestDbSql.instant(s)).isEqualTo(Instant.parse(s));
        }
        assertThat(QuestDbSql.instant("2026-11-26T12:00:00Z")).isEqualTo(Instant.parse("2026-11-26T12:00:00Z"));
        assertThatThrownBy(() -> QuestDbSql.instant("2026-11-26T12:3x:56.123456Z")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesOnlyValidIds() {
        assertThat(QuestDbSql.inList(List.of("P1", "a-b_c"))).isEqualTo("('P1', 'a-b_c')");
        assertThatThrownBy(() -> QuestDbSql.literal("x' OR '1'='1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuestDbSql.inList(List.of("P1", "P2');DROP TABLE t;--"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsRangesWithMicrosecondsAndSamplesByWholeSeconds() {
        assertThat(QuestDbSql.range(Instant.parse("2026-11-26T00:00:00Z"), Instant.parse("2026-11-26T01:00:00.0000019Z")))
                .isEqualTo("ts >= '2026-11-26T00:00:00.000000Z' AND ts < '2026-11-26T01:00:00.000001Z'");
        assertThat(QuestDbSql.sampleBy(Duration.ofMinutes(5))).isEqualTo(" SAMPLE BY 300s ALIGN TO CALENDAR");
        assertThatThrownBy(() -> QuestDbSql.sampleBy(Duration.ofSeconds(7))).isInstanceOf(IllegalArgumentException.class);
    }
}
