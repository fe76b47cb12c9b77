package de.parkleit.app.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.state.FacilityState;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.simulator.driver.Position;
import de.parkleit.simulator.driver.SimulationPorts;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InProcessSystemTest {

    static City city;
    static InProcessSystem system;
    static final Instant T0 = Instant.parse("2026-11-28T11:00:00Z");

    @BeforeAll
    static void load() {
        city = CityLoader.load(Path.of("..", "cities", "heidelberg").toAbsolutePath().normalize(), "test");
        system = new InProcessSystem(RoadNetwork.load(city.roadNetwork()), GuidanceConfig.defaults("parkleit/v1", "test"),
                ZoneId.of("Europe/Berlin"));
    }

    @Test
    void readingsBecomeStateThroughIngestAndUnknownFacilitiesAreRejected() {
        SimulationPorts ports = system.open(city, T0, true);
        Facility f = city.facilities().get(0);
        ports.sink().publish(new OccupancyReading(f.id(), T0.plusSeconds(5), 7, null, null));
        ports.sink().publish(new OccupancyReading("nosuchfacility", T0.plusSeconds(6), 7, null, null));
        FacilityState s = ports.state().state(f.id()).orElseThrow();
        assertThat(s.free()).isEqualTo(7);
        assertThat(s.capacity()).isEqualTo(f.capacity());
        assertThat(s.updatedAt()).isEqualTo(T0.plusSeconds(5));
        InProcessIngest ingest = (InProcessIngest) ports.sink();
        assertThat(ingest.accepted()).isEqualTo(1);
        assertThat(ingest.rejected()).isEqualTo(1);
        assertThat(ingest.firstRejection()).contains("nosuchfacility");
    }

    @Test
    void guidanceAvoidsAFullGarageAndEachOpenStartsAfresh() {
        Facility target = city.facilities().stream().filter(x -> x.id().equals("heidelbergp10frebertplatz")).findFirst().orElseThrow();
        Position dest = new Position(target.lat(), target.lon());
        Position origin = new Position(49.4035, 8.6760);
        SimulationPorts ports = system.open(city, T0, true);
        Instant t = T0;
        for (Facility f : city.facilities()) {
            t = t.plusSeconds(1);
            ports.sink().publish(new OccupancyReading(f.id(), t, f == target ? 0 : f.capacity() / 2, null, null));
        }
        List<String> ranked = ports.guidance().recommend(origin, dest, t.plusSeconds(10));
        assertThat(ranked).isNotEmpty().doesNotContain(target.id());

        SimulationPorts fresh = system.open(city, T0, true);
        assertThat(fresh.state().state(target.id()).orElseThrow().free()).isNull();
    }
}
