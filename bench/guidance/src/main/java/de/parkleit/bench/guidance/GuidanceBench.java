package de.parkleit.bench.guidance;

import de.parkleit.broker.EmbeddedBroker;
import de.parkleit.core.city.City;
import de.parkleit.core.facility.Facility;
import de.parkleit.core.topic.Topics;
import de.parkleit.ingest.IngestConfig;
import de.parkleit.ingest.IngestVerticle;
import de.parkleit.platform.city.CityLoader;
import de.parkleit.platform.config.Env;
import de.parkleit.platform.http.Problems;
import de.parkleit.platform.metrics.Health;
import de.parkleit.platform.mqtt.MqttSettings;
import de.parkleit.platform.testing.DiscardingStore;
import de.parkleit.routing.graph.RoadGraph;
import de.parkleit.prediction.forecast.ForecastConfig;
import de.parkleit.guidance.GuidanceConfig;
import de.parkleit.guidance.service.GuidanceVerticle;
import de.parkleit.routing.service.RouteHandler;
import de.parkleit.routing.network.RoadNetwork;
import de.parkleit.guidance.signs.Sign;
import de.parkleit.guidance.signs.SignsConfig;
import de.parkleit.guidance.signs.SignsFile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The guidance benchmarks on the demo city, in one process with the embedded broker:
 * <ol>
 *   <li>{@code GET /api/v1/guidance} at a fixed rate while every facility's retained state keeps
 *   changing, next to {@code GET /api/v1/route} (the bare route search) at the same rate, same
 *   server and worker pool, phases alternating;</li>
 *   <li>reading to sign: occupancy readings through ingest and the sign service to the first sign
 *   frame showing the new count, next to a plain message through the same broker.</li>
 * </ol>
 * Arguments: city folder, rate (requests/s), seconds per phase, rounds, readings, report file, forecast ({@code model}
 * or {@code trend}), the Münster export (history for the model, see {@link HistoryStore}).
 */
public final class GuidanceBench {

    private GuidanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Path cityFolder = Path.of(args[0]);
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int readings = Integer.parseInt(args[4]);
        Path report = Path.of(args[5]);
        boolean model = args.length > 6 && args[6].equals("model");
        Path export = args.length > 7 ? Path.of(args[7]) : null;
        City city = CityLoader.load(cityFolder, "city");
        RoadNetwork network = RoadNetwork.load(city.roadNetwork());
        EmbeddedBroker broker = new EmbeddedBroker("127.0.0.1", freePort(), null);
        broker.start();
        Vertx vertx = Vertx.vertx();
        StringBuilder out = new StringBuilder();
        try {
            WorkerExecutor pool = vertx.createSharedWorkerExecutor("parkleit-routing", 2);
            ForecastConfig forecast = model ? ForecastConfig.defaults(ZoneId.of("Europe/Berlin"))
                    : ForecastConfig.trendOnly(ZoneId.of("Europe/Berlin"));
            out.append(guidanceLatency(vertx, pool, broker.url(), city, network, rate, seconds, rounds, forecast, export));
            out.append('\n').append(signLatency(vertx, pool, broker.url(), city, network, readings, forecast, export));
        } finally {
            vertx.close().await();
            broker.close();
        }
        String text = out.toString();
        System.out.println(text);
        Files.createDirectories(report.getParent());
        Files.writeString(report, text);
    }

    private static String guidanceLatency(Vertx vertx, WorkerExecutor pool, String brokerUrl, City city, RoadNetwork network,
                                          double rate, double seconds, int rounds, ForecastConfig forecast, Path export)
            throws Exception {
        Topics topics = new Topics("bench-" + System.nanoTime() + "/parkleit/v1");
        GuidanceConfig config = GuidanceConfig.fromEnv(new Env(Map.of("PARKLEIT_TOPIC_ROOT", topics.root(),
                "PARKLEIT_INSTANCE_ID", "bench", "PARKLEIT_GUIDANCE_HOLD", "20s")));
        HistoryStore history = new HistoryStore(export, city.facilities());
        DiscardingStore store = history;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuidanceVerticle guidance = new GuidanceVerticle(config, forecast,
                SignsConfig.defaults(topics.root(), city.folder().resolve("signs.geojson")),
                new MqttSettings(brokerUrl, "bench-a", true, null, null), city, network, null, history, pool, registry,
                new Health(), Clock.systemUTC());
        String deployment = vertx.deployVerticle(guidance).await();
        String modelNote = awaitModel(registry, forecast);
        Router router = Router.router(vertx);
        Problems.install(router);
        guidance.routes().mount(router);
        new RouteHandler(pool, network).mount(router);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
        List<String> trips = trips(network.graph(), city.facilities(), 500);
        HttpLoad load = new HttpLoad(vertx, server.actualPort());
        StringBuilder sb = new StringBuilder();
        try (StateChurn churn = new StateChurn(brokerUrl, topics, city.facilities())) {
            churn.start(20);
            Thread.sleep(1_000);
            String sources = sources(server.actualPort(), trips);
            load.run(rate, Math.min(10, seconds), i -> "/api/v1/guidance?" + trips.get(i % trips.size()));
            load.run(rate, Math.min(10, seconds), i -> "/api/v1/route?" + trips.get(i % trips.size()));
            Samples gAll = new Samples();
            Samples gOk = new Samples();
            Samples rAll = new Samples();
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            long statesBefore = churn.published.get();
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                HttpLoad.Result g = load.run(rate, seconds, i -> "/api/v1/guidance?" + trips.get((i * 7) % trips.size()));
                HttpLoad.Result rt = load.run(rate, seconds, i -> "/api/v1/route?" + trips.get((i * 7) % trips.size()));
                copy(g.all(), gAll);
                copy(g.ok(), gOk);
                copy(rt.all(), rAll);
                g.statuses().forEach((k, v) -> statuses.merge(k, v, Integer::sum));
                if (g.errors() + rt.errors() > 0) {
                    sb.append("transport errors: ").append(g.errors() + rt.errors()).append('\n');
                }
            }
            double stateRate = (churn.published.get() - statesBefore) / ((System.nanoTime() - t0) / 1e9);
            sb.append(String.format(Locale.ROOT, "### Guidance at %.0f requests/s (%d x %.0f s per endpoint, phases alternating, "
                    + "facility states changing at %.1f/s)%n%n", rate, rounds, seconds, stateRate));
            sb.append(Stats.header("endpoint")).append('\n');
            sb.append(gAll.stats("`GET /api/v1/guidance` (all answers)").row()).append('\n');
            sb.append(gOk.stats("`GET /api/v1/guidance` (200 answers)").row()).append('\n');
            sb.append(rAll.stats("`GET /api/v1/route` (floor: one route search)").row()).append('\n');
            sb.append("\nguidance status counts: ").append(statuses).append("; events to the store: ").append(store.eventsDiscarded())
                    .append('\n');
            sb.append("forecast: ").append(modelNote).append("; forecastSource of the results of 20 trips before the load: ")
                    .append(sources).append('\n');
        }
        server.close().await();
        vertx.undeploy(deployment).await();
        return sb.toString();
    }

    /** Waits until the trained model forecasts (the verticle trains at start, on its own worker). */
    private static String awaitModel(SimpleMeterRegistry registry, ForecastConfig forecast) throws InterruptedException {
        if (!forecast.model()) {
            return "live trend (PARKLEIT_FORECAST=trend)";
        }
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 300_000_000_000L) {
            var g = registry.find("parkleit.forecast.model").gauge();
            if (g != null && g.value() >= 1) {
                return String.format(Locale.ROOT, "trained model (installed %.1f s after start)", (System.nanoTime() - t0) / 1e9);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the forecast model was not trained within 300 s");
    }

    /** How often each forecastSource appears in the answers for the first 20 trips (JDK client, 10 s timeout). */
    private static String sources(int port, List<String> trips) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("\"forecastSource\":\"([a-z]+)\"");
        for (int i = 0; i < 20; i++) {
            String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/api/v1/guidance?" + trips.get(i))).timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            var m = p.matcher(body);
            while (m.find()) {
                counts.merge(m.group(1), 1, Integer::sum);
            }
        }
        return counts.toString();
    }

    private static void copy(Samples from, Samples to) {
        from.forEach(to::add);
    }

    private static String signLatency(Vertx vertx, WorkerExecutor pool, String brokerUrl, City city, RoadNetwork network,
                                      int readings, ForecastConfig forecast, Path export) throws Exception {
        Topics topics = new Topics("bench-" + System.nanoTime() + "/parkleit/v1");
        HistoryStore store = new HistoryStore(export, city.facilities());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Path spool = Files.createTempDirectory("bench-spool");
        IngestConfig ingest = IngestConfig.defaults(topics.root(), spool).withStateInterval(Duration.ofMillis(200));
        String ingestId = vertx.deployVerticle(new IngestVerticle(ingest, new MqttSettings(brokerUrl, "bench-ingest", true, null, null),
                city, store, new SimpleMeterRegistry(), new Health())).await();
        GuidanceConfig config = GuidanceConfig.defaults(topics.root(), "bench-signs");
        String guidanceId = vertx.deployVerticle(new GuidanceVerticle(config, forecast,
                SignsConfig.defaults(topics.root(), city.folder().resolve("signs.geojson")),
                new MqttSettings(brokerUrl, "bench-b", true, null, null), city, network, null, store, pool, registry,
                new Health(), Clock.systemUTC())).await();
        String modelNote = awaitModel(registry, forecast);
        Set<String> onCountSigns = SignsFile.read(city.folder().resolve("signs.geojson"),
                        city.facilities().stream().map(Facility::id).collect(Collectors.toSet())).stream()
                .filter(s -> s.display() == Sign.Display.COUNT).flatMap(s -> s.facilities().stream()).collect(Collectors.toSet());
        List<Facility> shown = city.facilities().stream().filter(f -> onCountSigns.contains(f.id())).toList();
        double perSecond = 10;
        SignLatency.Result r = new SignLatency(brokerUrl, topics, shown).run(readings, perSecond);
        vertx.undeploy(guidanceId).await();
        vertx.undeploy(ingestId).await();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "### Reading to sign (%d readings at %.0f/s over %d facilities shown on count signs; "
                + "ingest state interval 200 ms)%n%n", readings, perSecond, shown.size()));
        sb.append(Stats.header("hop")).append('\n');
        sb.append(r.readingToSign().stats("reading published -> first sign frame showing it").row()).append('\n');
        sb.append(r.readingToState().stats("reading published -> facility state (ingest)").row()).append('\n');
        sb.append(r.stateToSign().stats("facility state -> sign frame (guidance signs)").row()).append('\n');
        sb.append(r.broker().stats("floor: one message through the broker").row()).append('\n');
        sb.append("\nreadings never seen on a sign: ").append(r.missing()).append("; forecast: ").append(modelNote).append('\n');
        return sb.toString();
    }

    /** {@code from=..&to=..} pairs: origins at random junctions, destinations within 300 m of a random facility. */
    static List<String> trips(RoadGraph g, List<Facility> facilities, int n) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int node = random.nextInt(g.nodeCount());
            Facility f = facilities.get(random.nextInt(facilities.size()));
            double bearing = random.nextDouble() * 2 * Math.PI;
            double d = random.nextDouble() * 300;
            double lat = f.lat() + d * Math.cos(bearing) / 111_320;
            double lon = f.lon() + d * Math.sin(bearing) / (111_320 * Math.cos(Math.toRadians(f.lat())));
            out.add(String.format(Locale.ROOT, "from=%.6f,%.6f&to=%.6f,%.6f", g.lat(node), g.lon(node), lat, lon));
        }
        return out;
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
