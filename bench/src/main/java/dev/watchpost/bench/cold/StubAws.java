package dev.watchpost.bench.cold;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.watchpost.handler.CannedAnswers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for EC2 and SNS, enough for the network function's cold start: every call answers with its
 * canned success ({@link CannedAnswers}, the bodies SnapStart priming and the functions module's wire tests use: one
 * untagged group, the event's rule, a revoke and a publish that succeed). Anything without a canned answer gets a
 * 501. Counts requests by action. Thread-safe.
 */
final class StubAws implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    StubAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(Executors.newFixedThreadPool(4, Thread.ofPlatform().daemon().factory()));
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requests answered so far, by action. */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((action, count) -> out.put(action, count.get()));
        return out;
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String service = CannedAnswers.service(authorization == null ? "" : authorization);
        String action = CannedAnswers.operation("", body);
        counts.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
        int status = 200;
        String reply = CannedAnswers.find(service, action).map(CannedAnswers.Answer::body).orElse(null);
        if (reply == null) {
            status = 501;
            reply = "<Response><Errors><Error><Code>NotCanned</Code><Message>" + service + " " + action
                    + "</Message></Error></Errors></Response>";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "stub");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
