package de.parkleit.signbridge;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes each sign's driver. One per bridge: its http-json drivers share one {@link HttpClient}, its
 * iris-msgfeed drivers one {@link MsgFeed} and its datex2-vms drivers one {@link VmsBoard}, which the
 * bridge serves over HTTP.
 */
public final class SignDrivers {

    private final HttpClient http;
    private final MsgFeed msgFeed = new MsgFeed();
    private final VmsBoard vmsBoard;
    private final Clock clock;

    public SignDrivers(VmsBoard vmsBoard, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        this.vmsBoard = vmsBoard;
        this.clock = clock;
    }

    public SignDriver create(BridgeSign s) {
        return switch (s.kind()) {
            case "log" -> new LogDriver(s.id(), clock);
            case "http-json" -> new HttpJsonDriver(s.id(), s.http(), http, clock);
            case "iris-msgfeed" -> new IrisMsgFeedDriver(s.irisName(), msgFeed, clock);
            case "datex2-vms" -> new Datex2VmsDriver(s.id(), vmsBoard, clock);
            default -> throw new IllegalArgumentException("no driver " + s.kind());
        };
    }

    public MsgFeed msgFeed() {
        return msgFeed;
    }

    public VmsBoard vmsBoard() {
        return vmsBoard;
    }
}
