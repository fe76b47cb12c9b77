package de.parkleit.dashboard.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ParkAPI v1 city document read the way OpenTripPlanner's {@code park-api} vehicle-parking updater
 * reads it ({@code ParkAPIUpdater} / {@code CarParkAPIUpdater}, re-implemented here from reading its
 * source, on Jackson's {@code JsonNode} like OTP): the lots are under {@code lots}; {@code state} is read
 * unconditionally ({@code get("state").asText()}, so a lot without it breaks the update) and only
 * {@code closed} means closed; capacity is {@code total}, availability {@code free}, each taken as
 * {@code asInt()} whenever the key is present (so {@code "free": null} reads as 0 free, i.e. full); the
 * position is {@code coords.lat}/{@code coords.lng}; the id is {@code id}; {@code opening_hours} (OSM
 * syntax, blank = none) and {@code url} are optional.
 */
class ParkApiJsonTest {

    /** What OTP keeps of one lot. */
    record OtpLot(String id, String name, boolean closed, Integer capacity, Integer free, double lat, double lon,
                  String openingHours, String detailsUrl) {
    }

    static Map<String, OtpLot> readLikeOtp(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        Map<String, OtpLot> out = new LinkedHashMap<>();
        for (JsonNode lot : root.path("lots")) {
            String state = lot.get("state").asText(); // NullPointerException without "state", as in OTP
            Integer total = lot.has("total") ? lot.get("total").asInt() : null;
            Integer free = lot.has("free") ? lot.get("free").asInt() : null;
            JsonNode oh = lot.path("opening_hours");
            String id = lot.has("id") ? lot.path("id").asText() : lot.get("name") + "/" + lot.path("coords").path("lng").asDouble();
            out.put(id, new OtpLot(id, lot.path("name").asText(), state.equals("closed"), total, free,
                    lot.path("coords").path("lat").asDouble(), lot.path("coords").path("lng").asDouble(),
                    oh.isMissingNode() || oh.asText().isBlank() ? null : oh.asText(),
                    lot.has("url") ? lot.get("url").asText() : null));
        }
        return out;
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
