package de.parkleit.dashboard.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.parkleit.dashboard.opendata.OtpParkApiReader.OtpLot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ParkAPI v1 city document read with OpenTripPlanner's parse rules ({@link OtpParkApiReader}). */
class ParkApiJsonTest {

    static Map<String, OtpLot> readLikeOtp(String json) throws Exception {
        return OtpParkApiReader.read(json);
    }

    private static String export() {
        return ParkApiJson.city(ExportCity.board(), "Heidelberg", OpenDataLicence.defaults(), ExportCity.NOW).encode();
    }

    @Test
    void theReaderFollowsOtpOnWhatTheOldExportGotWrong() throws Exception {
        assertThatThrownBy(() -> readLikeOtp("{\"lots\":[{\"id\":\"a\",\"name\":\"A\",\"total\":10}]}"))
                .as("a lot without state breaks OTP's update").isInstanceOf(NullPointerException.class);
        assertThat(readLikeOtp("{\"lots\":[{\"id\":\"a\",\"state\":\"nodata\",\"free\":null}]}").get("a").free())
                .as("a null free reads as 0: full").isZero();
    }

    @Test
    void everyLotHasAStateAndOnlyCurrentCountsAreSent() throws Exception {
        Map<String, OtpLot> lots = readLikeOtp(export());
        assertThat(lots).hasSize(ExportCity.facilities().size());
        assertThat(lots.get("open").free()).isEqualTo(150);
        assertThat(lots.get("open").capacity()).isEqualTo(200);
        assertThat(lots.get("full").free()).isZero();
        for (String id : new String[] {"silent", "stale", "stalecount"}) {
            assertThat(lots.get(id).free()).as(id + ": no count, not a full lot").isNull();
            assertThat(lots.get(id).closed()).as(id).isFalse();
            assertThat(lots.get(id).capacity()).as(id).isPositive();
        }
    }

    @Test
    void closedAndOperatorClosedLotsAreClosedForOtp() throws Exception {
        Map<String, OtpLot> lots = readLikeOtp(export());
        for (String id : new String[] {"closed", "opclosed", "reserved"}) {
            assertThat(lots.get(id).closed()).as(id).isTrue();
            assertThat(lots.get(id).free()).as(id).isNull();
        }
        assertThat(lots.get("open").closed()).isFalse();
    }

    @Test
    void openingHoursUrlNamesAndPositionsComeThrough() throws Exception {
        Map<String, OtpLot> lots = readLikeOtp(export());
        OtpLot open = lots.get("open");
        assertThat(open.name()).isEqualTo(ExportCity.TRICKY_NAME);
        assertThat(open.openingHours()).isEqualTo("Mo-Sa 07:00-23:00; Su off");
        assertThat(open.detailsUrl()).isEqualTo("https://parken.example/open?a=1&b=2");
        assertThat(open.lat()).isEqualTo(49.41);
        assertThat(open.lon()).isEqualTo(8.69);
        assertThat(lots.get("pr").openingHours()).isEqualTo("24/7");
        assertThat(lots.get("pr").detailsUrl()).as("unknown url: no key").isNull();
        assertThat(lots.get("full").openingHours()).isNull();
    }

    @Test
    void stateNamesAreTheParkApiOnes() throws Exception {
        JsonNode root = new ObjectMapper().readTree(export());
        Map<String, String> states = new LinkedHashMap<>();
        root.path("lots").forEach(l -> states.put(l.get("id").asText(), l.get("state").asText()));
        assertThat(states).containsEntry("open", "open").containsEntry("silent", "nodata").containsEntry("stale", "nodata")
                .containsEntry("closed", "closed").containsEntry("opclosed", "closed");
        assertThat(root.path("lots").get(2).has("free")).as("no free key at all, not null").isFalse();
        assertThat(root.get("last_updated").asText()).isEqualTo("2026-11-26T11:59:30Z");
        assertThat(root.get("license").asText()).isEqualTo("dl-de/by-2-0");
    }
}
