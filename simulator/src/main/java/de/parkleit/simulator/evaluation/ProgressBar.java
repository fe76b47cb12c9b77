package de.parkleit.simulator.evaluation;

import de.parkleit.simulator.driver.SimulationProgress;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Consumer;

/** A one-line text progress bar on a terminal stream, redrawn when the percentage changes. */
final class ProgressBar implements Consumer<SimulationProgress> {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final ZoneId zone;
    private int lastPercent = -1;

    ProgressBar(PrintStream out, String label, ZoneId zone) {
        this.out = out;
        this.label = label;
        this.zone = zone;
    }

    @Override
    public void accept(SimulationProgress p) {
        int percent = (int) Math.floor(p.fraction() * 100);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        out.print(String.format(Locale.ROOT, "\r%-10s [%s%s] %3d %%  %s  trips %d/%d", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), percent, p.now().atZone(zone).toLocalTime().withNano(0), p.tripsDone(), p.tripsTotal()));
        if (percent >= 100) {
            out.println();
        }
        out.flush();
    }
}
