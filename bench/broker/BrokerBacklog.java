import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * What a broker does when its one QoS 1 subscriber falls behind, without parkleit: publishers send
 * {@code rate} QoS 1 messages/s, a manual-ack subscriber (persistent session, like ingest) acknowledges
 * at most {@code ackRate}/s and publishes a QoS 1 retained "state" for every 5th message (at most one
 * in flight per topic, like ingest's StatePublisher) on its own connection ({@code same}) or on a second
 * one ({@code separate}), and a probe measures the broker's QoS 0 round trip. Prints one line per 5 s.
 * Run by bench/broker/run.sh against a private Mosquitto; single-file Java on the app's class path.
 *
 * <pre>java -cp 'app/target/lib/*' bench/broker/BrokerBacklog.java URL RATE ACK_RATE SECONDS same|separate|none</pre>
 */
public final class BrokerBacklog {

    public static void main(String[] a) throws Exception {
        String url = a[0];
        int rate = Integer.parseInt(a[1]);
        int ackRate = Integer.parseInt(a[2]);
        int seconds = Integer.parseInt(a[3]);
        String states = a[4];
        AtomicLong received = new AtomicLong();
        AtomicLong acked = new AtomicLong();
        AtomicLong statesSent = new AtomicLong();
        AtomicLong statesDone = new AtomicLong();
        AtomicLong pubAcked = new AtomicLong();
        AtomicLong pubErrors = new AtomicLong();
        AtomicLong probeMaxNanos = new AtomicLong();
        ConcurrentLinkedQueue<int[]> toAck = new ConcurrentLinkedQueue<>();
        Set<String> stateInFlight = ConcurrentHashMap.newKeySet();

        MqttAsyncClient sub = client(url, "backlog-ingest");
        sub.setManualAcks(true);
        sub.setCallback(new Callback((t, m) -> {
            long n = received.incrementAndGet();
            toAck.add(new int[] {m.getId(), m.getQos(), (int) n});
        }));
        MqttConnectOptions so = options(false, 65_000);
        sub.connect(so).waitForCompletion();
        sub.subscribe("backlog/in/#", 1).waitForCompletion();
        MqttAsyncClient out = states.equals("separate") ? client(url, "backlog-ingest-out") : sub;
        if (out != sub) {
            out.connect(options(true, 65_000)).waitForCompletion();
        }

        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
        int acksPerTick = Math.max(1, ackRate / 100);
        ticks.scheduleAtFixedRate(() -> {
            for (int i = 0; i < acksPerTick; i++) {
                int[] m = toAck.poll();
                if (m == null) {
                    return;
                }
                try {
                    sub.messageArrivedComplete(m[0], m[1]);
                    acked.incrementAndGet();
                    if (!states.equals("none") && m[2] % 5 == 0) {
                        String topic = "backlog/state/" + (m[2] % 200);
                        if (stateInFlight.add(topic)) {
                            MqttMessage s = new MqttMessage(("{\"n\":" + m[2] + "}").getBytes(StandardCharsets.UTF_8));
                            s.setQos(1);
                            s.setRetained(true);
                            statesSent.incrementAndGet();
                            out.publish(topic, s, null, listener(() -> {
                                statesDone.incrementAndGet();
                                stateInFlight.remove(topic);
                            }, () -> stateInFlight.remove(topic)));
                        }
                    }
                } catch (Exception e) {
                    System.out.println("ack/publish failed: " + e);
                }
            }
        }, 10, 10, TimeUnit.MILLISECONDS);

        int publishers = 10;
        List<MqttAsyncClient> pubs = new ArrayList<>();
        for (int i = 0; i < publishers; i++) {
            MqttAsyncClient p = client(url, "backlog-pub-" + i + "-" + System.nanoTime());
            p.connect(options(true, 10_000)).waitForCompletion();
            pubs.add(p);
        }
        AtomicLong seq = new AtomicLong();
        int perTick = Math.max(1, rate / 100);
        ticks.scheduleAtFixedRate(() -> {
            for (int i = 0; i < perTick; i++) {
                long n = seq.getAndIncrement();
                MqttMessage m = new MqttMessage(("{\"ts\":\"2026-11-26T21:00:00Z\",\"occupied\":true,\"n\":" + n + "}")
                        .getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                try {
                    pubs.get((int) (n % publishers)).publish("backlog/in/f" + (n % 20) + "/s" + (n % 1000), m, null,
                            listener(pubAcked::incrementAndGet, pubErrors::incrementAndGet));
                } catch (Exception e) {
                    pubErrors.incrementAndGet();
                }
            }
        }, 10, 10, TimeUnit.MILLISECONDS);

        MqttAsyncClient probe = client(url, "backlog-probe-" + System.nanoTime());
        probe.setCallback(new Callback((t, m) -> probeMaxNanos.accumulateAndGet(
                System.nanoTime() - Long.parseLong(new String(m.getPayload(), StandardCharsets.UTF_8)), Math::max)));
        probe.connect(options(true, 100)).waitForCompletion();
        probe.subscribe("backlog/probe", 0).waitForCompletion();
        ticks.scheduleAtFixedRate(() -> {
            try {
                probe.publish("backlog/probe", String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8), 0, false);
            } catch (Exception e) {
                pubErrors.incrementAndGet();
            }
        }, 20, 20, TimeUnit.MILLISECONDS);

        System.out.println("| s | publishes acked by the broker /s | publish errors | delivered to the subscriber /s | held unacknowledged by the subscriber | states published / confirmed | probe round trip max ms |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        long lastPub = 0;
        long lastRec = 0;
        for (int s = 5; s <= seconds; s += 5) {
            Thread.sleep(5_000);
            long p = pubAcked.get();
            long r = received.get();
            System.out.printf("| %d | %d | %d | %d | %d | %d / %d | %.0f |%n", s, (p - lastPub) / 5, pubErrors.get(), (r - lastRec) / 5,
                    r - acked.get(), statesSent.get(), statesDone.get(), probeMaxNanos.getAndSet(0) / 1e6);
            lastPub = p;
            lastRec = r;
        }
        System.exit(0);
    }

    private static MqttAsyncClient client(String url, String id) throws Exception {
        return new MqttAsyncClient(url, id, new MemoryPersistence());
    }

    private static MqttConnectOptions options(boolean clean, int inflight) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(clean);
        o.setMaxInflight(inflight);
        o.setKeepAliveInterval(30);
        return o;
    }

    private static IMqttActionListener listener(Runnable ok, Runnable failed) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                ok.run();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failed.run();
            }
        };
    }

    private record Callback(java.util.function.BiConsumer<String, MqttMessage> onMessage) implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            System.out.println("connection lost: " + cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            onMessage.accept(topic, message);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
