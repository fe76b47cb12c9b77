package de.parkleit.simulator.evaluation;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Options of the {@code simulate} command.
 *
 * @param mode     {@code fast} (virtual clock, in-process or reference system) or {@code real} (HTTP + MQTT, wall clock)
 * @param apiUrl   real mode: base URL of a running parkleit
 * @param mqttUrl  real mode: its broker
 */
public record SimulateOptions(Path city, String scenario, boolean guidance, double compliance, double signReaction,
                              long seed, Path out, ZoneId zone, String mode, String apiUrl, String mqttUrl,
                              String topicRoot, boolean quiet, Double demand, double know) {

    static final String USAGE = """
            usage: simulate [--city DIR] [--scenario NAME|FILE] [--guidance off|on] [--compliance 0..1]
                            [--signs 0..1] [--seed N] [--out DIR] [--timezone ZONE] [--mode fast|real]
                            [--url http://host:8080] [--mqtt tcp://host:1883] [--topic-root ROOT] [--quiet]
                            [--demand X] [--know 0..1]
              --city        city folder (default cities/heidelberg)
              --scenario    saturday-peak (default), saturday, weekday, sunday, saturday-noon, stress, or a .properties file
              --guidance    on: run control (no guidance) and treatment on the same trips; off: control only (default on)
              --compliance  share of drivers who follow guidance (default 0.5)
              --signs       share of the other drivers who avoid facilities signs show as full (default 0: no measured share)
              --seed        random seed; the same seed gives the same report (default 1)
              --out         report folder (default simulation-report)
              --mode        fast: virtual clock (default); real: against a running parkleit over HTTP and MQTT, on its
                            simulation clock when it runs with PARKLEIT_CLOCK=simulation, else in real time
              --demand      override the scenario's demand scale (sensitivity runs)
              --know        probability that a driver knows a facility near the destination (default 0.6)
            """;

    public static SimulateOptions parse(String[] args) {
        Path city = Path.of("cities/heidelberg");
        String scenario = "saturday-peak";
        boolean guidance = true;
        double compliance = 0.5;
        double signs = 0;
        long seed = 1;
        Path out = Path.of("simulation-report");
        ZoneId zone = ZoneId.of("Europe/Berlin");
        String mode = "fast";
        String url = "http://localhost:8080";
        String mqtt = "tcp://localhost:1883";
        String root = "parkleit/v1";
        boolean quiet = false;
        Double demand = null;
        double know = 0.6;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quiet")) {
                quiet = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--city" -> city = Path.of(v);
                case "--scenario" -> scenario = v;
                case "--guidance" -> guidance = onOff(v);
                case "--compliance" -> compliance = share(a, v);
                case "--signs" -> signs = share(a, v);
                case "--seed" -> seed = parseLong(a, v);
                case "--out" -> out = Path.of(v);
                case "--timezone" -> zone = ZoneId.of(v);
                case "--mode" -> mode = mode(v);
                case "--url" -> url = v.replaceAll("/+$", "");
                case "--mqtt" -> mqtt = v;
                case "--topic-root" -> root = v;
                case "--demand" -> demand = positive(a, v);
                case "--know" -> know = share(a, v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        return new SimulateOptions(city, scenario, guidance, compliance, signs, seed, out, zone, mode, url, mqtt, root, quiet,
                demand, know);
    }

    private static boolean onOff(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException("--guidance must be on or off, got " + v);
        };
    }

    private static String mode(String v) {
        if (!v.equals("fast") && !v.equals("real")) {
            throw new IllegalArgumentException("--mode must be fast or real, got " + v);
        }
        return v;
    }

    private static double share(String name, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d < 0 || d > 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number between 0 and 1, got " + v);
        }
    }

    private static double positive(String name, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!(d > 0 && d <= 5)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number in (0, 5], got " + v);
        }
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got " + v);
        }
    }
}
