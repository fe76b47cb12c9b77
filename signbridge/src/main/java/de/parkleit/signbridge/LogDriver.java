package de.parkleit.signbridge;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code log} driver: writes what the sign would show to the log (logger {@code de.parkleit.signbridge.LogDriver}). */
public final class LogDriver implements SignDriver {

    private static final Logger LOG = LoggerFactory.getLogger(LogDriver.class);

    private final String signId;
    private final Clock clock;
    private volatile boolean open;
    private volatile DriverStatus status = new DriverStatus(false, null, null);

    public LogDriver(String signId, Clock clock) {
        this.signId = signId;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "log";
    }

    @Override
    public CompletionStage<Void> connect() {
        open = true;
        status = new DriverStatus(true, status.lastShown(), null);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Displayed> show(SignFrame frame) {
        if (!open) {
            status = new DriverStatus(false, status.lastShown(), "closed");
            return CompletableFuture.failedFuture(new SignDriverException("closed", "log driver of " + signId + " is not open"));
        }
        LOG.info("sign {} shows {}", signId, frame.lines().isEmpty() ? "(blank)" : frame.text());
        Displayed d = new Displayed(SignAck.linesOf(frame), clock.instant());
        status = new DriverStatus(true, d.at(), null);
        return CompletableFuture.completedFuture(d);
    }

    @Override
    public DriverStatus status() {
        return status;
    }

    @Override
    public void close() {
        open = false;
        status = new DriverStatus(false, status.lastShown(), status.lastFault());
    }
}
