package de.parkleit.simulator.evaluation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Properties;

/**
 * A simulated period: a day, the hours simulated and how much demand there is relative to the
 * Münster median day ({@code demandScale}).
 *
 * @param end exclusive; 00:00 means midnight at the end of the day
 */
public record Scenario(String name, LocalDate day, LocalTime start, LocalTime end, double demandScale, String description) {

    public Scenario {
        if (!(demandScale > 0 && demandScale <= 5)) {
            throw new IllegalArgumentException("scenario " + name + ": demandScale must be in (0, 5], got " + demandScale);
        }
        if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
            throw new IllegalArgumentException("scenario " + name + ": end must be after start");
        }
    }

    /** Built-in scenarios; {@code saturday-peak} is the one docs/evaluation.md reports. */
    public static List<Scenario> builtIn() {
        LocalDate saturday = LocalDate.of(2026, 11, 28);
        return List.of(
                new Scenario("saturday-peak", saturday, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 1.3,
                        "peak Saturday (e.g. Advent): visitor demand 30 % above the median Münster Saturday, "
                                + "whose central garages already sit at ~100 % at noon (the 30 % is an assumption)"),
                new Scenario("saturday", saturday, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 1.0, "median Saturday"),
                new Scenario("weekday", saturday.minusDays(4), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 1.0, "median Tuesday"),
                new Scenario("sunday", saturday.plusDays(1), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 1.0, "median Sunday"),
                new Scenario("saturday-noon", saturday, LocalTime.of(10, 0), LocalTime.of(14, 0), 1.3,
                        "the four peak hours of saturday-peak, for quick runs"),
                new Scenario("stress", saturday, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 1.5,
                        "performance check: visitor demand 50 % above the median Saturday (over 20,000 trips)"));
    }

    /** A built-in name or a {@code .properties} file with name, date, start, end, demandScale, description. */
    public static Scenario resolve(String nameOrFile) {
        for (Scenario s : builtIn()) {
            if (s.name().equals(nameOrFile)) {
                return s;
            }
        }
        Path p = Path.of(nameOrFile);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("unknown scenario \"" + nameOrFile + "\": use one of "
                    + builtIn().stream().map(Scenario::name).toList() + " or a .properties file");
        }
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read scenario " + p + ": " + e.getMessage(), e);
        }
        try {
            return new Scenario(props.getProperty("name", p.getFileName().toString()),
                    LocalDate.parse(props.getProperty("date", "2026-11-28")),
                    LocalTime.parse(props.getProperty("start", "00:00")),
                    LocalTime.parse(props.getProperty("end", "00:00")),
                    Double.parseDouble(props.getProperty("demandScale", "1.0")),
                    props.getProperty("description", ""));
        } catch (DateTimeException | NumberFormatException e) {
            throw new IllegalArgumentException("scenario " + p + ": " + e.getMessage(), e);
        }
    }

    public ZonedDateTime from(ZoneId zone) {
        return day.atTime(start).atZone(zone);
    }

    public ZonedDateTime to(ZoneId zone) {
        return end.equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone) : day.atTime(end).atZone(zone);
    }
}
