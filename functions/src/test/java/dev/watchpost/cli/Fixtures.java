package dev.watchpost.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.watchpost.detect.Family;
import dev.watchpost.pipeline.LoopGuard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The repository's {@code events/} fixtures, found through the {@code watchpost.events} system property. */
final class Fixtures {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static final String WORLD_SSH = "network/AuthorizeSecurityGroupIngress.ipv4-world-ssh.json";
    static final String WORLD_RDP = "network/AuthorizeSecurityGroupIngress.world-rdp.json";
    static final String ALL_TRAFFIC = "network/AuthorizeSecurityGroupIngress.all-traffic.json";
    static final String NARROW_CIDR = "network/AuthorizeSecurityGroupIngress.narrow-cidr.json";
    static final String MODIFY_WORLD_SSH = "network/ModifySecurityGroupRules.world-ssh.json";
    static final String ONE_OF_SEVERAL = "network/AuthorizeSecurityGroupIngress.one-of-several-offends.json";
    static final String OWN_ROLE = "network/AuthorizeSecurityGroupIngress.watchpost-own-role.json";
    static final String LOOKALIKE_ROLE = "network/AuthorizeSecurityGroupIngress.lookalike-role-name.json";

    private Fixtures() {}

    static Path dir() {
        String dir = System.getProperty("watchpost.events");
        if (dir == null) {
            throw new IllegalStateException("system property watchpost.events is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    static Path path(String fixture) {
        return dir().resolve(fixture);
    }

    /** The whole EventBridge envelope. */
    static JsonNode envelope(String fixture) {
        try {
            return MAPPER.readTree(path(fixture).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bare CloudTrail record, as a log file holds it. */
    static JsonNode record(String fixture) {
        return envelope(fixture).get("detail");
    }

    /** The id the finding documents carry: CloudTrail's eventID, else the envelope's id. */
    static String eventId(String fixture) {
        JsonNode envelope = envelope(fixture);
        String id = envelope.path("detail").path("eventID").asText("");
        return id.isEmpty() ? envelope.path("id").asText() : id;
    }

    /**
     * Whether the fixture's caller is one of the roles a default deployment in us-east-1 gives its functions (the
     * scanner ignores their events), judged from the session issuer's ARN alone.
     */
    static boolean byOwnRole(String fixture) {
        String issuer = record(fixture).path("userIdentity").path("sessionContext").path("sessionIssuer")
                .path("arn").asText("");
        return Arrays.stream(Family.values())
                .anyMatch(family -> issuer.equals("arn:aws:iam::123456789012:role/"
                        + LoopGuard.roleName("watchpost", family, "us-east-1")));
    }

    /** Fixture path (relative to events/) → detection ids that must fire. */
    static Map<String, List<String>> expectations() {
        try {
            return new TreeMap<>(MAPPER.readValue(dir().resolve("expectations.json").toFile(),
                    new TypeReference<Map<String, List<String>>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
