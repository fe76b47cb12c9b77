package de.parkleit.app;

import de.parkleit.platform.config.ConfigException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a port is free before a component binds it, so a clash names the variable to change. */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(String host, int port, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new ConfigException("port " + port + " is already in use (set " + variable
                    + " to a free port, e.g. " + variable + "=" + (port + 1) + ")");
        }
    }
}
