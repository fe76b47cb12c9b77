package de.parkleit.core.topic;

import de.parkleit.core.Ids;
import java.util.Objects;
import java.util.Optional;

/**
 * Topic names of wire contract v1 under a root (default {@code parkleit/v1}). Tests use their own
 * root so they can share a broker.
 */
public record Topics(String root) {

    public static final String DEFAULT_ROOT = "parkleit/v1";

    public Topics {
        Objects.requireNonNull(root, "root");
        if (root.isEmpty() || root.endsWith("/") || root.contains("#") || root.contains("+")) {
            throw new IllegalArgumentException("topic root must be non-empty, without wildcards or trailing '/': " + root);
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_ROOT);
    }

    public String occupancy(String facilityId) {
        return root + "/parking/" + Ids.require(facilityId, "facility id") + "/occupancy";
    }

    public String counts(String facilityId) {
        return root + "/parking/" + Ids.require(facilityId, "facility id") + "/counts";
    }

    public String space(String facilityId, String spaceId) {
        return root + "/parking/" + Ids.require(facilityId, "facility id") + "/spaces/" + Ids.require(spaceId, "space id");
    }

    public String traffic(String detectorId) {
        return root + "/traffic/" + Ids.require(detectorId, "detector id");
    }

    public String lorawanUplink(String app) {
        return root + "/lorawan/" + Ids.require(app, "lorawan app") + "/uplink";
    }

    public String facilityState(String facilityId) {
        return root + "/state/facility/" + Ids.require(facilityId, "facility id");
    }

    public String trafficState(String segmentId) {
        return root + "/state/traffic/" + Ids.require(segmentId, "segment id");
    }

    public String sign(String signId) {
        return root + "/signs/" + Ids.require(signId, "sign id");
    }

    /** {@code {root}/signs/{id}/ack}: what a sign bridge reports the sign displays (retained, {@code SignAckCodec}). */
    public String signAck(String signId) {
        return sign(signId) + "/ack";
    }

    /** {@code {root}/signs/+/ack}: every sign's ack. */
    public String signAckFilter() {
        return root + "/signs/+/ack";
    }

    /** Operator override of a facility (closed/reserved with reason and end time), retained; empty payload clears it. */
    public String facilityOperation(String facilityId) {
        return root + "/ops/facility/" + Ids.require(facilityId, "facility id");
    }

    public String facilityOperationFilter() {
        return root + "/ops/facility/+";
    }

    public String deadLetterFilter() {
        return root + "/deadletter/+";
    }

    public String deadLetter(String reason) {
        return root + "/deadletter/" + Ids.require(reason, "reason");
    }

    /** Filters ingest subscribes to (gateway input). */
    public String parkingInputFilter() {
        return root + "/parking/#";
    }

    public String trafficInputFilter() {
        return root + "/traffic/#";
    }

    public String lorawanInputFilter() {
        return root + "/lorawan/+/uplink";
    }

    public String facilityStateFilter() {
        return root + "/state/facility/+";
    }

    public String trafficStateFilter() {
        return root + "/state/traffic/+";
    }

    public String signFilter() {
        return root + "/signs/+";
    }

    /** {@code {root}/guidance/issued}: recommendations shared between guidance instances (QoS 1, not retained). */
    public String guidanceIssued() {
        return root + "/guidance/issued";
    }

    /** {@code {root}/ingest/sync/{client}}: the marker an ingest instance sends itself to know its retained states arrived. */
    public String ingestSync(String clientId) {
        return root + "/ingest/sync/" + clientId.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** {@code {root}/senml/{gateway}}: a SenML pack of one gateway. */
    public String senml(String gateway) {
        return senmlPrefix() + gateway;
    }

    /** The filter of SenML topics: {@code {root}/senml/+}. */
    public String senmlFilter() {
        return root + "/senml/+";
    }

    /** What every SenML topic starts with: {@code {root}/senml/}; the rest is the gateway. */
    public String senmlPrefix() {
        return root + "/senml/";
    }

    /** Wraps a filter in a shared subscription of {@code group}, or returns it unchanged if group is null/blank. */
    public static String shared(String group, String filter) {
        if (group == null || group.isBlank()) {
            return filter;
        }
        return "$share/" + group + "/" + filter;
    }

    /** Classifies an incoming topic under this root; empty if it is not one of the v1 input or state topics. */
    public Optional<TopicMatch> match(String topic) {
        if (topic == null || !topic.startsWith(root + "/")) {
            return Optional.empty();
        }
        String[] p = topic.substring(root.length() + 1).split("/", -1);
        TopicMatch m = null;
        if (p.length == 3 && p[0].equals("parking") && p[2].equals("occupancy")) {
            m = new TopicMatch(TopicKind.OCCUPANCY, p[1], null);
        } else if (p.length == 3 && p[0].equals("parking") && p[2].equals("counts")) {
            m = new TopicMatch(TopicKind.COUNTS, p[1], null);
        } else if (p.length == 4 && p[0].equals("parking") && p[2].equals("spaces")) {
            m = new TopicMatch(TopicKind.SPACE, p[1], p[3]);
        } else if (p.length == 2 && p[0].equals("traffic")) {
            m = new TopicMatch(TopicKind.TRAFFIC, p[1], null);
        } else if (p.length == 3 && p[0].equals("lorawan") && p[2].equals("uplink")) {
            m = new TopicMatch(TopicKind.LORAWAN_UPLINK, p[1], null);
        } else if (p.length == 3 && p[0].equals("state") && p[1].equals("facility")) {
            m = new TopicMatch(TopicKind.FACILITY_STATE, p[2], null);
        } else if (p.length == 3 && p[0].equals("state") && p[1].equals("traffic")) {
            m = new TopicMatch(TopicKind.TRAFFIC_STATE, p[2], null);
        } else if (p.length == 2 && p[0].equals("signs")) {
            m = new TopicMatch(TopicKind.SIGN, p[1], null);
        } else if (p.length == 3 && p[0].equals("signs") && p[2].equals("ack")) {
            m = new TopicMatch(TopicKind.SIGN_ACK, p[1], null);
        } else if (p.length == 3 && p[0].equals("ops") && p[1].equals("facility")) {
            m = new TopicMatch(TopicKind.FACILITY_OPERATION, p[2], null);
        } else if (p.length == 2 && p[0].equals("deadletter")) {
            m = new TopicMatch(TopicKind.DEAD_LETTER, p[1], null);
        }
        if (m == null || !Ids.isValid(m.id()) || (m.subId() != null && !Ids.isValid(m.subId()))) {
            return Optional.empty();
        }
        return Optional.of(m);
    }
}
