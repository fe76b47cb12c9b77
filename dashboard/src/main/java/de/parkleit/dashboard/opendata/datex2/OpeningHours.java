package de.parkleit.dashboard.opendata.datex2;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of OpenStreetMap's {@code opening_hours} syntax that DATEX II's recurring periods can say: {@code 24/7},
 * and rules separated by {@code ;} of optional weekdays ({@code Mo-Fr}, {@code Mo,We}, {@code Sa}) and times
 * ({@code 07:00-23:00}, several with {@code ,}; {@code 24:00} is midnight); a rule {@code <days> off} is dropped (a day
 * without a period is closed). Anything else (public holidays, months, comments) is not read: the export then leaves
 * the opening times out rather than publishing wrong ones.
 *
 * @param always open around the clock every day
 * @param rules  the periods, empty when {@code always}
 */
record OpeningHours(boolean always, List<Rule> rules) {

    /** Open from {@code from} to {@code to} on {@code days} ({@code to} 00:00: until midnight). */
    record Rule(Set<DayOfWeek> days, LocalTime from, LocalTime to, String fromText, String toText, List<String> dayNames) {

        Rule(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
            this(days, from, to, timeText(from), timeText(to), days.stream().map(OpeningHours::dayName).toList());
        }
    }

    private static final List<String> DAYS = List.of("mo", "tu", "we", "th", "fr", "sa", "su");
    private static final Pattern RULE = Pattern.compile(
            "(?:((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:,(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?)*)\\s+)?"
                    + "(off|\\d{2}:\\d{2}-\\d{2}:\\d{2}(?:,\\d{2}:\\d{2}-\\d{2}:\\d{2})*)");
    private static final Pattern SPAN = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");

    /** The hours of {@code osm}; empty when blank or not in the readable subset. */
    static Optional<OpeningHours> parse(String osm) {
        String s = osm == null ? "" : osm.strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.equals("24/7")) {
            return Optional.of(new OpeningHours(true, List.of()));
        }
        List<Rule> rules = new ArrayList<>();
        for (String part : s.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Matcher m = RULE.matcher(p);
            if (!m.matches()) {
                return Optional.empty();
            }
            if (m.group(2).equals("off")) {
                continue;
            }
            Set<DayOfWeek> days = m.group(1) == null ? EnumSet.allOf(DayOfWeek.class) : days(m.group(1));
            Matcher t = SPAN.matcher(m.group(2));
            while (t.find()) {
                LocalTime from = time(t.group(1), t.group(2));
                LocalTime to = time(t.group(3), t.group(4));
                if (from == null || to == null) {
                    return Optional.empty();
                }
                rules.add(new Rule(days, from, to));
            }
        }
        return rules.isEmpty() ? Optional.empty() : Optional.of(new OpeningHours(false, List.copyOf(rules)));
    }

    private static Set<DayOfWeek> days(String spec) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String range : spec.split(",")) {
            String[] ends = range.split("-");
            int from = DAYS.indexOf(ends[0].toLowerCase(Locale.ROOT));
            int to = ends.length == 1 ? from : DAYS.indexOf(ends[1].toLowerCase(Locale.ROOT));
            for (int d = from; ; d = (d + 1) % 7) {
                out.add(DayOfWeek.of(d + 1));
                if (d == to) {
                    break;
                }
            }
        }
        return out;
    }

    private static LocalTime time(String h, String m) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (hour == 24 && minute == 0) {
            return LocalTime.MIDNIGHT;
        }
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }

    /** {@code monday} … {@code sunday}, as both versions' {@code DayEnum}. */
    static String dayName(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    /** {@code HH:mm:ss} for {@code xs:time}. */
    static String timeText(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d:00", t.getHour(), t.getMinute());
    }
}
