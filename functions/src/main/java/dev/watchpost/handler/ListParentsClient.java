package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.config.OuPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * AWS Organizations' {@code ListParents}, called from an account up to the root, to learn which OUs hold an account.
 * Written as one SigV4-signed AWS JSON 1.1 call over the SDK HTTP client the functions already use, because the
 * Organizations SDK module would add a client (and its cold-start classes) for one read. Organizations has one
 * endpoint per partition ({@link #global}); the call can be made only from the management account or a delegated
 * administrator. One attempt per call (no retries: the caller caches failures briefly and never enforces on them).
 * Thread-safe.
 */
final class ListParentsClient {
    static final String TARGET = "AWSOrganizationsV20161128.ListParents";
    static final String SERVICE = "organizations";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    /** Organizations nests OUs at most five deep under the root; more parents than this is not an organization. */
    static final int MAX_DEPTH = 8;
    /** Empty pages followed before giving up (List* calls may answer an empty page with a NextToken). */
    private static final int MAX_PAGES = 5;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Organizations said no, or could not be reached; the message names the error. */
    static final class LookupFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        LookupFailedException(String message) {
            super(message);
        }
    }

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final String signingRegion;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    ListParentsClient(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, String signingRegion) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.signingRegion = signingRegion;
    }

    /** The partition's one Organizations endpoint and its signing region, for a function in {@code partition}. */
    static ListParentsClient global(SdkHttpClient http, AwsCredentialsProvider credentials, String partition) {
        return switch (partition) {
            case "aws-cn" -> new ListParentsClient(http, credentials,
                    URI.create("https://organizations.cn-northwest-1.amazonaws.com.cn"), "cn-northwest-1");
            case "aws-us-gov" -> new ListParentsClient(http, credentials,
                    URI.create("https://organizations.us-gov-west-1.amazonaws.com"), "us-gov-west-1");
            default -> new ListParentsClient(http, credentials,
                    URI.create("https://organizations.us-east-1.amazonaws.com"), "us-east-1");
        };
    }

    /** The OUs that hold {@code account}, innermost first, ending with the root. */
    OuPath.Known pathOf(String account) throws LookupFailedException {
        List<String> path = new ArrayList<>();
        String child = account;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            JsonNode parent = parentOf(child);
            String id = parent.path("Id").asText("");
            String type = parent.path("Type").asText("");
            if (id.isEmpty()) {
                throw new LookupFailedException("ListParents of " + child + " answered a parent without an Id");
            }
            path.add(id);
            if (type.equals("ROOT")) {
                return new OuPath.Known(path);
            }
            if (!type.equals("ORGANIZATIONAL_UNIT")) {
                throw new LookupFailedException("ListParents of " + child + " answered a parent of type \""
                        + shown(type) + "\"");
            }
            child = id;
        }
        throw new LookupFailedException("no root within " + MAX_DEPTH + " parents of account " + account);
    }

    private JsonNode parentOf(String child) throws LookupFailedException {
        String token = "";
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode body = MAPPER.createObjectNode().put("ChildId", child);
            if (!token.isEmpty()) {
                body.put("NextToken", token);
            }
            JsonNode answer = call(body.toString());
            JsonNode parents = answer.path("Parents");
            if (parents.isArray() && !parents.isEmpty()) {
                return parents.get(0);
            }
            token = answer.path("NextToken").asText("");
            if (token.isEmpty()) {
                throw new LookupFailedException("ListParents of " + child + " answered no parent");
            }
        }
        throw new LookupFailedException("ListParents of " + child + " answered " + MAX_PAGES + " empty pages");
    }

    private JsonNode call(String body) throws LookupFailedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .encodedPath("/")
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET)
                .putHeader("Content-Length", String.valueOf(bytes.length))
                .build();
        try {
            SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                    .payload(ContentStreamProvider.fromByteArray(bytes))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, signingRegion));
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = response.httpResponse().statusCode();
            String text;
            try (InputStream in = response.responseBody().map(InputStream.class::cast)
                    .orElse(InputStream.nullInputStream())) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode json = text.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(text);
            if (status / 100 != 2) {
                String type = json.path("__type").asText("HTTP " + status);
                type = type.substring(type.lastIndexOf('#') + 1);
                String message = json.path("message").asText(json.path("Message").asText(""));
                throw new LookupFailedException(shown(type) + " (HTTP " + status + ")"
                        + (message.isEmpty() ? "" : ": " + shown(message)));
            }
            return json;
        } catch (IOException | SdkException | IllegalArgumentException e) {
            throw new LookupFailedException(e.getClass().getSimpleName() + ": "
                    + shown(String.valueOf(e.getMessage())));
        }
    }

    private static String shown(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
