package de.parkleit.signbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.parkleit.core.sign.SignAck;
import de.parkleit.core.sign.SignFrame;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SignDriver} must do (the contract of its javadoc). A driver's test extends this
 * and says how to make the driver and how to read, outside the driver, what its sign displays.
 */
public abstract class SignDriverContract {

    protected static final String SIGN = "hd-s01";
    private static final Duration WAIT = Duration.ofSeconds(10);

    protected SignDriver driver;

    /** A fresh driver of sign {@link #SIGN}, not yet connected. */
    protected abstract SignDriver newDriver() throws Exception;

    /** What the sign displays as seen from outside the driver (the controller, the feed, the publication), one text per line. */
    protected abstract List<String> displayedOutside() throws Exception;

    protected abstract String kind();

    @BeforeEach
    void makeDriver() throws Exception {
        driver = newDriver();
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    protected static Displayed await(java.util.concurrent.CompletionStage<Displayed> s) throws Exception {
        return s.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void showReportsTheFrameItsSignNowDisplays() throws Exception {
        driver.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        SignFrame f = Frames.frame(SIGN, 123, Instant.now(), 120);
        Instant before = Instant.now().minusSeconds(1);
        Displayed d = await(driver.show(f));
        assertThat(d.lines()).isEqualTo(SignAck.linesOf(f)).hasSize(3);
        assertThat(d.at()).isAfter(before);
        assertThat(displayedOutside()).isEqualTo(SignAck.linesOf(f));
        assertThat(driver.kind()).isEqualTo(kind());
        assertThat(BridgeSign.KINDS).contains(driver.kind());
    }

    @Test
    void theNewestFrameWinsAndAnEmptyFrameBlanks() throws Exception {
        driver.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Instant t = Instant.now();
        await(driver.show(Frames.frame(SIGN, 10, t, 120)));
        SignFrame second = Frames.frame(SIGN, 9, t.plusSeconds(1), 120);
        assertThat(await(driver.show(second)).lines()).isEqualTo(SignAck.linesOf(second));
        assertThat(displayedOutside()).isEqualTo(SignAck.linesOf(second));
        assertThat(await(driver.show(Frames.blank(SIGN, t.plusSeconds(2)))).lines()).isEmpty();
        assertThat(displayedOutside()).isEmpty();
    }

    @Test
    void statusFollowsTheLastShow() throws Exception {
        driver.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(driver.status().lastShown()).isNull();
        await(driver.show(Frames.frame(SIGN, 5, Instant.now(), 120)));
        DriverStatus s = driver.status();
        assertThat(s.connected()).isTrue();
        assertThat(s.lastShown()).isNotNull();
        assertThat(s.lastFault()).isNull();
    }

    @Test
    void aShowAfterCloseFailsWithAReason() throws Exception {
        driver.connect().toCompletableFuture().get(10, TimeUnit.SECONDS);
        driver.close();
        assertThatThrownBy(() -> await(driver.show(Frames.frame(SIGN, 5, Instant.now(), 120))))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(SignDriverException.of(e.getCause()).reason()).isEqualTo("closed"));
    }
}
