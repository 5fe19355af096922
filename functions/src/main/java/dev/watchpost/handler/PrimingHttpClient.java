package dev.watchpost.handler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The HTTP client of the SDK clients used for SnapStart priming: it never opens a connection. Each request is fully
 * built, signed and serialised by the SDK, then answered here from {@link CannedAnswers} in the service's wire format,
 * so marshalling, signing and unmarshalling all run and nothing leaves the process. The service is read from the
 * request's signature scope and the operation from the JSON target header or the query protocol's {@code Action}, so
 * an endpoint override cannot mislead it. A call with no canned answer fails with an error naming it, rather than
 * being primed with another service's answer. Remembers every request. Thread-safe.
 */
final class PrimingHttpClient implements SdkHttpClient {
    private static final String REQUEST_ID = "00000000-0000-4000-8000-000000000000";

    /**
     * A request as the SDK would have sent it.
     *
     * @param uri       where it would have gone
     * @param service   the signing name of the service (ec2, sns, dynamodb…)
     * @param operation the API operation
     * @param answered  whether a canned answer was found (else the call failed)
     */
    record Call(URI uri, String service, String operation, boolean answered) {
        /** "service Operation". */
        String name() {
            return service + " " + operation;
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** Every request the SDK handed over, answered or not. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return answer(request);
            }

            @Override
            public void abort() {
                // Nothing is in flight.
            }
        };
    }

    private HttpExecuteResponse answer(HttpExecuteRequest request) {
        String service = CannedAnswers.service(request.httpRequest().firstMatchingHeader("Authorization").orElse(""));
        String operation = CannedAnswers.operation(request.httpRequest().firstMatchingHeader("X-Amz-Target")
                .orElse(""), request.contentStreamProvider().map(provider -> read(provider.newStream())).orElse(""));
        Optional<CannedAnswers.Answer> canned = CannedAnswers.find(service, operation);
        calls.add(new Call(request.httpRequest().getUri(), service, operation, canned.isPresent()));
        CannedAnswers.Answer answer = canned.orElseThrow(() -> new IllegalStateException(
                "SnapStart priming has no canned answer for " + service + " " + operation + " ("
                        + request.httpRequest().method() + " " + request.httpRequest().encodedPath()
                        + "); add one under dev/watchpost/handler/canned/" + service + "/"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(200)
                        .putHeader("Content-Type", answer.xml() ? "text/xml" : "application/x-amz-json-1.1")
                        .putHeader("Content-Length", String.valueOf(bytes.length))
                        .putHeader("x-amzn-RequestId", REQUEST_ID).build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
