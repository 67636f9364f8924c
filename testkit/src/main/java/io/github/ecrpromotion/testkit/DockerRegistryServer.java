package io.github.ecrpromotion.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts a real Debian {@code docker-registry} (distribution 2.8) on a free 127.0.0.1 port with its own config in a
 * temp directory (never the packaged config, which enables htpasswd on a directory and listens on every interface),
 * waits for {@code GET /v2/} to answer 200, and on {@link #close()} kills it and deletes the directory. Variants:
 * anonymous, basic auth from a bcrypt htpasswd file, anonymous on the IPv6 loopback {@code [::1]}, and HTTPS with a
 * self-signed certificate made by {@code openssl} (its own CA: {@link #caCertificate()}). Fails (never skips) when the
 * binary is missing.
 */
public final class DockerRegistryServer implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Path dir;
    private final Process process;
    private final int port;
    /** The address it listens on, as written in a URL: {@code 127.0.0.1} or {@code [::1]}. */
    private final String address;
    private final String username;
    private final String password;
    private final Path caCertificate;

    private DockerRegistryServer(Path dir, Process process, String address, int port, String username, String password,
                                 Path caCertificate) {
        this.dir = dir;
        this.caCertificate = caCertificate;
        this.process = process;
        this.address = address;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** An anonymous registry. */
    public static DockerRegistryServer start() {
        return start(null, null, false, null);
    }

    /**
     * An anonymous registry whose storage lies in {@code /dev/shm} (a RAM disk) when the machine has one: for tests
     * that seed and read thousands of tags, where a loaded disk makes each file operation cost milliseconds.
     */
    public static DockerRegistryServer startInRam() {
        Path shm = Path.of("/dev/shm");
        return start(null, null, false, null, Files.isDirectory(shm) && Files.isWritable(shm) ? shm : null);
    }

    /** An anonymous registry listening only on the IPv6 loopback, reached as {@code [::1]:PORT}. */
    public static DockerRegistryServer startOnIpv6Loopback() {
        return start(null, null, true, null);
    }

    /** An anonymous registry over HTTPS, its certificate for 127.0.0.1 and localhost. */
    public static DockerRegistryServer startWithTls() {
        return startWithTls("IP:127.0.0.1,DNS:localhost");
    }

    /**
     * An anonymous registry over HTTPS whose self-signed certificate names these subject alternative names (openssl
     * syntax, {@code DNS:registry.example,IP:10.0.0.1}): give names other than 127.0.0.1 for a name mismatch.
     */
    public static DockerRegistryServer startWithTls(String subjectAltNames) {
        return start(null, null, false, subjectAltNames);
    }

    /** A registry that requires basic auth for this user (bcrypt htpasswd, made with {@code htpasswd -Bbn}). */
    public static DockerRegistryServer startWithHtpasswd(String user, String password) {
        return start(user, password, false, null);
    }

    private static DockerRegistryServer start(String user, String password, boolean ipv6, String tlsNames) {
        return start(user, password, ipv6, tlsNames, null);
    }

    private static DockerRegistryServer start(String user, String password, boolean ipv6, String tlsNames, Path parent) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("docker-registry is not installed: apt-get install -y docker-registry");
        }
        IllegalStateException last = null;
        // The free port is found by binding and releasing it; another process may take it in between, so retry.
        for (int attempt = 0; attempt < 3; attempt++) {
            Path dir;
            try {
                dir = parent == null ? Files.createTempDirectory("docker-registry-")
                        : Files.createTempDirectory(parent, "docker-registry-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return launch(dir, user, password, ipv6, tlsNames);
            } catch (IllegalStateException e) {
                deleteTree(dir);
                last = e;
            }
        }
        throw last;
    }

    private static DockerRegistryServer launch(Path dir, String user, String password, boolean ipv6, String tlsNames) {
        try {
            String address = ipv6 ? "[::1]" : "127.0.0.1";
            int port = ipv6 ? LocalProcesses.freePort(InetAddress.getByName("::1")) : LocalProcesses.freePort();
            String auth = "";
            if (user != null) {
                Path htpasswd = dir.resolve("htpasswd");
                Files.writeString(htpasswd, htpasswdLine(user, password));
                auth = "auth:\n  htpasswd:\n    realm: testkit-realm\n    path: " + htpasswd + "\n";
            }
            String config = "version: 0.1\n"
                    + "log:\n  level: warn\n  accesslog:\n    disabled: true\n"
                    + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data") + "\n"
                    + "  delete:\n    enabled: true\n"
                    + "  maintenance:\n    uploadpurging:\n      enabled: false\n"
                    + auth
                    + "http:\n  addr: \"" + address + ":" + port + "\"\n  secret: testkit-fixed-secret\n";
            Path cert = null;
            if (tlsNames != null) {
                cert = dir.resolve("ca.pem");
                Path key = dir.resolve("key.pem");
                selfSigned(cert, key, tlsNames);
                config += "  tls:\n    certificate: " + cert + "\n    key: " + key + "\n";
            }
            Path configFile = dir.resolve("config.yml");
            Files.writeString(configFile, config);
            Path log = dir.resolve("registry.log");
            Process p = new ProcessBuilder(BINARY.toString(), "serve", configFile.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            DockerRegistryServer server = new DockerRegistryServer(dir, p, address, port, user, password, cert);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("Tried to start docker-registry but failed because " + e, e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
        if (caCertificate != null) {
            builder.sslContext(sslContext());
        }
        HttpClient client = builder.build();
        HttpRequest.Builder req = HttpRequest.newBuilder(uri().resolve("/v2/")).timeout(Duration.ofSeconds(2)).GET();
        authorizationHeader().ifPresent(a -> req.header("Authorization", a));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + " during startup: "
                        + tail(log));
            }
            try {
                if (client.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("docker-registry did not answer 200 on GET /v2/ within " + STARTUP.toSeconds()
                + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** A self-signed certificate (its own CA) and its key, with these subject alternative names. */
    private static void selfSigned(Path cert, Path key, String names) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                    "-out", cert.toString(), "-days", "2", "-subj", "/CN=testkit-registry",
                    "-addext", "subjectAltName=" + names).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("openssl is not installed: apt-get install -y openssl", e);
        }
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException("openssl req -x509 failed with exit code " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running openssl", e);
        }
    }

    /** The PEM certificate of the TLS variant (self-signed, so also its CA); empty for the plain-HTTP variants. */
    public Optional<Path> caCertificate() {
        return Optional.ofNullable(caCertificate);
    }

    /**
     * A context that trusts only the TLS variant's certificate, whatever host name it names (a variant may name
     * another host on purpose), for the seeding side of tests.
     */
    public javax.net.ssl.SSLContext sslContext() {
        try (java.io.InputStream in = Files.newInputStream(caCertificate)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("testkit", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            javax.net.ssl.X509TrustManager trust = (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0];
            javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new ChainOnly(trust)}, null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Tried to trust the test registry's certificate but failed because " + e, e);
        }
    }

    /** Checks the chain, not the host name (JSSE checks the name only through an extended trust manager's own code). */
    private static final class ChainOnly extends javax.net.ssl.X509ExtendedTrustManager {
        private final javax.net.ssl.X509TrustManager trust;

        ChainOnly(javax.net.ssl.X509TrustManager trust) {
            this.trust = trust;
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       java.net.Socket socket) throws java.security.cert.CertificateException {
            trust.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       java.net.Socket socket) throws java.security.cert.CertificateException {
            trust.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       javax.net.ssl.SSLEngine engine) throws java.security.cert.CertificateException {
            trust.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType,
                                       javax.net.ssl.SSLEngine engine) throws java.security.cert.CertificateException {
            trust.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            trust.checkClientTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            trust.checkServerTrusted(chain, authType);
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return trust.getAcceptedIssuers();
        }
    }

    private static String htpasswdLine(String user, String password) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder("htpasswd", "-Bbn", user, password).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("htpasswd is not installed: apt-get install -y apache2-utils", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("htpasswd -Bbn failed with exit code " + p.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running htpasswd", e);
        }
        return out + "\n";
    }

    /**
     * Writes manifests under tags straight into the registry's filesystem storage, laid out as distribution 2.8 does
     * (the manifest as a blob, its revision link, the tag's current and index links), while it runs: it reads that
     * storage on every request and caches nothing by default. Seeds thousands of tags in a second, where a PUT each
     * takes a minute; the blobs the manifests refer to must have been pushed through the API first.
     */
    public void writeTags(String name, java.util.Map<String, io.github.ecrpromotion.core.registry.RawManifest> tags)
            throws IOException {
        Path v2 = dir.resolve("data").resolve("docker/registry/v2");
        Path manifests = v2.resolve("repositories").resolve(name).resolve("_manifests");
        for (java.util.Map.Entry<String, io.github.ecrpromotion.core.registry.RawManifest> e : tags.entrySet()) {
            String hex = e.getValue().digest().hex();
            String link = "sha256:" + hex;
            Path blob = v2.resolve("blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
            Files.createDirectories(blob.getParent());
            Files.write(blob, e.getValue().bytes());
            writeLink(manifests.resolve("revisions/sha256").resolve(hex).resolve("link"), link);
            Path tag = manifests.resolve("tags").resolve(e.getKey());
            writeLink(tag.resolve("index/sha256").resolve(hex).resolve("link"), link);
            writeLink(tag.resolve("current/link"), link);
        }
    }

    private static void writeLink(Path link, String target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.writeString(link, target, StandardCharsets.US_ASCII);
    }

    /** {@code 127.0.0.1:PORT}, or {@code [::1]:PORT} for the IPv6 variant. */
    public String hostPort() {
        return address + ":" + port;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT} (or {@code http://[::1]:PORT}), or {@code https://} for the TLS variant. */
    public URI uri() {
        return URI.create((caCertificate == null ? "http://" : "https://") + hostPort());
    }

    /** The repository reference {@code 127.0.0.1:PORT/name}. */
    public String repository(String name) {
        return hostPort() + "/" + name;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** The Basic header of the htpasswd variant's user; empty for the anonymous variant. */
    public Optional<String> authorizationHeader() {
        return username().map(u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A client that stores blobs and manifests here with the plain distribution API, as the seeding side of tests. */
    public SeedClient seedClient() {
        return caCertificate == null ? new SeedClient(uri(), authorizationHeader())
                : new SeedClient(uri(), authorizationHeader(), sslContext());
    }

    @Override
    public void close() {
        LocalProcesses.stop(process);
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp directory
        }
    }
}
