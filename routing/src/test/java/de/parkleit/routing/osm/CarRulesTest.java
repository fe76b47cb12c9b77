package de.parkleit.routing.osm;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.routing.graph.RoadClass;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CarRulesTest {

    private final CarRules rules = new CarRules();

    private static Map<String, String> tags(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void drivesOrdinaryStreetsBothWays() {
        WayRule r = rules.evaluate(tags("highway", "residential"));
        assertThat(r.forward()).isTrue();
        assertThat(r.backward()).isTrue();
        assertThat(r.roadClass()).isEqualTo(RoadClass.RESIDENTIAL);
        assertThat(r.forwardKmh()).isEqualTo(30 * CarRules.LIMIT_SHARE);
    }

    @Test
    void honoursOnewayVariants() {
        assertThat(rules.evaluate(tags("highway", "primary", "oneway", "yes")).backward()).isFalse();
        WayRule reverse = rules.evaluate(tags("highway", "primary", "oneway", "-1"));
        assertThat(reverse.forward()).isFalse();
        assertThat(reverse.backward()).isTrue();
        assertThat(rules.evaluate(tags("highway", "tertiary", "junction", "roundabout")).backward()).isFalse();
        assertThat(rules.evaluate(tags("highway", "motorway")).backward()).isFalse();
        assertThat(rules.evaluate(tags("highway", "motorway", "oneway", "no")).backward()).isTrue();
        assertThat(rules.evaluate(tags("highway", "secondary", "oneway", "reversible"))).isNull();
        assertThat(rules.evaluate(tags("highway", "residential", "motor_vehicle:backward", "no")).backward()).isFalse();
    }

    @Test
    void skipsWaysCarsMayNotUse() {
        assertThat(rules.evaluate(tags("highway", "footway"))).isNull();
        assertThat(rules.evaluate(tags("highway", "residential", "access", "private"))).isNull();
        assertThat(rules.evaluate(tags("highway", "service", "motor_vehicle", "agricultural;forestry"))).isNull();
        assertThat(rules.evaluate(tags("highway", "pedestrian"))).isNull();
        assertThat(rules.evaluate(tags("highway", "pedestrian", "motor_vehicle", "yes"))).isNotNull();
        assertThat(rules.evaluate(tags("highway", "residential", "access", "no", "motorcar", "yes"))).isNotNull();
        assertThat(rules.evaluate(tags("highway", "track", "tracktype", "grade5"))).isNull();
    }

    @Test
    void takesSpeedsFromLimitsZonesAndClassDefaults() {
        assertThat(rules.evaluate(tags("highway", "primary", "maxspeed", "70")).forwardKmh()).isEqualTo(63.0);
        assertThat(rules.evaluate(tags("highway", "residential", "zone:maxspeed", "DE:30")).forwardKmh()).isEqualTo(27.0);
        assertThat(rules.evaluate(tags("highway", "secondary", "maxspeed", "DE:urban")).forwardKmh()).isEqualTo(45.0);
        WayRule split = rules.evaluate(tags("highway", "primary", "maxspeed", "50", "maxspeed:backward", "30"));
        assertThat(split.forwardKmh()).isEqualTo(45.0);
        assertThat(split.backwardKmh()).isEqualTo(27.0);
        assertThat(rules.evaluate(tags("highway", "motorway", "maxspeed", "none")).forwardKmh()).isEqualTo(117.0);
    }
}
