package de.parkleit.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import de.parkleit.core.city.City;
import de.parkleit.core.topic.Topics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.TestBroker;
import de.parkleit.simulator.TestCity;
import de.parkleit.simulator.driver.CachedTravelTimes;
import de.parkleit.simulator.driver.CrowFlyTravelTimes;
import de.parkleit.simulator.driver.DriverParameters;
import de.parkleit.simulator.driver.InMemorySystem;
import de.parkleit.simulator.driver.ReferenceGuidance;
import de.parkleit.simulator.driver.SimulationPorts;
import de.parkleit.simulator.driver.SimulationResult;
import de.parkleit.simulator.driver.TravelTimes;
import de.parkleit.simulator.evaluation.Scenario;
import de.parkleit.simulator.evaluation.ScenarioRunner;
import de.parkleit.simulator.evaluation.SystemUnderTest;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same scenario and seed decide the same way whether readings reach the state in process or
 * over MQTT through an ingest (here a minimal echo) and back as retained state.
 */
class ModeEquivalenceIT {

    static final Scenario SHORT = new Scenario("short", LocalDate.of(2026, 11, 28), LocalTime.of(12, 0), LocalTime.of(12, 10), 1.3, "");

    @Test
    void readingsOverMqttGiveTheSameDecisionsAsInProcess() throws Exception {
        City city = TestCity.heidelberg();
        TravelTimes travel = new CachedTravelTimes(new CrowFlyTravelTimes());
        SystemUnderTest inProcess = new SystemUnderTest() {
            public String describe() {
                return "in process";
            }

            public TravelTimes travelTimes() {
                return travel;
            }

            public SimulationPorts open(City c, Instant start, boolean on) {
                InMemorySystem s = new InMemorySystem(c.facilities());
                return new SimulationPorts(travel, new ReferenceGuidance(c.facilities(), travel, s), s, s, SimulationPorts.Pacer.NONE);
            }
        };
        DriverParameters params = DriverParameters.defaults().withCompliance(0.5);
        SimulationResult fast = new ScenarioRunner(city, SHORT, ZoneId.of("Europe/Berlin"), params, inProcess, 3).run(true, p -> { });

        Vertx vertx = Vertx.vertx();
        try (TestBroker broker = TestBroker.start()) {
            Topics topics = new Topics(TestBroker.uniqueRoot());
            try (EchoIngest echo = new EchoIngest(vertx, broker.url(), topics);
                 MqttSystem mqtt = new MqttSystem(vertx, new MqttSettings(broker.url(), "sim-" + UUID.randomUUID(), true, null, null),
                         topics, Duration.ofSeconds(10)).connect()) {
                SystemUnderTest overMqtt = new SystemUnderTest() {
                    public String describe() {
                        return "over MQTT";
                    }

                    public TravelTimes travelTimes() {
                        return travel;
                    }

                    public SimulationPorts open(City c, Instant start, boolean on) {
                        return new SimulationPorts(travel, new ReferenceGuidance(c.facilities(), travel, mqtt), mqtt, mqtt,
                                SimulationPorts.Pacer.NONE);
                    }
                };
                long t0 = System.nanoTime();
                SimulationResult real = new ScenarioRunner(city, SHORT, ZoneId.of("Europe/Berlin"), params, overMqtt, 3).run(true, p -> { });
                System.out.println("over MQTT: " + (System.nanoTime() - t0) / 1_000_000 + " ms, " + real.outcomes().size() + " trips, "
                        + real.readings() + " readings, " + mqtt.flushStats());

                assertThat(fast.outcomes()).hasSizeGreaterThan(100);
                assertThat(fast.guidanceCalls()).isGreaterThan(50);
                assertThat(real.outcomes()).isEqualTo(fast.outcomes());
                assertThat(real.readings()).isEqualTo(fast.readings());
                assertThat(mqtt.flushTimeouts()).isZero();
            }
        } finally {
            vertx.close().await();
        }
    }
}
