package de.parkleit.broker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Moquette closes the connection of a client that sends an MQTT message over the broker's size limit, and logs
 * an ERROR with a stack trace for it, again on every reconnect of that client. This filter takes those events
 * (logger {@code io.moquette.broker.NewNettyMQTTHandler}, a {@code TooLongFrameException} from Netty's MQTT decoder as cause), counts them and logs
 * one WARN per client id instead. It is installed by {@link EmbeddedBroker} into Logback's context while the broker
 * runs, and only when Logback is the logging backend.
 */
final class OversizedMessageFilter extends TurboFilter {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String MOQUETTE_HANDLER = "io.moquette.broker.NewNettyMQTTHandler";
    private static final int MAX_WARNED_CLIENTS = 10_000;

    private final int maxMessageBytes;
    private final AtomicLong refused = new AtomicLong();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    OversizedMessageFilter(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Installs a filter into the Logback context, or returns null when Logback is not the backend. */
    static OversizedMessageFilter install(int maxMessageBytes) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return null;
        }
        OversizedMessageFilter f = new OversizedMessageFilter(maxMessageBytes);
        f.setName("parkleit-embedded-broker-oversized");
        f.start();
        ctx.addTurboFilter(f);
        return f;
    }

    void uninstall() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
            ctx.getTurboFilterList().remove(this);
        }
        stop();
    }

    long refused() {
        return refused.get();
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (logger == null || !MOQUETTE_HANDLER.equals(logger.getName()) || format == null || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        Throwable cause = t != null ? t : lastThrowable(params);
        if (!tooLarge(cause)) {
            return FilterReply.NEUTRAL;
        }
        refused.incrementAndGet();
        String client = params != null && params.length > 0 && !(params[0] instanceof Throwable) ? String.valueOf(params[0]) : "?";
        if (warned.size() < MAX_WARNED_CLIENTS && warned.add(client)) {
            LOG.warn("embedded MQTT broker refused a message over {} bytes from client {} and closed its connection"
                    + " (PARKLEIT_EMBEDDED_MQTT_MAX_MESSAGE; logged once per client, counted in parkleit.mqtt.embedded.oversized)",
                    maxMessageBytes, client);
        }
        return FilterReply.DENY;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable th ? th : null;
    }

    private static boolean tooLarge(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getSimpleName().equals("TooLongFrameException")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }
}
