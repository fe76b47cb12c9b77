package de.parkleit.platform.mqtt;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Paho MQTT 3.1.1 client bound to one Vert.x context: every callback (messages, connection
 * loss) runs on that context, never on Paho's threads. Reconnects automatically and re-subscribes
 * every filter after <em>every</em> connect, whatever the broker says it remembers ({@code session
 * present}): a broker restored from its persistence file may hold a subscription it no longer
 * delivers to, or none at all. A filter counts as subscribed only once the SUBACK of the current
 * connection granted it a QoS; a refused one (0x80) is logged and retried ({@link #subscribed()}).
 *
 * <p>Messages go to the client-wide handler (Paho's per-subscription listeners do not match
 * {@code $share/...} filters). With {@code manualAcks}, QoS 1 messages are acknowledged to the
 * broker only by {@link #ack(InboundMessage)}; {@link #unackedCount()} says how many wait for it.
 */
public final class MqttConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);

    private final Context context;
    private final MqttSettings settings;
    private final boolean manualAcks;
    private final MqttAsyncClient client;
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    /** Subscribes cut off by a lost connection: they complete with the re-subscribe after the reconnect. */
    private final Map<String, List<Promise<Void>>> awaitingResubscribe = new ConcurrentHashMap<>();
    /** Filters whose SUBACK on the current connection granted a QoS; cleared when the connection is lost. */
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    /** Filters whose last (re-)subscribe was refused or failed: logged once until one succeeds again. */
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    /** Counts connects; a re-subscribe retry of an earlier connection is dropped. */
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong resubscribes = new AtomicLong();
    private final AtomicLong subscribeFailures = new AtomicLong();
    private volatile boolean closing;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    /**
     * QoS 1 messages of the current connection handed to the handler and not yet acknowledged (manual
     * acks only). Kept per delivery, not per message id: a broker that ignores its in-flight window can
     * have more than 65,535 messages in flight and then sends two under one id, and each needs its
     * PUBACK. Cleared when the connection is lost: the broker redelivers them, and an ack of a delivery
     * from before the loss is then skipped, as is a second ack of one delivery. (An {@link InboundMessage}
     * equals only itself: its payload array compares by identity.)
     */
    private final Set<InboundMessage> unacked = ConcurrentHashMap.newKeySet();
    private final Object flow = new Object();
    private volatile int maxUnacked = Integer.MAX_VALUE;
    private volatile boolean paused;
    private final AtomicLong pauses = new AtomicLong();
    private final AtomicLong staleAcks = new AtomicLong();
    private final AtomicLong ackFailures = new AtomicLong();
    private volatile Handler<InboundMessage> handler = m -> { };
    private volatile Handler<Boolean> connectionHandler = up -> { };

    public MqttConnection(Context context, MqttSettings settings, boolean manualAcks) {
        this(context, settings, manualAcks, new MemoryPersistence());
    }

    public MqttConnection(Context context, MqttSettings settings, boolean manualAcks, MqttClientPersistence persistence) {
        this.context = context;
        this.settings = settings;
        this.manualAcks = manualAcks;
        try {
            this.client = new MqttAsyncClient(settings.url(), settings.clientId(), persistence);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot create MQTT client for " + settings.url() + ": " + e.getMessage(), e);
        }
        client.setManualAcks(manualAcks);
        client.setCallback(new Callback());
    }

    /** Sets the handler that receives every message, on this connection's context. */
    public MqttConnection messageHandler(Handler<InboundMessage> h) {
        this.handler = h;
        return this;
    }

    /**
     * Holds at most {@code max} QoS 1 messages unacknowledged: at the limit, this connection stops
     * taking messages from the broker (Paho's callback thread waits, then TCP pushes back) until an
     * ack frees a place. A broker keeps its own in-flight window (Mosquitto: {@code max_inflight_messages}),
     * but Mosquitto 2.0.11 does not hold an acknowledging MQTT 3.1.1 subscriber to it, so without this
     * bound a backlog at the broker would end up in this process's memory. Set it above the broker's window.
     */
    public MqttConnection maxUnacked(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxUnacked must be at least 1, got " + max);
        }
        this.maxUnacked = max;
        return this;
    }

    /** Called with true when (re)connected and false when the connection is lost, on the context. */
    public MqttConnection connectionHandler(Handler<Boolean> h) {
        this.connectionHandler = h;
        return this;
    }

    public Future<Void> connect() {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(settings.cleanSession());
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(5_000);
        o.setConnectionTimeout(10);
        o.setKeepAliveInterval(30);
        o.setMaxInflight(65_000);
        if (settings.url().startsWith("tcp://")) {
            o.setSocketFactory(new NoDelaySocketFactory());
        }
        if (settings.username() != null) {
            o.setUserName(settings.username());
        }
        if (settings.password() != null) {
            o.setPassword(settings.password().toCharArray());
        }
        Promise<Void> p = Promise.promise();
        try {
            client.connect(o, null, listener(p, "connect to " + settings.url()));
        } catch (MqttException e) {
            p.fail(new MqttUnavailableException("cannot connect to MQTT broker " + settings.url() + ": " + e.getMessage(), e));
        }
        return p.future();
    }

    /**
     * Subscribes (and re-subscribes after every reconnect). A subscribe cut off by a lost
     * connection does not fail: it completes when the automatic reconnect has re-subscribed, or
     * fails after {@link #RESUBSCRIBE_WAIT_MS}. (Moquette sometimes drops a connection whose first
     * SUBSCRIBE arrives right after its CONNACK, under load; Paho reconnects within a second.)
     */
    public Future<Void> subscribe(String filter, int qos) {
        if (closing) {
            return Future.failedFuture(new MqttUnavailableException("subscribe " + filter + " failed: the connection is closed", null));
        }
        subscriptions.put(filter, qos);
        Promise<Void> p = Promise.promise();
        try {
            client.subscribe(filter, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (refused(token)) {
                        subscribeFailures.incrementAndGet();
                        context.runOnContext(v -> p.tryFail(new MqttUnavailableException("subscribe " + filter
                                + " refused by the broker (SUBACK 0x80: not authorised or not supported)", null)));
                        return;
                    }
                    confirmed.add(filter);
                    failing.remove(filter);
                    context.runOnContext(v -> p.tryComplete());
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    context.runOnContext(v -> subscribeFailed(filter, p, e));
                }
            });
        } catch (MqttException e) {
            subscribeFailed(filter, p, e);
        }
        return p.future();
    }

    static final long RESUBSCRIBE_WAIT_MS = 30_000;

    private void subscribeFailed(String filter, Promise<Void> p, Throwable e) {
        if (closing || !connectionWasLost(e)) {
            p.tryFail(new MqttUnavailableException("subscribe " + filter + " failed: " + e.getMessage(), e));
            return;
        }
        LOG.info("subscribe {} cut off by a lost connection ({}); it completes with the re-subscribe after the reconnect",
                filter, e.getMessage());
        awaitingResubscribe.computeIfAbsent(filter, f -> new CopyOnWriteArrayList<>()).add(p);
        context.owner().setTimer(RESUBSCRIBE_WAIT_MS, id -> {
            List<Promise<Void>> waiting = awaitingResubscribe.get(filter);
            if (waiting != null && waiting.remove(p)) {
                p.tryFail(new MqttUnavailableException("subscribe " + filter + " failed: no reconnect within "
                        + RESUBSCRIBE_WAIT_MS + " ms after " + e.getMessage(), e));
            }
        });
        if (client.isConnected() && !confirmed.contains(filter)) { // already reconnected while this failure was on its way
            resubscribe(filter, subscriptions.getOrDefault(filter, 0));
        }
    }

    private static boolean connectionWasLost(Throwable e) {
        return e instanceof MqttException m && (m.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
                || m.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || m.getReasonCode() == MqttException.REASON_CODE_CONNECT_IN_PROGRESS);
    }

    /** A SUBACK whose return code is 0x80 (MQTT 3.1.1: failure); Paho completes such a token successfully. */
    private static boolean refused(IMqttToken token) {
        int[] granted = token.getGrantedQos();
        if (granted == null) {
            return false;
        }
        for (int g : granted) {
            if (g < 0 || g > 2) {
                return true;
            }
        }
        return false;
    }

    static final long RESUBSCRIBE_RETRY_MS = 1_000;
    static final long RESUBSCRIBE_RETRY_MAX_MS = 30_000;

    private void resubscribe(String filter, int qos) {
        resubscribe(filter, qos, connects.get(), RESUBSCRIBE_RETRY_MS);
    }

    /**
     * Subscribes {@code filter} again on connection number {@code connection}; a refusal (0x80) or a failure
     * while that connection is still up is logged (once until it succeeds) and retried after {@code retryMs},
     * doubling up to {@link #RESUBSCRIBE_RETRY_MAX_MS}. A lost connection ends the retries: the next connect
     * re-subscribes everything anyway.
     */
    private void resubscribe(String filter, int qos, long connection, long retryMs) {
        if (closing || connection != connects.get() || !subscriptions.containsKey(filter)) {
            return;
        }
        resubscribes.incrementAndGet();
        try {
            client.subscribe(filter, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (refused(token)) {
                        resubscribeFailed(filter, qos, connection, retryMs, "refused by the broker (SUBACK 0x80)");
                        return;
                    }
                    confirmed.add(filter);
                    if (failing.remove(filter)) {
                        LOG.info("re-subscribe {} on {} succeeded", filter, settings.clientId());
                    }
                    List<Promise<Void>> waiting = awaitingResubscribe.remove(filter);
                    if (waiting != null) {
                        context.runOnContext(v -> waiting.forEach(Promise::tryComplete));
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    resubscribeFailed(filter, qos, connection, retryMs, e.getMessage());
                }
            });
        } catch (MqttException e) {
            resubscribeFailed(filter, qos, connection, retryMs, e.getMessage());
        }
    }

    private void resubscribeFailed(String filter, int qos, long connection, long retryMs, String why) {
        subscribeFailures.incrementAndGet();
        if (closing || connection != connects.get()) {
            return;
        }
        if (failing.add(filter)) {
            LOG.warn("re-subscribe {} on {} failed: {}; retrying every {} ms up to {} ms until it succeeds",
                    filter, settings.clientId(), why, retryMs, RESUBSCRIBE_RETRY_MAX_MS);
        }
        context.owner().setTimer(retryMs, id -> resubscribe(filter, qos, connection, Math.min(retryMs * 2, RESUBSCRIBE_RETRY_MAX_MS)));
    }

    /** Unsubscribes (and no longer re-subscribes after a reconnect). */
    public Future<Void> unsubscribe(String filter) {
        subscriptions.remove(filter);
        confirmed.remove(filter);
        failing.remove(filter);
        Promise<Void> p = Promise.promise();
        try {
            client.unsubscribe(filter, null, listener(p, "unsubscribe " + filter));
        } catch (MqttException e) {
            p.fail(new MqttUnavailableException("unsubscribe " + filter + " failed: " + e.getMessage(), e));
        }
        return p.future();
    }

    /** Publishes; the future completes when the broker has it (QoS 1) or when it is sent (QoS 0). */
    public Future<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        if (closing) {
            return Future.failedFuture(new MqttUnavailableException("publish " + topic + " failed: the connection is closed", null));
        }
        Promise<Void> p = Promise.promise();
        try {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(qos);
            m.setRetained(retained);
            client.publish(topic, m, null, listener(p, "publish " + topic));
            published.incrementAndGet();
        } catch (MqttException e) {
            p.fail(e);
        }
        return p.future();
    }

    /**
     * Acknowledges a QoS 1 message to the broker (only with manual acks). A message that came in on
     * another connection is acknowledged there: message ids are per connection.
     */
    public void ack(InboundMessage m) {
        if (m.from() != null && m.from() != this) {
            m.from().ack(m);
            return;
        }
        if (!manualAcks || m.qos() == 0) {
            return;
        }
        if (!unacked.remove(m)) {
            // delivered before the connection was lost (the broker redelivers it) or acknowledged already:
            // a PUBACK now would acknowledge another delivery under the same id
            staleAcks.incrementAndGet();
            LOG.debug("not acknowledging message {} on {}: from an earlier connection or acknowledged already",
                    m.messageId(), settings.clientId());
            return;
        }
        if (paused) {
            synchronized (flow) {
                flow.notifyAll();
            }
        }
        try {
            client.messageArrivedComplete(m.messageId(), m.qos());
        } catch (MqttException | RuntimeException e) {
            if (ackFailures.getAndIncrement() == 0) {
                LOG.warn("ack of message {} on {} failed (the broker redelivers it after a reconnect): {}", m.messageId(),
                        settings.clientId(), e.toString());
            }
        }
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    /**
     * True while connected and the SUBACK of the current connection granted every filter this connection
     * subscribes (true also with no filter at all). False from a connection loss until every re-subscribe
     * after the reconnect is confirmed, and while a refused one is being retried.
     */
    public boolean subscribed() {
        return client.isConnected() && confirmed.containsAll(subscriptions.keySet());
    }

    /** The filters not confirmed by a SUBACK on the current connection (sorted; empty when {@link #subscribed()} and connected). */
    public List<String> unconfirmedSubscriptions() {
        return subscriptions.keySet().stream().filter(f -> !confirmed.contains(f)).sorted().toList();
    }

    /** Connects after the first one: automatic reconnects after a connection loss. */
    public long reconnectCount() {
        return reconnects.get();
    }

    /** Re-subscribes sent after a connect (one per filter per connect, plus retries of refused ones). */
    public long resubscribeCount() {
        return resubscribes.get();
    }

    /** Subscribes and re-subscribes refused by the broker (SUBACK 0x80) or failed on a connection that stayed up. */
    public long subscribeFailureCount() {
        return subscribeFailures.get();
    }

    public long receivedCount() {
        return received.get();
    }

    public long publishedCount() {
        return published.get();
    }

    /**
     * QoS 1 messages received on the current connection and not yet acknowledged (manual acks;
     * always 0 otherwise). Cleared when the connection is lost: the broker redelivers them.
     */
    public int unackedCount() {
        return unacked.size();
    }

    /** How often this connection stopped taking messages because {@link #maxUnacked(int)} were unacknowledged. */
    public long pauseCount() {
        return pauses.get();
    }

    /** Acks the client refused to send (logged once). */
    public long ackFailureCount() {
        return ackFailures.get();
    }

    /** Acks skipped because the message came before a connection loss or was acknowledged already. */
    public long staleAckCount() {
        return staleAcks.get();
    }

    public MqttSettings settings() {
        return settings;
    }

    public Future<Void> disconnect() {
        closing = true;
        Promise<Void> p = Promise.promise();
        context.executeBlocking(() -> {
            try {
                if (client.isConnected()) {
                    client.disconnect(2_000).waitForCompletion(3_000);
                }
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.getMessage());
                try {
                    client.disconnectForcibly(100, 100);
                } catch (MqttException ignored) {
                    // already gone
                }
            } finally {
                try {
                    client.close(true);
                } catch (MqttException ignored) {
                    // nothing left to release
                }
            }
            return null;
        }).onComplete(ar -> p.complete());
        return p.future();
    }

    private IMqttActionListener listener(Promise<Void> p, String what) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                context.runOnContext(v -> p.tryComplete());
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                context.runOnContext(v -> p.tryFail(new MqttUnavailableException(what + " failed: " + e.getMessage(), e)));
            }
        };
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            connects.incrementAndGet();
            if (reconnect) {
                reconnects.incrementAndGet();
                LOG.info("MQTT {} reconnected to {}; re-subscribing {} filter(s)", settings.clientId(), serverURI, subscriptions.size());
            }
            // after every connect, whatever the broker remembers of a persistent session ("session present")
            subscriptions.forEach(MqttConnection.this::resubscribe);
            context.runOnContext(v -> connectionHandler.handle(true));
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.warn("MQTT connection {} to {} lost: {}", settings.clientId(), settings.url(), String.valueOf(cause));
            confirmed.clear();
            unacked.clear();
            synchronized (flow) {
                flow.notifyAll();
            }
            context.runOnContext(v -> connectionHandler.handle(false));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.incrementAndGet();
            InboundMessage m = new InboundMessage(topic, message.getPayload(), message.getQos(), message.isRetained(),
                    message.getId(), MqttConnection.this);
            if (manualAcks && message.getQos() > 0) {
                awaitRoom();
                unacked.add(m);
            }
            context.runOnContext(v -> handler.handle(m));
        }

        /** Waits (on Paho's callback thread) while {@code maxUnacked} messages are unacknowledged and the link is up. */
        private void awaitRoom() {
            if (unacked.size() < maxUnacked) {
                return;
            }
            pauses.incrementAndGet();
            LOG.debug("{} holds {} unacknowledged messages; not taking more until some are acknowledged",
                    settings.clientId(), unacked.size());
            synchronized (flow) {
                paused = true;
                try {
                    while (unacked.size() >= maxUnacked && !closing && client.isConnected()) {
                        flow.wait(100);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    paused = false;
                }
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish futures complete through their listeners
        }
    }
}
