package de.parkleit.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.core.reading.TrafficReading;
import de.parkleit.core.topic.Topics;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GatewayEncoderTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant TS = Instant.parse("2026-11-28T12:00:00Z");
    final GatewayEncoder enc = new GatewayEncoder(Topics.defaults(), "sim-app");

    static JsonNode json(WireMessage m) throws Exception {
        return JSON.readTree(m.payload());
    }

    @Test
    void nativeUsesTheV1TopicsAndCodec() throws Exception {
        WireMessage m = enc.encode(new OccupancyReading("p1", TS, 12, 100, FacilityStatus.OPEN), PayloadFormat.NATIVE);
        assertThat(m.topic()).isEqualTo("parkleit/v1/parking/p1/occupancy");
        assertThat(json(m).get("free").asInt()).isEqualTo(12);
        assertThat(enc.encode(new CountsReading("p1", TS, 3, 1, 7), PayloadFormat.NATIVE).topic()).isEqualTo("parkleit/v1/parking/p1/counts");
        assertThat(enc.encode(new SpaceReading("p1", "s4", TS, true), PayloadFormat.NATIVE).topic()).isEqualTo("parkleit/v1/parking/p1/spaces/s4");
        assertThat(enc.encode(new TrafficReading("d1", TS, 60, 14, 31.5, 12.0), PayloadFormat.NATIVE).topic()).isEqualTo("parkleit/v1/traffic/d1");
    }

    @Test
    void ttnUplinkCarriesDecodedPayloadWithIdsAndTheNativeJsonInBase64() throws Exception {
        WireMessage m = enc.encode(new SpaceReading("p1", "s4", TS, true), PayloadFormat.TTN);
        assertThat(m.topic()).isEqualTo("parkleit/v1/lorawan/sim-app/uplink");
        JsonNode n = json(m);
        assertThat(n.at("/end_device_ids/device_id").asText()).isEqualTo("p1-s4");
        assertThat(n.at("/end_device_ids/application_ids/application_id").asText()).isEqualTo("sim-app");
        assertThat(n.at("/end_device_ids/dev_eui").asText()).matches("[0-9A-F]{16}");
        assertThat(n.at("/received_at").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(n.at("/uplink_message/decoded_payload/type").asText()).isEqualTo("space");
        assertThat(n.at("/uplink_message/decoded_payload/facility").asText()).isEqualTo("p1");
        assertThat(n.at("/uplink_message/decoded_payload/space").asText()).isEqualTo("s4");
        assertThat(n.at("/uplink_message/decoded_payload/occupied").asBoolean()).isTrue();
        assertThat(n.at("/uplink_message/f_cnt").asLong()).isEqualTo(1);
        JsonNode raw = JSON.readTree(Base64.getDecoder().decode(n.at("/uplink_message/frm_payload").asText()));
        assertThat(raw.get("ts").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(json(enc.encode(new SpaceReading("p1", "s4", TS, false), PayloadFormat.TTN)).at("/uplink_message/f_cnt").asLong()).isEqualTo(2);
    }

    @Test
    void chirpstackUplinkHasDeviceInfoTimeAndObject() throws Exception {
        JsonNode n = json(enc.encode(new CountsReading("p2", TS, 3, 1, 9), PayloadFormat.CHIRPSTACK));
        assertThat(n.at("/deviceInfo/deviceName").asText()).isEqualTo("p2");
        assertThat(n.at("/deviceInfo/applicationName").asText()).isEqualTo("sim-app");
        assertThat(n.at("/time").asText()).isEqualTo("2026-11-28T12:00:00Z");
        assertThat(n.at("/object/type").asText()).isEqualTo("counts");
        assertThat(n.at("/object/entered").asInt()).isEqualTo(3);
        assertThat(n.at("/object/seq").asLong()).isEqualTo(9);
        assertThat(n.at("/fPort").asInt()).isEqualTo(1);
    }

    @Test
    void senmlIsAnArrayOfRecordsWithBaseNameAndBaseTime() throws Exception {
        WireMessage m = enc.encode(new OccupancyReading("p1", TS, 12, 100, FacilityStatus.OPEN), PayloadFormat.SENML);
        assertThat(m.topic()).isEqualTo("parkleit/v1/parking/p1/occupancy");
        JsonNode a = json(m);
        assertThat(a.isArray()).isTrue();
        assertThat(a.get(0).get("bn").asText()).isEqualTo("urn:parkleit:p1:");
        assertThat(a.get(0).get("bt").asDouble()).isEqualTo(TS.getEpochSecond());
        assertThat(a.findValuesAsText("n")).containsExactly("free", "capacity", "status");
        assertThat(a.get(0).get("v").asInt()).isEqualTo(12);
        assertThat(a.get(2).get("vs").asText()).isEqualTo("open");
        JsonNode space = json(enc.encode(new SpaceReading("p1", "s4", TS, true), PayloadFormat.SENML));
        assertThat(space.get(0).get("bn").asText()).isEqualTo("urn:parkleit:p1:s4:");
        assertThat(space.get(0).get("vb").asBoolean()).isTrue();
    }
}
