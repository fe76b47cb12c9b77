package de.parkleit.signbridge;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code iris-msgfeed} driver: a show puts the frame into the bridge's {@link MsgFeed} under the
 * sign's DMS name ({@code irisName}, default the sign id), which the bridge serves at
 * {@code GET /signbridge/msgfeed} for IRIS to poll. What it reports displayed is what the feed now
 * serves for the sign; it cannot know when IRIS deploys it.
 */
public final class IrisMsgFeedDriver implements SignDriver {

    private final String dmsName;
    private final MsgFeed feed;
    private final Clock clock;
    private volatile boolean open;
    private volatile DriverStatus status = new DriverStatus(false, null, null);

    public IrisMsgFeedDriver(String dmsName, MsgFeed feed, Clock clock) {
        this.dmsName = dmsName;
        this.feed = feed;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "iris-msgfeed";
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
            return CompletableFuture.failedFuture(new SignDriverException("closed", "msgfeed driver of " + dmsName + " is not open"));
        }
        feed.put(dmsName, frame);
        Displayed d = new Displayed(SignAck.linesOf(frame), clock.instant());
        status = new DriverStatus(true, d.at(), null);
        return CompletableFuture.completedFuture(d);
    }

    @Override
    public DriverStatus status() {
        return status;
    }

    /** Takes the sign out of the feed. */
    @Override
    public void close() {
        open = false;
        feed.remove(dmsName);
        status = new DriverStatus(false, status.lastShown(), null);
    }
}
