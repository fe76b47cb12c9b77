package de.parkleit.simulator.gateway;

import de.parkleit.core.facility.Facility;
import de.parkleit.core.reading.CountsReading;
import de.parkleit.core.reading.FacilityStatus;
import de.parkleit.core.reading.OccupancyReading;
import de.parkleit.core.reading.Reading;
import de.parkleit.core.reading.SpaceReading;
import de.parkleit.simulator.profile.ArrivalDepartureProcess;
import de.parkleit.simulator.profile.Mix;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The gateways of a city's facilities and what each reports after a step of the arrival/departure
 * process: an occupancy gateway its free spaces, a barrier counter the entries and exits since its
 * last message (with a sequence number; missed vehicles make it drift), single-space sensors each
 * space that changed. Which facility gets which kind and format is fixed by its id.
 */
public final class GatewayFleet {

    /** A reading and the gateway (device) that sends it. */
    public record Sent(String gateway, Reading reading, PayloadFormat format) {
    }

    private record Gateway(Facility facility, GatewayKind kind, PayloadFormat format) {
    }

    private final Map<String, Gateway> gateways = new LinkedHashMap<>();
    private final Map<String, Long> seq = new LinkedHashMap<>();
    private final Map<String, boolean[]> spaces = new LinkedHashMap<>();
    private final SplittableRandom random;
    private final FaultInjector faults;

    /**
     * @param kind   a kind for all, or null for a mix by id (60 % occupancy, 25 % counts, 15 % spaces; spaces only up to 200)
     * @param format a format for all, or null for a mix by id (40 % native, 20 % each other)
     */
    public GatewayFleet(List<Facility> facilities, GatewayKind kind, PayloadFormat format, long seed, FaultInjector faults) {
        this.random = new SplittableRandom(Mix.of(seed, "fleet", 0));
        this.faults = faults;
        for (Facility f : facilities) {
            long h = Mix.of(0, f.id(), 11);
            GatewayKind k = kind != null ? kind : mixedKind(f, h);
            PayloadFormat p = format != null ? format : mixedFormat(Mix.mix(h));
            gateways.put(f.id(), new Gateway(f, k, p));
        }
    }

    private static GatewayKind mixedKind(Facility f, long h) {
        int b = (int) Long.remainderUnsigned(h, 20);
        if (b < 12) {
            return GatewayKind.OCCUPANCY;
        }
        return b < 17 || f.capacity() > 200 ? GatewayKind.COUNTS : GatewayKind.SPACES;
    }

    private static PayloadFormat mixedFormat(long h) {
        int b = (int) Long.remainderUnsigned(h, 5);
        return b <= 1 ? PayloadFormat.NATIVE : PayloadFormat.values()[b - 1];
    }

    public GatewayKind kind(String facilityId) {
        return gateways.get(facilityId).kind();
    }

    public PayloadFormat format(String facilityId) {
        return gateways.get(facilityId).format();
    }

    /** What the facility's gateway sends at {@code now} after {@code step}. */
    public List<Sent> report(String facilityId, Instant now, ArrivalDepartureProcess.Step step) {
        Gateway g = gateways.get(facilityId);
        Facility f = g.facility();
        List<Sent> out = new ArrayList<>();
        switch (g.kind()) {
            case OCCUPANCY -> out.add(new Sent(f.id(), new OccupancyReading(f.id(), now, f.capacity() - step.occupied(),
                    f.capacity(), FacilityStatus.OPEN), g.format()));
            case COUNTS -> {
                long n = seq.merge(f.id(), 1L, Long::sum);
                out.add(new Sent(f.id(), new CountsReading(f.id(), now, counted(step.entered()), counted(step.exited()), n), g.format()));
            }
            case SPACES -> spaceChanges(f, now, step.occupied()).forEach(r -> out.add(new Sent(f.id() + "-" + r.spaceId(), r, g.format())));
        }
        return out;
    }

    private int counted(int vehicles) {
        int n = 0;
        for (int i = 0; i < vehicles; i++) {
            n += faults.missesVehicle() ? 0 : 1;
        }
        return n;
    }

    /** Flips random spaces until as many are occupied as the process says; one reading per changed space. */
    private List<SpaceReading> spaceChanges(Facility f, Instant now, int occupied) {
        boolean[] s = spaces.computeIfAbsent(f.id(), k -> new boolean[f.capacity()]);
        int current = 0;
        for (boolean b : s) {
            current += b ? 1 : 0;
        }
        List<SpaceReading> out = new ArrayList<>();
        while (current != occupied) {
            int i = random.nextInt(s.length);
            if (s[i] == (current > occupied)) {
                s[i] = !s[i];
                current += s[i] ? 1 : -1;
                out.add(new SpaceReading(f.id(), "s" + (i + 1), now, s[i]));
            }
        }
        return out;
    }
}
