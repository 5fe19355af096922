package dev.watchpost.bench.cold;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for EC2 and SNS, enough for the network function's cold start: DescribeSecurityGroups (one
 * untagged group), DescribeSecurityGroupRules (the event's rule), RevokeSecurityGroupIngress and Publish succeed, in
 * the services' query/XML wire format (the bodies of the functions module's wire tests). Anything else gets a 501.
 * Counts requests by action. Thread-safe.
 */
final class StubAws implements AutoCloseable {
    private static final String EC2_NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

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
        String action = "unknown";
        for (String pair : body.split("&")) {
            if (pair.startsWith("Action=")) {
                action = URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
            }
        }
        counts.computeIfAbsent(action, a -> new AtomicInteger()).incrementAndGet();
        int status = 200;
        String reply = switch (action) {
            case "DescribeSecurityGroups" -> "<DescribeSecurityGroupsResponse " + EC2_NS + "><requestId>"
                    + "8f7f3c3e-0000-4000-8000-000000000003</requestId><securityGroupInfo><item><ownerId>123456789012"
                    + "</ownerId><groupId>sg-2c53d16ce65dea612</groupId><groupName>web</groupName><groupDescription>"
                    + "web servers</groupDescription><vpcId>vpc-0a1b2c3d4e5f60718</vpcId><ipPermissions/>"
                    + "<ipPermissionsEgress/><tagSet/></item></securityGroupInfo></DescribeSecurityGroupsResponse>";
            case "DescribeSecurityGroupRules" -> "<DescribeSecurityGroupRulesResponse " + EC2_NS + "><requestId>"
                    + "8f7f3c3e-0000-4000-8000-000000000004</requestId><securityGroupRuleSet><item>"
                    + "<securityGroupRuleId>sgr-25848eff2234755a5</securityGroupRuleId><groupId>sg-2c53d16ce65dea612"
                    + "</groupId><groupOwnerId>123456789012</groupOwnerId><isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>22"
                    + "</fromPort><toPort>22</toPort><cidrIpv4>0.0.0.0/0</cidrIpv4><tagSet/></item>"
                    + "</securityGroupRuleSet></DescribeSecurityGroupRulesResponse>";
            case "RevokeSecurityGroupIngress" -> "<RevokeSecurityGroupIngressResponse " + EC2_NS + "><requestId>"
                    + "8f7f3c3e-0000-4000-8000-000000000002</requestId><return>true</return>"
                    + "</RevokeSecurityGroupIngressResponse>";
            case "Publish" -> "<PublishResponse xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                    + "<MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult><ResponseMetadata>"
                    + "<RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>";
            default -> {
                status = 501;
                yield "<Response><Errors><Error><Code>NotStubbed</Code><Message>" + action
                        + "</Message></Error></Errors></Response>";
            }
        };
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
