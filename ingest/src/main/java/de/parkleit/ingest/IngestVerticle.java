package de.parkleit.ingest;

import de.parkleit.core.city.City;
import de.parkleit.core.codec.FacilityStateCodec;
import de.parkleit.core.codec.JsonCodecException;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.state.FacilityState;
import de.parkleit.core.topic.TopicKind;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.deadletter.DeadLetters;
import de.parkleit.ingest.decode.LorawanDecoder;
import de.parkleit.ingest.decode.NativeDecoder;
import de.parkleit.ingest.decode.SenmlDecoder;
import de.parkleit.ingest.decode.TopicDecoder;
import de.parkleit.ingest.publish.StatePublisher;
import de.parkleit.ingest.state.LiveState;
import de.parkleit.ingest.state.StateRules;
import de.parkleit.ingest.throttle.GatewayThrottle;
import de.parkleit.ingest.validate.ReadingValidator;
import de.parkleit.ingest.write.BatchWriter;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.InboundMessage;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttMetrics;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the ingest service: opens the spool, connects an output connection that takes over the
 * retained live state, publishes {@code unknown} for facilities nobody has reported on yet and from
 * then on carries every state and dead-letter publish, then connects the input connection(s) with
 * manual acknowledgements and subscribes them to the gateway topics (through the share group when
 * one is configured). Inputs use a persistent session ({@code cleanSession=false}) with a stable
 * client id; the output connection ({@code <client id>-out}) a clean one, since state is republished.
 * Publishing on a connection of its own keeps state publishes (which wait for their PUBACK) from
 * queueing behind the inbound flood and its acks.
 */
public final class IngestVerticle extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(IngestVerticle.class);
    private static final long RETAINED_WAIT_MS = 3_000;
    private static final long EXPIRE_EVERY_MS = 2_000;

    private final IngestConfig config;
    private final MqttSettings mqtt;
    private final City city;
    private final TimeSeriesStore store;
    private final MeterRegistry registry;
    private final Health health;
    private final Clock clock;
    private Topics topics;
    private List<MqttConnection> inputs = List.of();
    private MqttConnection output;
    private WorkerExecutor worker;
    private IngestResources resources;
    private BatchWriter writer;
    private LiveState live;
    private StatePublisher states;
    private MessagePipeline pipeline;
    private String syncTopic;
    private Promise<Void> synced;
    private long expireTimer = -1;
    private boolean started;

    public IngestVerticle(IngestConfig config, MqttSettings mqtt, City city, TimeSeriesStore store,
                          MeterRegistry registry, Health health) {
        this(config, mqtt, city, store, registry, health, Clock.systemUTC());
    }

    /**
     * @param clock what "now" is for validating readings (how far in the future), expiring stale states and
     *              SenML records without a time: the wall clock, or a simulation's clock (the app's
     *              {@code PARKLEIT_CLOCK=simulation}); logs and dead letters keep the wall clock
     */
    public IngestVerticle(IngestConfig config, MqttSettings mqtt, City city, TimeSeriesStore store,
                          MeterRegistry registry, Health health, Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.config = config;
        this.mqtt = mqtt;
        this.city = city;
        this.store = store;
        this.registry = registry;
        this.health = health;
    }

    /** Client id of input connection {@code i} (0-based): the configured id, then {@code <id>-2}, {@code <id>-3}, … */
    static String inputClientId(String clientId, int i) {
        return i == 0 ? clientId : clientId + "-" + (i + 1);
    }

    /** Client id of the output connection. */
    static String outputClientId(String clientId) {
        return clientId + "-out";
    }

    @Override
    public Future<?> start() {
        LOG.info("ingest starting: {} facilities, {}, {}", city.facilities().size(), config, mqtt);
        if (mqtt.cleanSession()) {
            LOG.warn("ingest runs with a clean MQTT session: readings published while it is down are lost; "
                    + "use cleanSession=false with a stable client id");
        }
        topics = config.topics();
        worker = vertx.createSharedWorkerExecutor("parkleit-ingest-io", config.workers());
        return worker.executeBlocking(() -> IngestResources.open(config, city)).compose(this::startWith);
    }

    private int inputCount() {
        if (config.connections() > 1 && config.shareGroup() == null) {
            LOG.warn("PARKLEIT_INGEST_CONNECTIONS={} ignored, using 1 input connection: several connections of one instance "
                    + "need a shared subscription (PARKLEIT_INGEST_SHARE_GROUP), and the embedded broker delivers nothing "
                    + "to shared subscriptions of MQTT 3.1.1 clients", config.connections());
            return 1;
        }
        return config.connections();
    }

    /**
     * Unacknowledged messages one input connection may hold. A broker that keeps its in-flight window
     * (shipped: 1,000) never gets near it; one that does not (Mosquitto 2.0.11, docs/reliability.md) would
     * otherwise push its whole backlog into this heap and, past 65,535 in flight, reuse message ids. Below
     * the writer's spill threshold (10 batches), so with this bound the writer holds at most this many.
     */
    private static final int MAX_UNACKED = 20_000;

    private Future<Void> startWith(IngestResources opened) {
        resources = opened;
        List<MqttConnection> in = new ArrayList<>();
        int n = inputCount();
        for (int i = 0; i < n; i++) {
            MqttConnection c = new MqttConnection(context, mqtt.withClientId(inputClientId(mqtt.clientId(), i)), true)
                    .maxUnacked(MAX_UNACKED);
            c.messageHandler(this::onMessage);
            MqttMetrics.register(registry, c);
            MqttMetrics.registerAcks(registry, c);
            in.add(c);
        }
        inputs = List.copyOf(in);
        output = new MqttConnection(context, new MqttSettings(mqtt.url(), outputClientId(mqtt.clientId()), true,
                mqtt.username(), mqtt.password()), false);
        output.messageHandler(this::onMessage);
        MqttMetrics.register(registry, output);
        writer = new BatchWriter(context, worker, store, resources.spool(), config.batchMax(), config.batchMax() * 10, registry);
        pipeline = buildPipeline();
        syncTopic = topics.ingestSync(mqtt.clientId());
        synced = Promise.promise();
        registerHealth();
        return output.connect()
                .compose(v -> output.subscribe(topics.facilityStateFilter(), 0))
                .compose(v -> output.subscribe(syncTopic, 0))
                .compose(v -> output.publish(syncTopic, new byte[] {'1'}, 0, false))
                .compose(v -> awaitRetained())
                .compose(v -> publishUnknown())
                .compose(v -> Future.all(inputs.stream().map(MqttConnection::connect).collect(Collectors.toList())))
                .compose(v -> dropOldSubscriptions(inputs.get(0)))
                .compose(v -> Future.all(inputs.stream().map(this::subscribeInputs).collect(Collectors.toList())))
                .compose(v -> afterStart())
                .onSuccess(v -> {
                    writer.start();
                    expireTimer = vertx.setPeriodic(EXPIRE_EVERY_MS, id -> pipeline.expire());
                    LOG.info("ingest started: subscribed under {}{} on {} input connection(s)", topics.root(),
                            config.shareGroup() == null ? "" : " in share group " + config.shareGroup(), inputs.size());
                });
    }

    /**
     * Earlier versions subscribed the (persistent) input session to the states and the sync topic;
     * the broker keeps such subscriptions in the session, so they are dropped explicitly.
     */
    private Future<Void> dropOldSubscriptions(MqttConnection input) {
        return Future.join(input.unsubscribe(topics.facilityStateFilter()), input.unsubscribe(syncTopic))
                .<Void>mapEmpty().otherwiseEmpty();
    }

    /**
     * Once started, a single instance (no share group) hears only its own states back: it stops
     * listening to them, so the broker does not echo every state publish to ingest.
     */
    private Future<Void> afterStart() {
        started = true;
        if (config.shareGroup() != null) {
            return Future.succeededFuture();
        }
        return output.unsubscribe(topics.facilityStateFilter()).otherwise(e -> {
            LOG.debug("unsubscribing from the states failed ({}); they are ignored", e.getMessage());
            return null;
        });
    }

    private MessagePipeline buildPipeline() {
        Map<String, Integer> capacities = city.facilities().stream()
                .collect(Collectors.toMap(Facility::id, Facility::capacity, (a, b) -> a, LinkedHashMap::new));
        live = new LiveState(capacities, StateRules.defaults(config.staleAfter(), resources.zone()));
        NativeDecoder nat = new NativeDecoder(config.maxPayloadBytes(), capacities::get);
        TopicDecoder decoder = TopicDecoder.all(topics, nat,
                new LorawanDecoder(config.maxUplinkBytes(), resources.devices(), nat),
                new SenmlDecoder(config.maxPayloadBytes(), resources.devices(), nat, clock::instant));
        states = new StatePublisher(vertx, (t, p) -> output.publish(t, p, 1, true), config.stateInterval());
        FunctionCounter.builder("parkleit.ingest.state.publish.timeouts", states, StatePublisher::timedOutCount)
                .description("retained state publishes whose PUBACK did not come within "
                        + StatePublisher.DEFAULT_IN_FLIGHT_TIMEOUT.toSeconds() + " s (the topic was freed for the next state)")
                .register(registry);
        DeadLetters deadLetters = new DeadLetters(topics, registry, (t, p) -> output.publish(t, p, 0, false),
                System::currentTimeMillis);
        return new MessagePipeline(topics, decoder, new ReadingValidator(capacities.keySet(), config.maxFuture()), live,
                writer, states, deadLetters, InboundMessage::ack, clock, registry,
                new GatewayThrottle(topics, config.gatewayLimits(), capacities::get, resources.devices().size(), System::nanoTime,
                        registry), config.storeHeartbeats());
    }

    @Override
    public Future<?> stop() {
        if (expireTimer >= 0) {
            vertx.cancelTimer(expireTimer);
        }
        if (states != null) {
            states.close();
        }
        Future<Void> drained = writer == null ? Future.succeededFuture() : writer.close(5_000);
        return drained
                .transform(ar -> disconnectAll())
                .transform(ar -> resources == null ? Future.succeededFuture() : worker.executeBlocking(() -> {
                    resources.spool().close();
                    return null;
                }))
                .transform(ar -> worker.close())
                .onComplete(ar -> LOG.info("ingest stopped"));
    }

    private Future<Void> disconnectAll() {
        List<Future<Void>> all = new ArrayList<>();
        inputs.forEach(c -> all.add(c.disconnect()));
        if (output != null) {
            all.add(output.disconnect());
        }
        return Future.join(all).mapEmpty();
    }

    private void onMessage(InboundMessage m) {
        try {
            if (m.topic().equals(syncTopic)) {
                synced.tryComplete();
            } else if (topics.match(m.topic()).map(t -> t.kind() == TopicKind.FACILITY_STATE).orElse(false)) {
                adopt(m);
            } else {
                pipeline.handle(m);
            }
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling a message on {}", m.topic(), e);
        }
    }

    private void adopt(InboundMessage m) {
        if (started && config.shareGroup() == null) {
            // a single instance hears only its own states back once started: nothing to learn from them
            return;
        }
        try {
            FacilityState s = FacilityStateCodec.decode(m.payload());
            live.adopt(s);
        } catch (JsonCodecException | IllegalArgumentException e) {
            LOG.debug("ignoring unreadable state on {}: {}", m.topic(), e.getMessage());
        }
        m.ack();
    }

    /** Retained states arrive right after the subscription; our own echo on the sync topic marks their end. */
    private Future<Void> awaitRetained() {
        long timer = vertx.setTimer(RETAINED_WAIT_MS, id -> {
            if (synced.tryComplete()) {
                LOG.warn("no echo on {} within {} ms; continuing with the retained states received so far", syncTopic, RETAINED_WAIT_MS);
            }
        });
        return synced.future().onComplete(ar -> vertx.cancelTimer(timer));
    }

    /** Publishes {@code unknown} only for facilities that have no retained state yet: a restart never wipes a good one. */
    private Future<Void> publishUnknown() {
        List<FacilityState> missing = live.withoutState();
        if (!missing.isEmpty()) {
            LOG.info("publishing the unknown state of {} facilities without a retained state", missing.size());
        }
        return Future.all(missing.stream()
                        .map(s -> output.publish(topics.facilityState(s.facilityId()), FacilityStateCodec.encode(s), 1, true))
                        .collect(Collectors.toList()))
                .mapEmpty();
    }

    private Future<Void> subscribeInputs(MqttConnection connection) {
        String g = config.shareGroup();
        return Future.all(List.of(
                connection.subscribe(Topics.shared(g, topics.parkingInputFilter()), 1),
                connection.subscribe(Topics.shared(g, topics.trafficInputFilter()), 1),
                connection.subscribe(Topics.shared(g, topics.lorawanInputFilter()), 1),
                connection.subscribe(Topics.shared(g, TopicDecoder.senmlFilter(topics)), 1))).mapEmpty();
    }

    private void registerHealth() {
        health.register("ingest-mqtt", this::mqttProblem);
        health.register("ingest-store", () -> writer.storeFailing()
                ? "store " + store.name() + " is not taking writes; spooling to " + config.spoolDir() : null);
        health.register("ingest-spool", () -> writer.spoolFull()
                ? "spool " + config.spoolDir() + " is full; messages stay unacknowledged at the broker" : null);
    }

    /**
     * Null when every connection is up and every input's subscriptions are confirmed by the broker (a SUBACK
     * on the current connection), else which are not (inputs receive readings, the output publishes state).
     */
    private String mqttProblem() {
        List<String> down = new ArrayList<>();
        List<String> unconfirmed = new ArrayList<>();
        for (MqttConnection c : inputs) {
            if (!c.isConnected()) {
                down.add("input " + c.settings().clientId());
            } else if (!c.subscribed()) {
                unconfirmed.add("input " + c.settings().clientId() + " " + c.unconfirmedSubscriptions());
            }
        }
        if (output != null && !output.isConnected()) {
            down.add("output " + output.settings().clientId());
        }
        List<String> problems = new ArrayList<>();
        if (!down.isEmpty()) {
            problems.add("not connected to " + mqtt.url() + ": " + String.join(", ", down));
        }
        if (!unconfirmed.isEmpty()) {
            problems.add("subscriptions not confirmed by " + mqtt.url() + ": " + String.join(", ", unconfirmed));
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

}
