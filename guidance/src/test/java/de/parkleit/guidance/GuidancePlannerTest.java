package de.parkleit.guidance;

import static de.parkleit.guidance.GuidanceFixture.BISMARCKPLATZ;
import static de.parkleit.guidance.GuidanceFixture.UNIVERSITAETSPLATZ;
import static de.parkleit.guidance.GuidanceFixture.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.state.Trend;
import de.parkleit.routing.graph.GeoPoint;
import de.parkleit.routing.network.OutsideNetworkException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class GuidancePlannerTest {

    @Test
    void ranksTheGaragesNextToTheDestinationFirstWhenAllAreEquallyFree() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.5);
        GuidancePlan plan = fx.planner.plan(WEST, BISMARCKPLATZ, null);

        List<Candidate> ranked = plan.ranked();
        assertThat(ranked).hasSize(5).isSortedAccordingTo(Comparator.comparingDouble(Candidate::score));
        assertThat(plan.recommended().walk().meters()).as("best walk").isLessThan(300 * 1.3);
        assertThat(ranked).allSatisfy(c -> {
            assertThat(c.drive().seconds()).isBetween(60.0, 900.0);
            assertThat(c.drive().meters()).isGreaterThan(1500);
            assertThat(c.probabilityFree()).isGreaterThan(0.99);
            assertThat(c.facility().capacity()).isPositive();
        });
        assertThat(plan.issued().facilityId()).isEqualTo(plan.recommended().facility().id());
        assertThat(fx.ledger.pending(plan.issued().facilityId(), fx.clock.instant())).isEqualTo(1);
    }

    @Test
    void aNearlyFullGarageDropsBehindAFreeOneFarther() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.5);
        String first = fx.planner.plan(WEST, BISMARCKPLATZ, null).recommended().facility().id();
        GuidanceFixture fx2 = new GuidanceFixture().allFree(0.5);
        int cap = fx2.facility(first).capacity();
        fx2.set(first, (int) Math.round(cap * 0.08), FacilityStatus.OPEN);
        GuidancePlan plan = fx2.planner.plan(WEST, BISMARCKPLATZ, null);
        assertThat(plan.recommended().facility().id()).isNotEqualTo(first);
        plan.ranked().stream().filter(c -> c.facility().id().equals(first)).findFirst().ifPresent(c ->
                assertThat(c.searchSeconds()).isGreaterThan(plan.recommended().searchSeconds()));
    }

    @Test
    void aFacilityWithoutFreshDataGetsALowProbabilityNotANumber() {
        GuidanceFixture fx = new GuidanceFixture();
        String unknown = "heidelbergp4darmstaedterhof";
        String old = "heidelbergp14atosklinik";
        for (var f : fx.facilities) {
            if (!f.id().equals(old)) {
                fx.set(f.id(), f.id().equals(unknown) ? null : f.capacity() / 2, f.id().equals(unknown)
                        ? FacilityStatus.UNKNOWN : FacilityStatus.OPEN);
            }
        }
        fx.live.apply(new FacilityState(old, 95, 190, FacilityStatus.OPEN, Trend.STEADY,
                fx.clock.instant().minus(Duration.ofMinutes(20)), Set.of()));

        List<Candidate> all = planWithResults(fx, 12);
        assertThat(all).extracting(c -> c.facility().id()).contains(unknown, old);
        for (Candidate c : all) {
            if (c.facility().id().equals(unknown) || c.facility().id().equals(old)) {
                assertThat(c.availability()).isEqualTo(Availability.UNKNOWN);
                assertThat(c.knownFree()).isFalse();
                assertThat(c.probabilityFree()).isEqualTo(0.2);
            } else {
                assertThat(c.availability()).isEqualTo(Availability.OPEN);
                assertThat(c.probabilityFree()).isGreaterThan(0.99);
            }
        }
        assertThat(all.get(0).availability()).isEqualTo(Availability.OPEN);
        assertThat(all.subList(all.size() - 2, all.size())).extracting(c -> c.facility().id())
                .as("both without data rank last").containsExactlyInAnyOrder(unknown, old);
    }

    /** All candidates near Bismarckplatz (results not cut to the default 5). */
    private static List<Candidate> planWithResults(GuidanceFixture fx, int results) {
        GuidanceConfig c = fx.config;
        GuidanceConfig wide = new GuidanceConfig(c.topicRoot(), c.instanceId(), 500, c.maxCandidates(), results,
                c.walkWeight(), c.walkSpeedKmh(), c.walkDetour(), c.compliance(), c.marginSpaces(), c.marginShare(), c.hold(),
                c.arrivalGrace(), c.fullPenalty(), c.unknownProbability(), c.unknownBudgetShare(), c.staleAfter(),
                c.maxAhead(), c.shareIssued(), c.walkOnNetwork());
        GuidancePlanner planner = new GuidancePlanner(wide, fx.live, fx.forecast,
                new NetworkDriveRouter(de.parkleit.routing.network.TestNetworks.heidelbergCar(), fx.facilities),
                new CrowFlyWalk(1.3, 4.8), new IssuedLedger(), SearchTimeCurve.DEFAULT, fx.clock);
        return planner.plan(WEST, BISMARCKPLATZ, null).ranked();
    }

    @Test
    void closedAndReservedFacilitiesAreNeverRecommended() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.6);
        fx.set("heidelbergp4darmstaedterhof", 400, FacilityStatus.CLOSED);
        fx.set("heidelbergp0ambismarckplatz", 39, FacilityStatus.RESERVED);
        fx.set("heidelbergp11unibibliothek", 100, FacilityStatus.RESERVED);
        fx.live.applyOperation("heidelbergp7kaufhof", new de.parkleit.core.operation.FacilityOperation("heidelbergp7kaufhof",
                FacilityStatus.RESERVED, "Weihnachtsmarkt", fx.clock.instant().plus(Duration.ofHours(4)), "ops",
                fx.clock.instant().minusSeconds(1)));
        for (var f : fx.facilities) {
            GeoPoint at = new GeoPoint(f.lat(), f.lon());
            try {
                GuidancePlan plan = fx.planner.plan(WEST, at, null);
                assertThat(plan.ranked()).extracting(c -> c.facility().id())
                        .doesNotContain("heidelbergp4darmstaedterhof", "heidelbergp0ambismarckplatz", "heidelbergp11unibibliothek",
                                "heidelbergp7kaufhof");
            } catch (NoFacilityException e) {
                assertThat(f.id()).as("only the garage outside the road cut has nothing near").isEqualTo("heidelbergp19campbellbarracks");
            }
        }
    }

    @Test
    void fiveHundredRequestsForOneDestinationWithinAMinuteSpreadOverGaragesWithinTheirSpaces() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.3);
        java.util.Map<String, Integer> sent = new java.util.TreeMap<>();
        for (int i = 0; i < 500; i++) {
            GuidancePlan plan = fx.planner.plan(WEST, UNIVERSITAETSPLATZ, null);
            sent.merge(plan.issued().facilityId(), 1, Integer::sum);
            fx.clock.advance(Duration.ofMillis(120));
        }
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
        assertThat(sent).as("spread over garages: %s", sent).hasSizeGreaterThanOrEqualTo(6);
        assertThat(sent.values()).allSatisfy(n -> assertThat(n).isLessThan(150));
        assertWithinExpectedSpaces(fx, sent);
    }

    @Test
    void whenDemandExceedsTheFreeSpacesNoGarageIsOverbookedAndTheRestAreToldSo() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.1);
        java.util.Map<String, Integer> sent = new java.util.TreeMap<>();
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            try {
                sent.merge(fx.planner.plan(WEST, UNIVERSITAETSPLATZ, null).issued().facilityId(), 1, Integer::sum);
            } catch (NoFacilityException e) {
                assertThat(e.getMessage()).contains("expected to be full");
                refused++;
            }
            fx.clock.advance(Duration.ofMillis(120));
        }
        assertWithinExpectedSpaces(fx, sent);
        int budget = 0;
        for (String id : sent.keySet()) {
            budget += (int) Math.floor((fx.live.state(id).free() - fx.config.margin(fx.facility(id).capacity())) / fx.config.compliance());
        }
        assertThat(sent.values().stream().mapToInt(Integer::intValue).sum()).as("every garage filled to its budget").isEqualTo(budget);
        assertThat(refused).isEqualTo(500 - budget).isPositive();
    }

    /** Each garage got at most (free - margin) / compliance recommendations. */
    private static void assertWithinExpectedSpaces(GuidanceFixture fx, java.util.Map<String, Integer> sent) {
        sent.forEach((id, n) -> {
            double free = fx.live.state(id).free();
            double margin = fx.config.margin(fx.facility(id).capacity());
            assertThat(fx.config.compliance() * n).as("expected cars sent to %s (free %s, margin %s)", id, free, margin)
                    .isLessThanOrEqualTo(free - margin);
        });
    }

    @Test
    void recommendationsStopCountingAfterTheExpectedArrival() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.5);
        GuidancePlan plan = fx.planner.plan(WEST, BISMARCKPLATZ, null);
        String id = plan.issued().facilityId();
        assertThat(fx.ledger.pending(id, fx.clock.instant())).isEqualTo(1);
        Duration untilArrival = Duration.between(fx.clock.instant(), plan.recommended().arrival());
        fx.clock.advance(untilArrival.plus(fx.config.arrivalGrace()).plusSeconds(1));
        assertThat(fx.ledger.pending(id, fx.clock.instant())).isZero();
    }

    @Test
    void rejectsAnArrivalInThePastOrTooFarAhead() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.5);
        assertThatThrownBy(() -> fx.planner.plan(WEST, BISMARCKPLATZ, fx.clock.instant().minus(Duration.ofMinutes(5))))
                .isInstanceOf(GuidanceRequestException.class).hasMessageContaining("past");
        assertThatThrownBy(() -> fx.planner.plan(WEST, BISMARCKPLATZ, fx.clock.instant().plus(Duration.ofDays(2))))
                .isInstanceOf(GuidanceRequestException.class).hasMessageContaining("ahead");
        GuidancePlan later = fx.planner.plan(WEST, BISMARCKPLATZ, fx.clock.instant().plus(Duration.ofHours(2)));
        assertThat(later.recommended().arrival()).isEqualTo(fx.clock.instant().plus(Duration.ofHours(2)));
    }

    @Test
    void saysSoWhenNoFacilityIsNearTheDestinationOrTheOriginIsOffTheRoads() {
        GuidanceFixture fx = new GuidanceFixture().allFree(0.5);
        assertThatThrownBy(() -> fx.planner.plan(WEST, new GeoPoint(49.398, 8.660), null))
                .isInstanceOf(NoFacilityException.class).hasMessageContaining("within 1000 m");
        assertThatThrownBy(() -> fx.planner.plan(new GeoPoint(49.30, 8.50), BISMARCKPLATZ, null))
                .isInstanceOf(OutsideNetworkException.class);
    }
}
