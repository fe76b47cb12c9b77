package de.parkleit.clusterbroker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * One Artemis node of a static three-node cluster on loopback, for tests:
 * {@code ArtemisNode <name> <mqtt port> <core port> <data dir> <peer core ports, comma separated>}.
 * MQTT (3.1.1 and 5) on the first port, the cluster's core protocol on the second, a persistent NIO journal in the
 * data folder, a symmetric cluster connection to every peer with on-demand load balancing and immediate
 * redistribution (a message whose queue has no consumer on this node moves to a node that has one). Prints
 * {@code READY} on stdout once started and runs until killed.
 */
public final class ArtemisNode {

    private ArtemisNode() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        int mqttPort = Integer.parseInt(args[1]);
        int corePort = Integer.parseInt(args[2]);
        Path data = Path.of(args[3]);
        List<String> peers = new ArrayList<>();
        Configuration c = new ConfigurationImpl()
                .setName(name)
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large").toString())
                .setNodeManagerLockDirectory(data.resolve("lock").toString())
                .setClusterUser("cluster")
                .setClusterPassword("parkleit-test-cluster")
                .setJMXManagementEnabled(false);
        c.addAcceptorConfiguration("mqtt", "tcp://127.0.0.1:" + mqttPort + "?protocols=MQTT");
        c.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + corePort + "?protocols=CORE");
        c.addConnectorConfiguration("self", connector(corePort));
        if (args.length > 4 && !args[4].isBlank()) {
            for (String p : args[4].split(",")) {
                String n = "peer-" + p.trim();
                c.addConnectorConfiguration(n, connector(Integer.parseInt(p.trim())));
                peers.add(n);
            }
        }
        c.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName("parkleit-cluster")
                .setAddress("")
                .setConnectorName("self")
                .setStaticConnectors(peers)
                .setMessageLoadBalancingType(MessageLoadBalancingType.ON_DEMAND)
                .setMaxHops(1)
                .setRetryInterval(250)
                .setReconnectAttempts(-1)
                .setCallTimeout(5_000));
        c.addAddressSetting("#", new AddressSettings().setRedistributionDelay(0));
        EmbeddedActiveMQ server = new EmbeddedActiveMQ().setConfiguration(c);
        server.start();
        System.out.println("READY " + name);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // dying anyway
            }
        }));
        Thread.currentThread().join();
    }

    private static TransportConfiguration connector(int port) {
        return new TransportConfiguration(NettyConnectorFactory.class.getName(),
                java.util.Map.of(TransportConstants.HOST_PROP_NAME, "127.0.0.1", TransportConstants.PORT_PROP_NAME, port));
    }
}
