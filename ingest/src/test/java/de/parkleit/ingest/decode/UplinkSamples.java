package de.parkleit.ingest.decode;

/** Realistic uplink payloads of the network servers (shapes as documented by The Things Stack v3 and ChirpStack v4). */
final class UplinkSamples {

    private UplinkSamples() {
    }

    static final String TTS_SPACE = """
            {
              "end_device_ids": {
                "device_id": "bay-s7",
                "application_ids": {"application_id": "parking-sensors"},
                "dev_eui": "0004A30B001C0530",
                "join_eui": "800000000000000C",
                "dev_addr": "00BCB929"
              },
              "correlation_ids": ["as:up:01E0WVYWJTQNGFYV7BT60N5ZW6"],
              "received_at": "2026-11-26T12:00:01.787Z",
              "uplink_message": {
                "session_key_id": "AXBSH1Pk6Z0G166RHF2xRg==",
                "f_port": 2,
                "f_cnt": 1234,
                "frm_payload": "AQ==",
                "decoded_payload": {"occupied": true, "battery": 3.6},
                "rx_metadata": [{
                  "gateway_ids": {"gateway_id": "gw-altstadt", "eui": "B827EBFFFE61A2C4"},
                  "time": "2026-11-26T12:00:01.543Z",
                  "rssi": -83, "channel_rssi": -83, "snr": 7.5
                }],
                "settings": {"data_rate": {"lora": {"bandwidth": 125000, "spreading_factor": 7}}, "frequency": "868100000"},
                "received_at": "2026-11-26T12:00:01.557Z",
                "consumed_airtime": "0.046336s"
              }
            }""";

    static final String CHIRPSTACK_COUNTS = """
            {
              "deduplicationId": "3ac7e3c4-4401-4b8d-9386-a5c902f9202d",
              "time": "2026-11-26T12:00:02.775023242+00:00",
              "deviceInfo": {
                "tenantId": "52f14cd4-c6f1-4fbd-8f87-4025e1d49242",
                "tenantName": "Stadtwerke",
                "applicationId": "17c82e96-be03-4f38-aef3-f83d48582d97",
                "applicationName": "barrier-counters",
                "deviceProfileId": "14855bf7-d10d-4aee-b618-ebfcb64dc7ad",
                "deviceProfileName": "counter",
                "deviceName": "p3-entry",
                "devEui": "70b3d57ed0005678",
                "tags": {}
              },
              "devAddr": "00189440",
              "dr": 1,
              "fCnt": 77,
              "fPort": 1,
              "data": "AwE=",
              "object": {"entered": 3, "exited": 1},
              "rxInfo": [{"gatewayId": "0016c001f153a14c", "rssi": -60, "snr": 10.5}],
              "txInfo": {"frequency": 868100000}
            }""";

    static final String DEVICES = """
            # device,kind,id,space,field
            0004-A30B-001C-0530,space,P1,S7
            70B3D57ED0005678,counts,P1
            70B3D57ED0001234,occupancy,P1
            A84041000181C2F1,space,P1,S8,parking_status
            urn:dev:mac:0024befffe804ff1,traffic,D7
            """;
}
