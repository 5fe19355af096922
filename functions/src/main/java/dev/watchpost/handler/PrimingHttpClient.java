package dev.watchpost.handler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of the SDK clients used for SnapStart priming: it never opens a connection. Each request is fully
 * built, signed and serialised by the SDK, then answered here with a success in the service's wire format (EC2 and SNS
 * query/XML, CloudTrail and DynamoDB JSON), so marshalling, signing and unmarshalling all run and nothing leaves the process.
 * Counts the requests it answered. Thread-safe.
 */
final class PrimingHttpClient implements SdkHttpClient {
    private static final String EC2_NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    private static final String REQUEST_ID = "<requestId>00000000-0000-4000-8000-000000000000</requestId>";

    private final AtomicInteger answered = new AtomicInteger();

    int answered() {
        return answered.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                answered.incrementAndGet();
                return answer(request);
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    private static HttpExecuteResponse answer(HttpExecuteRequest request) {
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        if (!target.isEmpty()) {
            return response("application/x-amz-json-1.1", "{}");
        }
        String action = action(request.contentStreamProvider().map(provider -> read(provider.newStream()))
                .orElse(""));
        String host = request.httpRequest().host();
        if (host.startsWith("sns.")) {
            return response("text/xml", "<" + action + "Response xmlns=\"https://sns.amazonaws.com/doc/2010-03-31/\">"
                    + "<" + action + "Result><MessageId>00000000-0000-4000-8000-000000000000</MessageId></" + action
                    + "Result><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId>"
                    + "</ResponseMetadata></" + action + "Response>");
        }
        String body = switch (action) {
            case "DescribeSecurityGroups" -> "<securityGroupInfo><item><ownerId>123456789012</ownerId><groupId>"
                    + "sg-00000000000000000</groupId><groupName>primed</groupName><ipPermissions/>"
                    + "<ipPermissionsEgress/><tagSet/></item></securityGroupInfo>";
            case "DescribeSecurityGroupRules" -> "<securityGroupRuleSet/>";
            default -> "<return>true</return>";
        };
        return response("text/xml", "<" + action + "Response " + EC2_NS + ">" + REQUEST_ID + body + "</" + action
                + "Response>");
    }

    /** The query protocol's {@code Action} form field. */
    private static String action(String form) {
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return "Unknown";
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpExecuteResponse response(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(200).putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", String.valueOf(bytes.length))
                        .putHeader("x-amzn-RequestId", "00000000-0000-4000-8000-000000000000").build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    @Override
    public String clientName() {
        return "WatchpostPriming";
    }

    @Override
    public void close() {
        // Nothing to release.
    }
}
