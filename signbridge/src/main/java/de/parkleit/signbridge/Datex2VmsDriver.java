package de.parkleit.signbridge;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code datex2-vms} driver: a show puts the frame into the bridge's {@link VmsBoard}, served as a
 * DATEX II v3.6 {@code VmsPublication} at {@code GET /signbridge/datex2/vms} for a traffic centre or
 * the national access point to pull: a sign whose only channel is that publication. What it reports
 * displayed is what the publication now says. (The publication lists every sign of the bridge, whatever
 * its driver, from the acknowledgements; {@link VmsBoard}.)
 */
public final class Datex2VmsDriver implements SignDriver {

    private final String signId;
    private final VmsBoard board;
    private final Clock clock;
    private volatile boolean open;
    private volatile DriverStatus status = new DriverStatus(false, null, null);

    public Datex2VmsDriver(String signId, VmsBoard board, Clock clock) {
        this.signId = signId;
        this.board = board;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "datex2-vms";
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
            return CompletableFuture.failedFuture(new SignDriverException("closed", "datex2-vms driver of " + signId + " is not open"));
        }
        Displayed d = new Displayed(SignAck.linesOf(frame), clock.instant());
        board.put(signId, d.lines(), d.at());
        status = new DriverStatus(true, d.at(), null);
        return CompletableFuture.completedFuture(d);
    }

    @Override
    public DriverStatus status() {
        return status;
    }

    /** Takes the sign out of the publication. */
    @Override
    public void close() {
        open = false;
        board.remove(signId);
        status = new DriverStatus(false, status.lastShown(), null);
    }
}
