package de.parkleit.guidance.signs;

import de.parkleit.core.sign.Arrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.facility.Facility;
import de.parkleit.routing.network.TestNetworks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo city's sign file against its road network. */
class HeidelbergSignsTest {

    private static List<Sign> signs;
    private static Map<String, Facility> facilities;
    private static SignRoutes routes;

    @BeforeAll
    static void load() {
        facilities = TestNetworks.heidelbergFacilities().stream().collect(Collectors.toMap(Facility::id, Function.identity()));
        signs = SignsFile.read(TestNetworks.repoFile("cities/heidelberg/signs.geojson"), facilities.keySet());
        routes = new SignRoutes(TestNetworks.heidelbergCar());
    }

    private static Sign sign(String id) {
        return signs.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Arrow arrow(String sign, String facility) {
        return routes.decision(sign(sign), facilities.get("heidelberg" + facility)).arrow();
    }

    @Test
    void everySignStandsOnARoadInItsHeadingAndReachesItsFacilitiesWithoutTurningBack() {
        assertThat(signs).hasSizeBetween(9, 12);
        for (Sign s : signs) {
            assertThat(routes.place(s).distanceMeters()).as(s.id()).isLessThan(SignRoutes.MAX_SIGN_DISTANCE_M);
            for (String fid : s.facilities()) {
                TurnDecision d = routes.decision(s, facilities.get(fid));
                assertThat(d.arrow()).as(s.id() + " -> " + fid).isNotEqualTo(Arrow.NONE);
                assertThat(Math.abs(d.turnDegrees())).as(s.id() + " -> " + fid + " turns back").isLessThan(150);
            }
        }
    }

    @Test
    void speyererStrasseSendsBgRciLeftIntoLessingstrasseAndTheRestStraightOn() {
        TurnDecision d = routes.decision(sign("hd-s01-speyerer"), facilities.get("heidelbergp18bgrci"));
        assertThat(d.arrow()).isEqualTo(Arrow.LEFT);
        assertThat(d.at().lat()).isCloseTo(49.40193, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(d.at().lon()).isCloseTo(8.68027, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(arrow("hd-s01-speyerer", "p1poststrasse")).isEqualTo(Arrow.STRAIGHT);
        assertThat(arrow("hd-s01-speyerer", "p15klinikumbergheim")).isEqualTo(Arrow.STRAIGHT);
    }

    @Test
    void atTheSouthEndOfTheTheodorHeussBridgeTheRoutesForkAtBismarckplatz() {
        assertThat(arrow("hd-s05-theodor-heuss", "p4darmstaedterhof")).isEqualTo(Arrow.SLIGHT_RIGHT);
        assertThat(arrow("hd-s05-theodor-heuss", "p0ambismarckplatz")).isEqualTo(Arrow.SLIGHT_LEFT);
        assertThat(arrow("hd-s11-neckarstaden", "p8kongresshaus")).isEqualTo(Arrow.LEFT);
        assertThat(arrow("hd-s11-neckarstaden", "p9amtheater")).isEqualTo(Arrow.STRAIGHT);
    }

    @Test
    void rejectsSignsNamingUnknownFacilitiesOrWithoutHeading() {
        String unknown = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                + "\"coordinates\":[8.68,49.40]},\"properties\":{\"id\":\"s1\",\"heading\":10,\"facilities\":[\"nope\"]}}]}";
        assertThatThrownBy(() -> SignsFile.parse(new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8)), "x.geojson",
                Set.of("p1"))).hasMessageContaining("x.geojson: feature 0 (s1): unknown facility nope");
        String noHeading = unknown.replace("\"heading\":10,", "");
        assertThatThrownBy(() -> SignsFile.parse(new ByteArrayInputStream(noHeading.getBytes(StandardCharsets.UTF_8)), "x.geojson",
                Set.of("nope"))).hasMessageContaining("'heading'");
    }

    @Test
    void aSignFacingAgainstAOneWayRoadIsRejected() {
        Sign wrong = new Sign("w", "w", 49.41500, 8.67633, 0, List.of("heidelbergp1poststrasse"), Sign.Display.COUNT);
        assertThatThrownBy(() -> routes.place(wrong)).hasMessageContaining("no road near it runs with heading 0");
    }
}
