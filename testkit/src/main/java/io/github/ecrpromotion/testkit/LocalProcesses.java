package io.github.ecrpromotion.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/** What the local test-server launchers share: a free loopback port, and stopping a server process for sure. */
final class LocalProcesses {
    private LocalProcesses() {
    }

    /** A port free on 127.0.0.1 right now (the server binds it moments later). */
    static int freePort() throws IOException {
        return freePort(InetAddress.getLoopbackAddress());
    }

    /** A port free on this address (the IPv6 loopback, for one). */
    static int freePort(InetAddress address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, address)) {
            return s.getLocalPort();
        }
    }

    /** Asks the process to stop, then kills it if it has not within 5 seconds. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
