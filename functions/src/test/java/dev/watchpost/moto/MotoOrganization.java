package dev.watchpost.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Builds an organization in moto for a test (the Organizations SDK module is not a dependency): AWS JSON 1.1 calls
 * made as moto's default account, which becomes the management account. moto does not check signatures, so the
 * Authorization header only names the service and region it routes on. Not thread-safe; one per test.
 */
public final class MotoOrganization {
    private static final String TARGET = "AWSOrganizationsV20161128.";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20300101/us-east-1/"
            + "organizations/aws4_request, SignedHeaders=host, Signature=0";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final MotoServer moto;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String root;

    private MotoOrganization(MotoServer moto) {
        this.moto = moto;
        call("CreateOrganization", "{\"FeatureSet\":\"ALL\"}");
        this.root = call("ListRoots", "{}").path("Roots").get(0).path("Id").asText();
    }

    /** A new organization whose management account is {@link MotoServer#DEFAULT_ACCOUNT}. */
    public static MotoOrganization create(MotoServer moto) {
        return new MotoOrganization(moto);
    }

    /** The root's id ({@code r-…}). */
    public String root() {
        return root;
    }

    /** A new OU under {@code parent} (the root or an OU); its id. */
    public String createOu(String parent, String name) {
        return call("CreateOrganizationalUnit", MAPPER.createObjectNode().put("ParentId", parent).put("Name", name)
                .toString()).path("OrganizationalUnit").path("Id").asText();
    }

    /** A new member account, moved into {@code ou} (or left at the root when {@code ou} is the root); its id. */
    public String createAccount(String name, String ou) {
        String account = call("CreateAccount", MAPPER.createObjectNode().put("AccountName", name)
                .put("Email", name + "@example.com").toString()).path("CreateAccountStatus").path("AccountId").asText();
        if (!ou.equals(root)) {
            call("MoveAccount", MAPPER.createObjectNode().put("AccountId", account).put("SourceParentId", root)
                    .put("DestinationParentId", ou).toString());
        }
        return account;
    }

    private JsonNode call(String action, String body) {
        HttpRequest request = HttpRequest.newBuilder(moto.uri().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", TARGET + action)
                .header("Authorization", AUTHORIZATION).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto " + action + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("moto " + action + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling moto " + action, e);
        }
    }
}
