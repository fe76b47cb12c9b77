package de.parkleit.guidance.service;

import de.parkleit.prediction.forecast.ForecastConfig;
import de.parkleit.prediction.forecast.ForecastTraining;
import de.parkleit.guidance.forecast.ModelForecast;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the forecast model from the store and installs it into the running {@link ModelForecast}: at start, on
 * request and every {@link ForecastConfig#retrainEvery()}, one run at a time on a worker thread of its own (a run
 * takes seconds of CPU; it never blocks an event loop or the routing pool). A request during a run queues one more.
 */
final class ForecastRetraining {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastRetraining.class);

    private final ForecastConfig config;
    private final ForecastTraining training;
    private final ModelForecast forecast;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile WorkerExecutor pool;
    private long timer = -1;

    ForecastRetraining(ForecastConfig config, ForecastTraining training, ModelForecast forecast, Clock clock) {
        this.config = config;
        this.training = training;
        this.forecast = forecast;
        this.clock = clock;
    }

    /** Creates the worker and the periodic timer (nothing when the model is off); call from the verticle's start. */
    void start(Vertx vertx) {
        if (!config.model()) {
            return;
        }
        pool = vertx.createSharedWorkerExecutor("parkleit-forecast-" + UUID.randomUUID().toString().substring(0, 8), 1,
                30, TimeUnit.MINUTES);
        timer = vertx.setPeriodic(config.retrainEvery().toMillis(), id -> retrain());
    }

    /**
     * Retrains and installs the model; with too little history the running forecast stays. Completes with the run,
     * or with null when the model is off, stopped, or the call only queued a follow-up run.
     */
    Future<ForecastTraining.Result> retrain() {
        WorkerExecutor p = pool;
        if (p == null) {
            return Future.succeededFuture();
        }
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Future.succeededFuture();
        }
        forecast.beginRebuild();
        return p.executeBlocking(() -> {
            ForecastTraining.Result r = training.run(clock.instant());
            if (r.trained()) {
                forecast.install(r.predictor());
            } else {
                forecast.abandonRebuild();
            }
            return r;
        }, false).andThen(ar -> {
            running.set(false);
            if (ar.failed()) {
                forecast.abandonRebuild();
                LOG.warn("forecast model not trained: {}", ar.cause().toString());
            } else if (ar.result().trained()) {
                LOG.info("forecast model trained: {}", ar.result().describe());
            } else {
                LOG.info("forecast model not trained, too little history ({}): the live trend forecasts",
                        ar.result().describe());
            }
            if (again.getAndSet(false)) {
                retrain();
            }
        });
    }

    /** Cancels the timer and closes the worker. */
    Future<Void> stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
        WorkerExecutor p = pool;
        pool = null;
        return p == null ? Future.succeededFuture() : p.close();
    }
}
