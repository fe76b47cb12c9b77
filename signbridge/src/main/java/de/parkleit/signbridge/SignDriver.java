package de.parkleit.signbridge;

import de.parkleit.core.sign.SignFrame;
import java.util.concurrent.CompletionStage;

/**
 * Drives one sign. Every method returns at once; work that waits (network, disk) completes the
 * returned stage later, on a thread of the driver's. The bridge calls {@link #show} for one frame at
 * a time per sign.
 *
 * <p>Contract (checked for every driver by {@code SignDriverContract}): {@link #connect} completes
 * before the first show; a show of a frame completes with what the sign reports it displays, which
 * for a healthy sign is {@link de.parkleit.core.sign.SignAck#linesOf} of that frame (an empty
 * frame blanks the sign); a show that cannot be done fails with a {@link SignDriverException} naming
 * the reason; {@link #status} reflects the last outcome; after {@link #close} a show fails.
 */
public interface SignDriver {

    /** The driver kind as written in {@code signs.geojson}: {@code log}, {@code http-json}, ... */
    String kind();

    CompletionStage<Void> connect();

    /** Shows the frame; completes with what the sign reports it displays. */
    CompletionStage<Displayed> show(SignFrame frame);

    DriverStatus status();

    void close();
}
