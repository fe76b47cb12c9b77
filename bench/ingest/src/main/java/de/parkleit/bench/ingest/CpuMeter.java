package de.parkleit.bench.ingest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the broker process (from {@code /proc/<pid>/stat}), of this JVM (publishers,
 * consumer and embedded QuestDB) and of the whole machine ({@code /proc/stat}: everything not idle,
 * other users' processes included) between {@link #start()} and {@link #cores(long)}, as cores used
 * on average: 1.0 means one core busy the whole time.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final long brokerPid;
    private long wall0;
    private double broker0;
    private double jvm0;
    private double machine0;

    CpuMeter(long brokerPid) {
        this.brokerPid = brokerPid;
    }

    CpuMeter start() {
        wall0 = System.nanoTime();
        broker0 = brokerSeconds();
        jvm0 = jvmSeconds();
        machine0 = machineBusySeconds();
        return this;
    }

    /** {broker, this JVM, whole machine} in cores from {@link #start()} until {@code endNanos} (the CPU is read now). */
    double[] cores(long endNanos) {
        double wall = (endNanos - wall0) / 1e9;
        return new double[] {(brokerSeconds() - broker0) / wall, (jvmSeconds() - jvm0) / wall,
                (machineBusySeconds() - machine0) / wall};
    }

    /** Busy CPU seconds of all cores: the {@code cpu} line of {@code /proc/stat} without idle and iowait. */
    private static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) { // user nice system idle iowait irq softirq steal
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private double brokerSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime (fields 14, 15)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
