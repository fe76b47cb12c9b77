package de.parkleit.signbridge;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.slf4j.LoggerFactory;

/** The log driver passes the contract; "outside" is the line it logged. */
class LogDriverTest extends SignDriverContract {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Override
    protected SignDriver newDriver() {
        log.start();
        ((Logger) LoggerFactory.getLogger(LogDriver.class)).addAppender(log);
        return new LogDriver(SIGN, Clock.systemUTC());
    }

    @Override
    protected List<String> displayedOutside() {
        String last = log.list.get(log.list.size() - 1).getFormattedMessage();
        String shown = last.substring(("sign " + SIGN + " shows ").length());
        return shown.equals("(blank)") ? List.of() : Arrays.asList(shown.split(" \\| "));
    }

    @Override
    protected String kind() {
        return "log";
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(LogDriver.class)).detachAppender(log);
    }
}
