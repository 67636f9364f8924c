package io.github.ecrpromotion.ecr;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server speaking ECR's AWS JSON 1.1 protocol from a script, for what moto cannot show: pagination,
 * throttling, ImageTagAlreadyExistsException, auth errors. It records every request it receives.
 */
final class ScriptedEcrServer implements AutoCloseable {
    /** One request as received: the operation from X-Amz-Target, the JSON body, the Authorization header. */
    record Received(String operation, String body, String authorization) {
    }

    /** One scripted answer; {@code hang} answers nothing until the server closes. */
    record Answer(int status, String body, boolean hang) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> script = new HashMap<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch closing = new CountDownLatch(1);

    ScriptedEcrServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static Answer ok(String json) {
        return new Answer(200, json, false);
    }

    /** An AWS JSON 1.1 error: the SDK reads the error code from {@code __type}. */
    static Answer error(int status, String type, String message) {
        return new Answer(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}", false);
    }

    static Answer hang() {
        return new Answer(0, null, true);
    }

    /** Answers for an operation (e.g. "ListImages"), in order; the last one repeats. */
    synchronized ScriptedEcrServer on(String operation, Answer... answers) {
        script.put(operation, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> received(String operation) {
        return received().stream().filter(r -> r.operation().equals(operation)).toList();
    }

    private void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        // ECR (AWS JSON 1.1) names the operation in X-Amz-Target; STS (AWS query) in the form field Action.
        String operation = target != null ? target.substring(target.indexOf('.') + 1) : formAction(body);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        received.add(new Received(operation, body, auth == null ? "" : auth));
        Answer a = next(operation);
        if (a.hang()) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", a.body().startsWith("<") ? "text/xml" : "application/x-amz-json-1.1");
        ex.getResponseHeaders().add("x-amzn-RequestId", "req-" + received.size());
        ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private static String formAction(String body) {
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                return pair.substring("Action=".length());
            }
        }
        return "";
    }

    /** An AWS query-protocol error (STS). */
    static Answer queryError(int status, String code, String message) {
        return new Answer(status, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>" + code + "</Code><Message>" + message + "</Message></Error><RequestId>r-1</RequestId></ErrorResponse>", false);
    }

    private synchronized Answer next(String operation) {
        Deque<Answer> answers = script.get(operation);
        if (answers == null || answers.isEmpty()) {
            return error(400, "UnknownOperationException", "not scripted: " + operation);
        }
        return answers.size() > 1 ? answers.poll() : answers.peek();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
