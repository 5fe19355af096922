package dev.watchpost.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that plays an AWS service for real SDK clients (pointed at it with
 * {@code endpointOverride}): answers are scripted per API action, in the service's own wire format, and every request
 * is kept for assertions. Actions are read from the query protocol's {@code Action} form field (EC2, SNS) or the JSON
 * protocol's {@code X-Amz-Target} header (CloudTrail, Secrets Manager), else from the path (REST). Thread-safe: each
 * request is served on its own thread, so a deliberately slow answer does not hold up the others.
 */
public final class WireServer implements AutoCloseable {
    /** A request as the server received it. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        /** The query protocol's form fields (first value of each). */
        public Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
            return fields;
        }

        /** The API action this request calls. */
        public String action() {
            String target = headers.getOrDefault("x-amz-target", "");
            if (!target.isEmpty()) {
                return target.substring(target.lastIndexOf('.') + 1);
            }
            String action = form().get("Action");
            return action != null ? action : method + " " + path;
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer. */
    public record Reply(int status, String contentType, String body, Map<String, String> headers, Duration delay) {
        public static Reply xml(int status, String body) {
            return new Reply(status, "text/xml", body, Map.of(), Duration.ZERO);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/x-amz-json-1.1", body, Map.of(), Duration.ZERO);
        }

        public static Reply restJson(int status, String body) {
            return new Reply(status, "application/json", body, Map.of(), Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, contentType, body, more, delay);
        }

        public Reply after(Duration wait) {
            return new Reply(status, contentType, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> script = new HashMap<>();
    private final List<Request> received = new ArrayList<>();

    public WireServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
        server.createContext("/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers {@code action} with these replies in turn; the last one repeats. */
    public synchronized WireServer on(String action, Reply... replies) {
        script.put(action, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /** Every request received for {@code action}, in order. */
    public synchronized List<Request> requests(String action) {
        return received.stream().filter(r -> r.action().equals(action)).toList();
    }

    /** Every request received, in order. */
    public synchronized List<Request> requests() {
        return List.copyOf(received);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
        Reply reply = record(request);
        try {
            Thread.sleep(reply.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("x-amzn-RequestId", "wire-" + received.size());
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        try {
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGaveUp) {
            // The client timed out and closed the connection first; that is what slow-endpoint tests provoke.
        } finally {
            exchange.close();
        }
    }

    private synchronized Reply record(Request request) {
        received.add(request);
        Deque<Reply> replies = script.get(request.action());
        if (replies == null || replies.isEmpty()) {
            return Reply.xml(501, "<Response><Errors><Error><Code>NotScripted</Code><Message>no answer for "
                    + request.action() + "</Message></Error></Errors></Response>");
        }
        return replies.size() > 1 ? replies.poll() : replies.peek();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
