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
import de.parkleit.ingest.validate.ReadingValidator;
import de.parkleit.ingest.write.BatchWriter;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.InboundMessage;
import de.parkleit.platform.mqtt.MqttConnection;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.store.TimeSeriesStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the ingest service: opens the spool, connects to the broker with manual
 * acknowledgements, takes over the retained live state, publishes {@code unknown} for facilities
 * nobody has reported on yet, then subscribes to the gateway topics (through the share group when
 * one is configured). Use a persistent session ({@code cleanSession=false}) with a stable client id.
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
    private MqttConnection connection;
    private WorkerExecutor worker;
    private IngestResources resources;
    private BatchWriter writer;
    private LiveState live;
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

    private Future<Void> startWith(IngestResources opened) {
        resources = opened;
        connection = new MqttConnection(context, mqtt, true);
        writer = new BatchWriter(context, worker, store, resources.spool(), config.batchMax(), config.batchMax() * 10, registry);
        pipeline = buildPipeline();
        syncTopic = topics.root() + "/ingest/sync/" + mqtt.clientId().replaceAll("[^A-Za-z0-9_-]", "_");
        synced = Promise.promise();
        connection.messageHandler(this::onMessage);
        registerHealth();
        return connection.connect()
                .compose(v -> connection.subscribe(topics.facilityStateFilter(), 0))
                .compose(v -> connection.subscribe(syncTopic, 0))
                .compose(v -> connection.publish(syncTopic, new byte[] {'1'}, 0, false))
                .compose(v -> awaitRetained())
                .compose(v -> publishUnknown())
                .compose(v -> subscribeInputs())
                .onSuccess(v -> {
                    started = true;
                    writer.start();
                    expireTimer = vertx.setPeriodic(EXPIRE_EVERY_MS, id -> pipeline.expire());
                    LOG.info("ingest started: subscribed under {}{}", topics.root(),
                            config.shareGroup() == null ? "" : " in share group " + config.shareGroup());
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
        StatePublisher states = new StatePublisher(vertx, (t, p) -> connection.publish(t, p, 1, true), config.stateInterval());
        DeadLetters deadLetters = new DeadLetters(topics, registry, (t, p) -> connection.publish(t, p, 0, false),
                System::currentTimeMillis);
        return new MessagePipeline(topics, decoder, new ReadingValidator(capacities.keySet(), config.maxFuture()), live,
                writer, states, deadLetters, connection::ack, clock, registry);
    }

    @Override
    public Future<?> stop() {
        if (expireTimer >= 0) {
            vertx.cancelTimer(expireTimer);
        }
        Future<Void> drained = writer == null ? Future.succeededFuture() : writer.close(5_000);
        return drained
                .transform(ar -> connection == null ? Future.succeededFuture() : connection.disconnect())
                .transform(ar -> resources == null ? Future.succeededFuture() : worker.executeBlocking(() -> {
                    resources.spool().close();
                    return null;
                }))
                .transform(ar -> worker.close())
                .onComplete(ar -> LOG.info("ingest stopped"));
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
        connection.ack(m);
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
                        .map(s -> connection.publish(topics.facilityState(s.facilityId()), FacilityStateCodec.encode(s), 1, true))
                        .collect(Collectors.toList()))
                .mapEmpty();
    }

    private Future<Void> subscribeInputs() {
        String g = config.shareGroup();
        return Future.all(List.of(
                connection.subscribe(Topics.shared(g, topics.parkingInputFilter()), 1),
                connection.subscribe(Topics.shared(g, topics.trafficInputFilter()), 1),
                connection.subscribe(Topics.shared(g, topics.lorawanInputFilter()), 1),
                connection.subscribe(Topics.shared(g, TopicDecoder.senmlFilter(topics)), 1))).mapEmpty();
    }

    private void registerHealth() {
        health.register("ingest-mqtt", () -> connection.isConnected() ? null : "not connected to " + mqtt.url());
        health.register("ingest-store", () -> writer.storeFailing()
                ? "store " + store.name() + " is not taking writes; spooling to " + config.spoolDir() : null);
        health.register("ingest-spool", () -> writer.spoolFull()
                ? "spool " + config.spoolDir() + " is full; messages stay unacknowledged at the broker" : null);
    }
}
