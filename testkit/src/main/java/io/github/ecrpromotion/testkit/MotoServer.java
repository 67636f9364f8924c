package io.github.ecrpromotion.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real moto server ({@code python3 -m moto.server}) on a free 127.0.0.1 port, serving the ECR and STS APIs to
 * integration tests. {@link #shared()} starts one per JVM, stopped by a shutdown hook; {@link #start()} gives a
 * private one to close yourself. When moto is missing the start fails (tests fail, never skip).
 *
 * <p>It speaks no AWS SDK: tests create repositories with the SDK themselves.
 */
public final class MotoServer implements AutoCloseable {
    /** What to install when the server cannot start for want of moto. */
    public static final String NOT_INSTALLED = "moto is not installed for python3 (pip install 'moto[server]')";
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static MotoServer shared;

    private final Process process;
    private final int port;
    private final Path log;

    private MotoServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The JVM-wide server, started on first use and stopped when the JVM exits. */
    public static synchronized MotoServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            MotoServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moto-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** A new server; the caller closes it. Waits until it answers (about half a second). */
    public static MotoServer start() {
        Path log;
        int port;
        Process process;
        try {
            log = Files.createTempFile("moto-server", ".log");
            port = LocalProcesses.freePort();
            // -H 127.0.0.1: never listen beyond the loopback.
            process = new ProcessBuilder(List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port)))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Tried to start moto but failed because python3 could not be run ("
                    + e.getMessage() + "); " + NOT_INSTALLED, e);
        }
        MotoServer server = new MotoServer(process, port, log);
        server.awaitReady();
        return server;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String out = logText();
                // `python3 -m moto.server` without moto (or without its server extras: flask, werkzeug) ends at once.
                String why = out.contains("No module named") ? NOT_INSTALLED
                        : "it exited with status " + process.exitValue();
                throw new IllegalStateException("Tried to start moto on 127.0.0.1:" + port + " but failed because "
                        + why + ". Its output:\n" + out);
            }
            try {
                if (request("GET", "/moto-api/data.json") == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("Tried to start moto on 127.0.0.1:" + port + " but failed because it did not answer within "
                + STARTUP.toSeconds() + " s. Its output:\n" + logText());
    }

    /** The endpoint to give the AWS SDK as its endpoint override, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Forgets every resource of every account and region (POST /moto-api/reset). */
    public void reset() {
        try {
            int status = request("POST", "/moto-api/reset");
            if (status != 200) {
                throw new IllegalStateException("Tried to reset moto but failed because it answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Tried to reset moto but failed because " + e.getMessage() + ". Its output:\n" + logText(), e);
        }
    }

    /** Stops the server and removes its log. */
    @Override
    public void close() {
        LocalProcesses.stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // A temp file left behind is harmless.
        }
    }

    private int request(String method, String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + path).toURL().openConnection();
        c.setRequestMethod(method);
        c.setConnectTimeout(2000);
        c.setReadTimeout(10000);
        if (method.equals("POST")) {
            c.setDoOutput(true);
            c.getOutputStream().close();
        }
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        c.disconnect();
        return status;
    }

    private String logText() {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
