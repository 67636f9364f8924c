package io.github.ecrpromotion.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.ecrpromotion.core.ref.Digest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A scripted front between a client and a real upstream server (docker-registry, moto): it forwards every request
 * generically (method, path and query, headers, body; AWS SDK calls are just {@code POST /}) and relays the answer,
 * unless a test told it to misbehave like registries in the field do: answer manifest HEADs 404 or 405, leave out
 * Docker-Content-Digest, send a generic Content-Type, or acknowledge manifest PUTs without storing them. A
 * {@link #hold(Predicate) hold} stops one request at the front until the test releases it, so a race test decides the
 * interleaving without sleeping. Every request is recorded. Each exchange runs on its own thread (a cached pool), so a
 * held request never blocks the others.
 *
 * <p>{@link #next} scripts the next few answers to matching requests: statuses with headers (429 with Retry-After,
 * 503, redirects to another front), a connection closed with no answer (before or after forwarding), and bodies that
 * stall until a latch is counted down, or announce a huge Content-Length.
 *
 * <p>One change to answers: an absolute {@code Location} that points at the upstream is rewritten to point at the
 * front, as a reverse proxy does, so a client following it (blob uploads) stays behind the front.
 */
public final class RegistryFront implements AutoCloseable {
    /** Hop-by-hop headers and those the JDK client sets itself; never copied between the two connections. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection", "http2-settings", "date");
    private static final Duration UPSTREAM_TIMEOUT = Duration.ofSeconds(60);
    /** A hold nobody releases still ends, so a broken test cannot hang the build forever. */
    private static final Duration HOLD_LIMIT = Duration.ofMinutes(5);
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(5);

    static {
        // The JDK server writes headers and body separately without TCP_NODELAY, so Nagle and the client's delayed ACK
        // add about 40 ms to every answer with a body (measured: 48 ms against 5 ms a manifest GET). The property is
        // read once, when the JVM's first HttpServer starts; a test JVM that started one before keeps its setting.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<HoldImpl> holds = new CopyOnWriteArrayList<>();

    private final Object inFlightLock = new Object();
    private int inFlight;

    private volatile int headManifestsStatus;
    private volatile boolean stripDigestHeader;
    private volatile String contentTypeOverride;
    private volatile boolean acknowledgeManifestPuts;
    private final List<Scripted> scripted = new CopyOnWriteArrayList<>();
    private final List<Sequence> sequences = new CopyOnWriteArrayList<>();
    private final List<CountDownLatch> stalls = new CopyOnWriteArrayList<>();

    /** An answer given instead of forwarding, to every request that matches. */
    private record Scripted(Predicate<Request> match, int status, String contentType, byte[] body) {
    }

    private RegistryFront(URI upstream, HttpServer server, ExecutorService executor) {
        this.upstream = upstream;
        this.server = server;
        this.executor = executor;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Starts a front on a free 127.0.0.1 port forwarding to {@code upstream} (scheme, host and port; any path is ignored). */
    public static RegistryFront start(URI upstream) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "registry-front-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            RegistryFront front = new RegistryFront(upstream, server, executor);
            server.createContext("/", front::handle);
            server.setExecutor(executor);
            server.start();
            return front;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("Tried to start a registry front but failed because " + e.getMessage(), e);
        }
    }

    /** {@code 127.0.0.1:PORT}, usable as the host of a repository: {@code hostPort() + "/demo/app"}. */
    public String hostPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI uri() {
        return URI.create("http://" + hostPort());
    }

    /** The repository reference {@code 127.0.0.1:PORT/name}. */
    public String repository(String name) {
        return hostPort() + "/" + name;
    }

    /** Every HEAD of a manifest is answered with this status and no body, not forwarded; 0 forwards them again. */
    public void headManifestsAnswer(int status) {
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        headManifestsStatus = status;
    }

    /** Removes Docker-Content-Digest from every answer (the spec makes it optional; some registries leave it out). */
    public void stripDigestHeader(boolean on) {
        stripDigestHeader = on;
    }

    /** Replaces the Content-Type of successful manifest GET answers (e.g. {@code application/json}); null turns it off. */
    public void contentTypeOverride(String type) {
        contentTypeOverride = type;
    }

    /**
     * Answers every manifest PUT with 201 and Docker-Content-Digest = sha256 of the body, without forwarding it: a
     * registry that acknowledges a write and stores nothing.
     */
    public void acknowledgeManifestPutsWithoutStoring(boolean on) {
        acknowledgeManifestPuts = on;
    }

    /**
     * Answers every request that matches with this status, Content-Type and body, without forwarding it: for
     * behaviour no flag above covers (moto's PutImage answered {@code 200 {}} with nothing stored, for instance).
     */
    public void answerInstead(Predicate<Request> match, int status, String contentType, byte[] body) {
        scripted.add(new Scripted(match, status, contentType, body.clone()));
    }

    /**
     * Answers the next requests that match with these misanswers, one each, in order; then matching requests are
     * forwarded again. Sequences are consulted in the order they were given, before {@link #answerInstead}.
     */
    public void next(Predicate<Request> match, Misanswer... answers) {
        sequences.add(new Sequence(match, new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(answers))));
    }

    /** Scripted answers of {@link #next}: statuses with headers, redirects, broken connections and stalled bodies. */
    public static final class Misanswer {
        private enum Kind { STATUS, RESET, RESET_AFTER_FORWARDING, STALL_BODY, DECLARED_LENGTH, DRIP }

        private final Kind kind;
        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;
        private final long length;
        private final CountDownLatch release;

        private Misanswer(Kind kind, int status, Map<String, String> headers, byte[] body, long length,
                          CountDownLatch release) {
            this.kind = kind;
            this.status = status;
            this.headers = Map.copyOf(headers);
            this.body = body.clone();
            this.length = length;
            this.release = release;
        }

        /** This status, headers and body (sent chunked, so only the stream shows its size), not forwarded. */
        public static Misanswer status(int status, Map<String, String> headers, byte[] body) {
            return new Misanswer(Kind.STATUS, status, headers, body, 0, null);
        }

        /** This status with no body, not forwarded. */
        public static Misanswer status(int status, Map<String, String> headers) {
            return status(status, headers, new byte[0]);
        }

        /** A redirect with this status to this Location (absolute or relative), not forwarded. */
        public static Misanswer redirect(int status, String location) {
            return status(status, Map.of("Location", location));
        }

        /** The connection is closed without an answer; the request is not forwarded. */
        public static Misanswer reset() {
            return new Misanswer(Kind.RESET, 0, Map.of(), new byte[0], 0, null);
        }

        /** The request is forwarded (a PUT lands), then the connection is closed without an answer: a lost answer. */
        public static Misanswer resetAfterForwarding() {
            return new Misanswer(Kind.RESET_AFTER_FORWARDING, 0, Map.of(), new byte[0], 0, null);
        }

        /**
         * The request is forwarded; the upstream's headers and the first half of its body are sent, the rest only once
         * {@code release} is counted down (or the front is reset or closed).
         */
        public static Misanswer stalledBody(CountDownLatch release) {
            return new Misanswer(Kind.STALL_BODY, 0, Map.of(), new byte[0], 0, release);
        }

        /**
         * The request is forwarded; the upstream's headers are sent, then its body one byte at a time, one byte each
         * {@code every} (the front's pace, measured by waiting on {@code stop}), until the body is done or {@code stop}
         * is counted down: a body that drips and never seems to end.
         */
        public static Misanswer drip(Duration every, CountDownLatch stop) {
            return new Misanswer(Kind.DRIP, 0, Map.of(), new byte[0], every.toMillis(), stop);
        }

        /**
         * 200 with {@code Content-Length: length} and a few bytes of body, then nothing until {@code release}: a body
         * announced as huge that a client should refuse without reading.
         */
        public static Misanswer declaredLength(long length, CountDownLatch release) {
            return new Misanswer(Kind.DECLARED_LENGTH, 200, Map.of(), new byte[0], length, release);
        }
    }

    private record Sequence(Predicate<Request> match, java.util.Queue<Misanswer> answers) {
    }

    /**
     * Holds the next request that matches at the front, before it is forwarded, until {@link Hold#release()} (or
     * {@link #reset()} or {@link #close()}). Other requests flow meanwhile. Each hold catches exactly one request.
     */
    public Hold hold(Predicate<Request> match) {
        HoldImpl h = new HoldImpl(match);
        holds.add(h);
        return h;
    }

    /** Every request received so far, in order of arrival (held ones included). */
    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Turns every misbehaviour off, releases and forgets the holds, and forgets the recorded requests. */
    public void reset() {
        headManifestsStatus = 0;
        stripDigestHeader = false;
        contentTypeOverride = null;
        acknowledgeManifestPuts = false;
        scripted.clear();
        sequences.clear();
        releaseAllHolds();
        requests.clear();
    }

    /** Releases any hold a test forgot, then stops the server. */
    @Override
    public void close() {
        releaseAllHolds();
        // Exchanges in flight (a just-released hold) finish first. Not server.stop(delay): on Java 17 it waits the
        // whole delay even when nothing is in flight.
        long deadline = System.nanoTime() + CLOSE_LIMIT.toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                try {
                    inFlightLock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        server.stop(0);
        executor.shutdown();
    }

    private void releaseAllHolds() {
        for (HoldImpl h : holds) {
            h.release();
        }
        holds.clear();
        stalls.forEach(CountDownLatch::countDown);
        stalls.clear();
    }

    private void handle(HttpExchange ex) throws IOException {
        synchronized (inFlightLock) {
            inFlight++;
        }
        try {
            exchange(ex);
        } finally {
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new LinkedHashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            URI target = ex.getRequestURI();
            Request req = new Request(ex.getRequestMethod(), target.getRawPath(), target.getRawQuery(), headers,
                    ex.getRequestBody().readAllBytes());
            requests.add(req);
            waitIfHeld(req);
            Misanswer mis = nextMisanswer(req);
            if (mis != null && misanswer(ex, req, mis)) {
                return;
            }
            Answer answer;
            try {
                answer = answer(ex, req);
            } catch (IOException | RuntimeException e) {
                answer = Answer.text(502, "registry front: forwarding to " + upstream + " failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = Answer.text(502, "registry front: interrupted while forwarding");
            }
            send(ex, req, transform(req, answer));
        }
    }

    private Misanswer nextMisanswer(Request req) {
        for (Sequence s : sequences) {
            if (s.match().test(req)) {
                Misanswer m = s.answers().poll();
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** Answers as scripted; false when the request is to be answered as usual (never, today). */
    private boolean misanswer(HttpExchange ex, Request req, Misanswer m) throws IOException {
        switch (m.kind) {
            case RESET:
                // Closing an exchange that sent no headers closes the connection: the client sees it end early.
                return true;
            case RESET_AFTER_FORWARDING:
                forwardQuietly(ex, req);
                return true;
            case STATUS: {
                m.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
                if (req.method().equals("HEAD") || m.body.length == 0) {
                    ex.sendResponseHeaders(m.status, -1);
                } else {
                    ex.sendResponseHeaders(m.status, 0);
                    ex.getResponseBody().write(m.body);
                }
                return true;
            }
            case STALL_BODY: {
                Answer a = forwardQuietly(ex, req);
                if (a == null) {
                    return true;
                }
                a.headers().forEach((k, v) -> {
                    if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                        v.forEach(x -> ex.getResponseHeaders().add(k, x));
                    }
                });
                ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                int half = a.body().length / 2;
                ex.getResponseBody().write(a.body(), 0, half);
                ex.getResponseBody().flush();
                awaitStall(m.release);
                ex.getResponseBody().write(a.body(), half, a.body().length - half);
                return true;
            }
            case DRIP: {
                Answer a = forwardQuietly(ex, req);
                if (a == null) {
                    return true;
                }
                a.headers().forEach((k, v) -> {
                    if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                        v.forEach(x -> ex.getResponseHeaders().add(k, x));
                    }
                });
                ex.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
                stalls.add(m.release);
                for (int i = 0; i < a.body().length; i++) {
                    ex.getResponseBody().write(a.body()[i]);
                    ex.getResponseBody().flush();
                    try {
                        if (m.release.await(m.length, TimeUnit.MILLISECONDS)) {
                            return true;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return true;
                    }
                }
                return true;
            }
            case DECLARED_LENGTH: {
                ex.getResponseHeaders().add("Content-Type", "application/vnd.oci.image.manifest.v1+json");
                ex.sendResponseHeaders(200, m.length);
                ex.getResponseBody().write("{\"schemaVersion\":2,".getBytes(StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
                awaitStall(m.release);
                return true;
            }
            default:
                return false;
        }
    }

    private Answer forwardQuietly(HttpExchange ex, Request req) {
        try {
            return forward(ex, req);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void awaitStall(CountDownLatch release) {
        stalls.add(release);
        try {
            release.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitIfHeld(Request req) {
        for (HoldImpl h : holds) {
            if (h.claim(req)) {
                // Stays listed while held, so reset() and close() can release it.
                h.awaitRelease();
                holds.remove(h);
                return;
            }
        }
    }

    private Answer answer(HttpExchange ex, Request req) throws IOException, InterruptedException {
        int headStatus = headManifestsStatus;
        if (headStatus != 0 && req.method().equals("HEAD") && req.isManifest()) {
            return new Answer(headStatus, new LinkedHashMap<>(), new byte[0]);
        }
        for (Scripted a : scripted) {
            if (a.match().test(req)) {
                Map<String, List<String>> h = new LinkedHashMap<>();
                h.put("Content-Type", List.of(a.contentType()));
                return new Answer(a.status(), h, a.body().clone());
            }
        }
        if (acknowledgeManifestPuts && req.method().equals("PUT") && req.isManifest()) {
            Digest d = Digest.sha256(req.body());
            Map<String, List<String>> h = new LinkedHashMap<>();
            h.put("Docker-Content-Digest", List.of(d.toString()));
            String path = req.path();
            h.put("Location", List.of(path.substring(0, path.lastIndexOf('/') + 1) + d));
            return new Answer(201, h, new byte[0]);
        }
        return forward(ex, req);
    }

    private Answer forward(HttpExchange ex, Request req) throws IOException, InterruptedException {
        String pathAndQuery = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(pathAndQuery)).timeout(UPSTREAM_TIMEOUT)
                .method(req.method(), req.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(req.body()));
        ex.getRequestHeaders().forEach((k, values) -> {
            if (!NOT_FORWARDED.contains(k.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(k, v));
            }
        });
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!k.startsWith(":")) {
                headers.put(k, new ArrayList<>(v));
            }
        });
        return new Answer(r.statusCode(), headers, r.body() == null ? new byte[0] : r.body());
    }

    private Answer transform(Request req, Answer a) {
        Map<String, List<String>> h = a.headers();
        if (stripDigestHeader) {
            h.keySet().removeIf(k -> k.equalsIgnoreCase("Docker-Content-Digest"));
        }
        String type = contentTypeOverride;
        if (type != null && req.method().equals("GET") && req.isManifest() && a.status() / 100 == 2) {
            h.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type"));
            h.put("Content-Type", List.of(type));
        }
        String up = upstream.getScheme() + "://" + upstream.getRawAuthority();
        h.replaceAll((k, v) -> k.equalsIgnoreCase("Location")
                ? v.stream().map(l -> l.startsWith(up + "/") ? uri() + l.substring(up.length()) : l).toList() : v);
        return a;
    }

    private static void send(HttpExchange ex, Request req, Answer a) throws IOException {
        String contentLength = null;
        for (Map.Entry<String, List<String>> e : a.headers().entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if (k.equals("content-length")) {
                contentLength = e.getValue().isEmpty() ? null : e.getValue().get(0);
            } else if (!NOT_FORWARDED.contains(k)) {
                e.getValue().forEach(v -> ex.getResponseHeaders().add(e.getKey(), v));
            }
        }
        if (req.method().equals("HEAD")) {
            // A HEAD answer keeps the length the upstream announced; the JDK server sends no body for HEAD.
            if (contentLength != null) {
                ex.getResponseHeaders().set("Content-Length", contentLength);
            }
            ex.sendResponseHeaders(a.status(), -1);
        } else if (a.body().length == 0) {
            ex.sendResponseHeaders(a.status(), -1);
        } else {
            ex.sendResponseHeaders(a.status(), a.body().length);
            ex.getResponseBody().write(a.body());
        }
    }

    @Override
    public String toString() {
        return "RegistryFront[" + hostPort() + " -> " + upstream + "]";
    }

    /** A request held at the front. */
    public interface Hold {
        /** Waits until the matching request is held; throws AssertionError if none arrived within {@code max}. */
        void awaitArrived(Duration max) throws InterruptedException;

        /** Lets the held request through; called before one arrived, it cancels the hold. */
        void release();

        /** The request caught, once it arrived. */
        Request request();
    }

    /** A request as the front received it; header names are lower case, several values joined with ",". */
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public Request {
            headers = Map.copyOf(headers);
        }

        /** The header's value, or null. */
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether this is for a manifest ({@code /v2/<name>/manifests/<ref>}). */
        public boolean isManifest() {
            return path.contains("/manifests/");
        }

        /** {@code "HEAD /v2/demo/app/manifests/build-1"}, query left out. */
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        static Answer text(int status, String text) {
            Map<String, List<String>> h = new LinkedHashMap<>();
            h.put("Content-Type", List.of("text/plain; charset=utf-8"));
            return new Answer(status, h, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class HoldImpl implements Hold {
        private final Predicate<Request> match;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch arrived = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile Request request;

        HoldImpl(Predicate<Request> match) {
            this.match = match;
        }

        boolean claim(Request req) {
            if (released.getCount() == 0 || claimed.get() || !match.test(req) || !claimed.compareAndSet(false, true)) {
                return false;
            }
            request = req;
            arrived.countDown();
            return true;
        }

        void awaitRelease() {
            try {
                released.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void awaitArrived(Duration max) throws InterruptedException {
            if (!arrived.await(max.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("no request matching the hold arrived at the front within " + max.toMillis() + " ms");
            }
        }

        @Override
        public void release() {
            released.countDown();
        }

        @Override
        public Request request() {
            return request;
        }
    }
}
