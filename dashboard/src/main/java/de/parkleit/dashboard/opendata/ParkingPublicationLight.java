package de.parkleit.dashboard.opendata;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.facility.FacilityType;
import de.parkleit.core.live.LiveBoard;
import de.parkleit.dashboard.live.FacilityJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * DATEX II "Parking Publication Light" 02-00-00 in its JSON encoding (JSON Schema draft 7,
 * {@code DATEXII_3_D2Payload.json}): {@code _modelBaseVersion} and {@code parkingPublicationLight} with
 * one {@code parkingSite} per facility. Enumerations are objects {@code {"value": …}}.
 * <p>
 * One document, static and dynamic together: the schema has a single publication type whose
 * {@code ParkingSite} requires {@code type} and {@code locationAndDimension} in every record, so a
 * status-only document would repeat the static part anyway. Per site: {@code numberOfSpaces},
 * {@code availableSpaces} and {@code occupancyTrend} only while the count is current and the site is
 * not closed, {@code isOpenNow} when known, {@code temporaryClosed} for an operator closure (its reason
 * and end in {@code _parkingSiteExtension}), {@code lastUpdate} from the last reading,
 * {@code openingTimesDescription} (OpenStreetMap syntax) and {@code urlLinkAddress} where known.
 * Licence and attribution are in {@code _parkingPublicationLightExtension}, which the schema leaves open.
 */
public final class ParkingPublicationLight {

    private ParkingPublicationLight() {
    }

    public static JsonObject write(LiveBoard view, String city, OpenDataLicence licence, Instant documentTime) {
        JsonArray sites = new JsonArray();
        for (Facility f : view.facilities()) {
            sites.add(site(f, FacilityJson.of(view, f.id())));
        }
        JsonObject publication = new JsonObject()
                .put("lang", "de")
                .put("publicationTime", documentTime.toString())
                .put("publicationCreator", new JsonObject().put("country", "DE").put("nationalIdentifier", "parkleit"))
                .put("name", "parkleit – " + city)
                .put("description", "Parking sites of " + city + " with live occupancy. Licence: " + licence.name()
                        + " (" + licence.url() + "); attribution: " + licence.attributionFor(city))
                .put("parkingSite", sites)
                .put("_parkingPublicationLightExtension", new JsonObject()
                        .put("license", licence.name()).put("licenseUrl", licence.url())
                        .put("attribution", licence.attributionFor(city)));
        return new JsonObject().put("_modelBaseVersion", "3").put("parkingPublicationLight", publication);
    }

    private static JsonObject site(Facility f, JsonObject live) {
        ExportState st = ExportState.of(live);
        JsonObject location = new JsonObject()
                .put("coordinatesForDisplay", new JsonObject().put("latitude", f.lat()).put("longitude", f.lon()));
        if (!f.address().isEmpty()) {
            location.put("locationDescriptor", f.address().replace('\n', ','));
        }
        JsonObject s = new JsonObject().put("_id", f.id());
        String updated = live.getString("updatedAt");
        if (updated != null) {
            s.put("lastUpdate", updated);
        }
        s.put("type", enumValue(siteType(f.type()))).put("name", f.name());
        if (!f.openingHours().isEmpty()) {
            s.put("openingTimesDescription", new JsonArray().add(f.openingHours()));
        }
        if (st.closed()) {
            s.put("isOpenNow", false);
        } else if (st.knownOpen()) {
            s.put("isOpenNow", true);
        }
        s.put("temporaryClosed", st.closed() && st.operatorClosed());
        if (!f.url().isEmpty()) {
            s.put("urlLinkAddress", f.url());
        }
        s.put("numberOfSpaces", live.getInteger("capacity"));
        if (st.current() && !st.closed()) {
            s.put("availableSpaces", Math.max(0, st.free()));
            s.put("occupancyTrend", enumValue(trend(live.getString("trend"))));
        }
        if (f.type() == FacilityType.PARK_AND_RIDE) {
            s.put("assignedFor", new JsonArray().add(new JsonObject()
                    .put("typeOfAssignment", enumValue("optimisedFor")).put("user", enumValue("parkAndRideUsers"))));
        }
        s.put("locationAndDimension", location);
        JsonObject op = live.getJsonObject("operation");
        if (op != null) {
            s.put("_parkingSiteExtension", new JsonObject().put("operatorStatus", op.getString("status"))
                    .put("reason", op.getString("reason")).put("until", op.getString("until")));
        }
        return s;
    }

    private static JsonObject enumValue(String v) {
        return new JsonObject().put("value", v);
    }

    private static String siteType(FacilityType t) {
        return switch (t) {
            case GARAGE, UNDERGROUND -> "carPark";
            case LOT, PARK_AND_RIDE -> "offStreetParkingGround";
            case ON_STREET -> "onStreet";
            case OTHER -> "other";
        };
    }

    private static String trend(String t) {
        return switch (t == null ? "" : t) {
            case "filling" -> "increasing";
            case "emptying" -> "decreasing";
            case "steady" -> "stable";
            default -> "unknown";
        };
    }
}
