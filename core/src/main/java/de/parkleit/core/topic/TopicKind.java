package de.parkleit.core.topic;

/** The kinds of v1 topics. */
public enum TopicKind {
    OCCUPANCY, COUNTS, SPACE, TRAFFIC, LORAWAN_UPLINK, FACILITY_STATE, TRAFFIC_STATE, SIGN, SIGN_ACK, FACILITY_OPERATION, DEAD_LETTER
}
