package de.parkleit.guidance;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.network.TestNetworks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** The demo city wired for planner tests: its garages, its road network, a clock the test moves. */
final class GuidanceFixture {

    static final Instant T0 = Instant.parse("2026-11-28T11:00:00Z");
    /** Bismarckplatz, the west end of the old town. */
    static final GeoPoint BISMARCKPLATZ = new GeoPoint(49.40925, 8.69325);
    /** Eppelheimer Straße at the western edge of the cut: a trip into the centre from the west. */
    static final GeoPoint WEST = new GeoPoint(49.4058, 8.6610);
    /** Universitätsplatz in the old town. */
    static final GeoPoint UNIVERSITAETSPLATZ = new GeoPoint(49.41043, 8.70627);

    final List<Facility> facilities = TestNetworks.heidelbergFacilities();
    final MutableClock clock = new MutableClock(T0);
    final LiveFacilities live;
    final TrendForecast forecast = new TrendForecast();
    final IssuedLedger ledger = new IssuedLedger();
    final GuidanceConfig config;
    final GuidancePlanner planner;

    GuidanceFixture() {
        this(GuidanceConfig.defaults("test/parkleit/v1", "test"));
    }

    GuidanceFixture(GuidanceConfig config) {
        this.config = config;
        this.live = new LiveFacilities(facilities, config.staleAfter());
        this.planner = new GuidancePlanner(config, live, forecast,
                new NetworkDriveRouter(TestNetworks.heidelbergCar(), facilities),
                new CrowFlyWalk(config.walkDetour(), config.walkSpeedKmh()), ledger, SearchTimeCurve.DEFAULT, clock);
    }

    /** Every facility open with {@code share} of its capacity free, reported now. */
    GuidanceFixture allFree(double share) {
        for (Facility f : facilities) {
            set(f.id(), (int) Math.round(f.capacity() * share), FacilityStatus.OPEN);
        }
        return this;
    }

    GuidanceFixture set(String id, Integer free, FacilityStatus status) {
        Facility f = facility(id);
        FacilityState s = new FacilityState(id, free, f.capacity(), status, Trend.STEADY, clock.instant(), Set.of());
        live.apply(s);
        forecast.observe(s);
        return this;
    }

    Facility facility(String id) {
        return facilities.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    /** A clock tests move forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
