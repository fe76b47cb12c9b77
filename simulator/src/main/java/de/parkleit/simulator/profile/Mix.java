package de.parkleit.simulator.profile;

/** SplitMix64 finaliser: turns seeds and ids into well-spread, platform-independent 64-bit values. */
public final class Mix {

    private Mix() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A value for (seed, text, n) that does not depend on JVM or run. */
    public static long of(long seed, String text, long n) {
        return mix(mix(seed ^ 0x632BE59BD9B4E019L) + text.hashCode() * 0x9E3779B97F4A7C15L + mix(n));
    }

    /** A uniform double in [0, 1) from a mixed value. */
    public static double unit(long mixed) {
        return (mixed >>> 11) * 0x1.0p-53;
    }
}
