package io.github.ecrpromotion.testkit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import org.junit.Test;

/** The moto launcher starts a real server on the loopback, resets it, and stops it. */
public class MotoServerTest {

    @Test
    public void start_servesTheMotoApiOnTheLoopback_untilClosed() throws Exception {
        MotoServer moto = MotoServer.start();
        int port = moto.port();
        try {
            assertTrue(moto.endpoint(), moto.endpoint().startsWith("http://127.0.0.1:"));
            HttpURLConnection c = (HttpURLConnection) URI.create(moto.endpoint() + "/moto-api/data.json").toURL().openConnection();
            assertEquals(200, c.getResponseCode());
            c.disconnect();
            moto.reset();
        } finally {
            moto.close();
        }
        assertFalse("moto still listens on " + port + " after close", listening(port));
    }

    @Test
    public void shared_isOneServerPerJvm() {
        assertTrue(MotoServer.shared() == MotoServer.shared());
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
