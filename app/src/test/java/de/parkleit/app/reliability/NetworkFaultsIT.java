package de.parkleit.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole node reaches a private Mosquitto (shipped secured config) only through {@link FaultProxy};
 * gateways publish directly. The node's connection is stalled for 20 s mid-stream, then reset with
 * a TCP RST mid-stream: every reading is stored exactly once and the recovery time is logged.
 */
class NetworkFaultsIT {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkFaultsIT.class);
    static final int PER_FACILITY = 100;

    SecuredServeNode fx;
    FaultProxy proxy;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(SecuredServeNode.available(), "needs /usr/sbin/mosquitto and openssl");
        fx = SecuredServeNode.broker("faults", Duration.ofHours(1));
        String url = fx.broker().url();
        proxy = new FaultProxy(Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)));
        fx.startNode(proxy.url(), env -> { });
    }

    @AfterEach
    void stop() throws Exception {
        if (fx != null) {
            fx.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aStalledAndThenAResetConnectionLoseNothingAndDoubleNothing() throws Exception {
        MqttClient gw = fx.gateway();
        int total = fx.facilities().size() * PER_FACILITY;

        long faultEnd = publishRound(gw, 0, () -> {
            proxy.stall(true);
            Thread.sleep(20_000);
            proxy.stall(false);
        });
        long lastPublish = System.nanoTime();
        long recoveredStall = fx.awaitStored(3 * PER_FACILITY, total, faultEnd, Duration.ofSeconds(120));
        LOG.info("recovery: 20 s stall of the broker link mid-stream, {} readings stored exactly once {} ms after the stall ended ({} ms after the last publish)",
                total, recoveredStall, (System.nanoTime() - lastPublish) / 1_000_000);
        assertThat(fx.rows(3 * PER_FACILITY)).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(PER_FACILITY));

        faultEnd = publishRound(gw, PER_FACILITY, proxy::reset);
        lastPublish = System.nanoTime();
        long recoveredReset = fx.awaitStored(3 * PER_FACILITY, 2L * total, faultEnd, Duration.ofSeconds(120));
        LOG.info("recovery: TCP reset of the broker link mid-stream, {} readings stored exactly once {} ms after the reset ({} ms after the last publish)",
                2 * total, recoveredReset, (System.nanoTime() - lastPublish) / 1_000_000);
        assertThat(fx.rows(3 * PER_FACILITY)).allSatisfy((f, n) -> assertThat(n).as(f).isEqualTo(2 * PER_FACILITY));
        gw.disconnect();
    }

    interface Fault {
        void inject() throws Exception;
    }

    /** Publishes one reading per facility per step (about 200/s); injects the fault after a quarter; returns when the fault ended. */
    private long publishRound(MqttClient gw, int offset, Fault fault) throws Exception {
        long faultEnd = 0;
        for (int i = 0; i < PER_FACILITY; i++) {
            for (String f : fx.facilities()) {
                gw.publish(SecuredServeNode.TOPICS.occupancy(f), fx.reading(f, offset + i), 1, false);
            }
            Thread.sleep(100);
            if (i == PER_FACILITY / 4) {
                fault.inject();
                faultEnd = System.nanoTime();
            }
        }
        return faultEnd;
    }
}
