package de.parkleit.routing.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.util.CustomModel;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.graph.RoadGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shortest distances against GraphHopper 11 on the centre cut: 250 random pairs of junctions of
 * our car graph, GraphHopper's car access with a constant speed (so its fastest route is the
 * shortest), no turn costs on either side. At least 95 % must agree within 1 %.
 *
 * <p>Known causes of larger differences, each checked by hand on the disagreements this test printed:
 * <ul>
 *   <li>Barrier nodes. Both engines cut ways at car barriers, but GraphHopper ignores barriers on
 *       junction nodes and treats a way ending at a barrier differently; when an endpoint is the
 *       barrier itself (seed 20261126: 49.406156,8.674977 is the {@code barrier=lift_gate,
 *       vehicle=permit} node 2865556820) we reach it from the open side over Alte Eppelheimer
 *       Straße (1553.5 m), GraphHopper from the parking aisle behind it (1689.9 m). This was the
 *       only disagreement: 249 of 250 pairs agree.</li>
 *   <li>Conditional access. Both count {@code motor_vehicle=no} with
 *       {@code motor_vehicle:conditional=destination @ (…)} as open (Alte Brücke); before we did so,
 *       27 of 250 pairs differed.</li>
 *   <li>Snapping at junctions: a point within 1 m of a junction is the junction (GraphHopper
 *       snaps to its tower node likewise); snapping it to the start of a one-way edge used to
 *       force detours.</li>
 *   <li>Implied one-way on {@code motorway_link} and skipped {@code oneway=reversible} ways (we)
 *       versus explicit tags only (GraphHopper); none on the centre cut.</li>
 * </ul>
 */
class GraphHopperAgreementTest {

    private static GraphHopper hopper;

    @BeforeAll
    static void importIntoGraphHopper(@TempDir Path dir) {
        hopper = new GraphHopper();
        hopper.setOSMFile(TestNetworks.heidelbergCut().toString());
        hopper.setGraphHopperLocation(dir.resolve("gh").toString());
        hopper.setEncodedValuesString("car_access, car_average_speed");
        CustomModel shortest = new CustomModel()
                .addToPriority(Statement.If("!car_access", Statement.Op.MULTIPLY, "0"))
                .addToSpeed(Statement.If("true", Statement.Op.LIMIT, "50"))
                .setDistanceInfluence(0d);
        hopper.setProfiles(new Profile("shortest").setCustomModel(shortest));
        hopper.importOrLoad();
    }

    @AfterAll
    static void close() {
        hopper.close();
    }

    @Test
    void agreesWithGraphHopperOnShortestDistances() {
        RoadNetwork net = TestNetworks.heidelbergCar();
        RoadGraph g = net.graph();
        Random rnd = new Random(20261126);
        int pairs = 250;
        int agree = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            int a = rnd.nextInt(g.nodeCount());
            int b = rnd.nextInt(g.nodeCount());
            GeoPoint from = new GeoPoint(g.lat(a), g.lon(a));
            GeoPoint to = new GeoPoint(g.lat(b), g.lon(b));
            double ours = net.route(from, to, Optimize.DISTANCE).distanceMeters();
            GHResponse rsp = hopper.route(new GHRequest(from.lat(), from.lon(), to.lat(), to.lon()).setProfile("shortest"));
            double theirs = rsp.hasErrors() ? Double.NaN : rsp.getBest().getDistance();
            if (Math.abs(ours - theirs) <= 0.01 * Math.max(theirs, 1)) {
                agree++;
            } else {
                disagreements.add(String.format(Locale.ROOT, "%.6f,%.6f -> %.6f,%.6f ours %.1f m, GraphHopper %s",
                        from.lat(), from.lon(), to.lat(), to.lon(), ours,
                        rsp.hasErrors() ? rsp.getErrors().toString() : String.format(Locale.ROOT, "%.1f m", theirs)));
            }
        }
        disagreements.forEach(System.out::println);
        System.out.println("agree " + agree + " / " + pairs);
        assertThat(agree).as("pairs within 1 %% of GraphHopper: %s", disagreements).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * pairs));
    }
}
