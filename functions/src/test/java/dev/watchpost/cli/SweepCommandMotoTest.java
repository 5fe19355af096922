package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.moto.MotoPerClass;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code watchpost sweep} against moto through {@code AWS_ENDPOINT_URL}: it reports and changes nothing, unless
 * {@code --apply} is given.
 */
class SweepCommandMotoTest {
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();
    private String group;

    @BeforeEach
    void plantAGroupOpenOnSsh() {
        try (Ec2Client ec2 = ec2()) {
            group = ec2.createSecurityGroup(r -> r.groupName("web").description("web")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                    .fromPort(22).toPort(22).ipRanges(c -> c.cidrIp("0.0.0.0/0"))));
        }
    }

    @Test
    void printsTheOpenGroupAsASweepFinding_plannedOnly_andExits3() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(List.of("sweep", "--region", "us-east-1", "--family", "network", "--format", "json"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment(), false);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(Main.EXIT_FINDINGS, status, err.toString(StandardCharsets.UTF_8));
        String line = printed.lines().filter(l -> l.contains(group)).findFirst().orElseThrow();
        assertTrue(line.contains("\"origin\":\"sweep\""), line);
        assertTrue(line.contains("\"status\":\"planned\""), line);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("network: swept 1 place"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void revokesTheRule_whenAskedToApply() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Main.run(List.of("sweep", "--region", "us-east-1", "--family", "network", "--format", "json",
                        "--apply"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), environment(), false);

        assertEquals(Main.EXIT_FINDINGS, status);
        String line = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(group)).findFirst()
                .orElseThrow();
        assertTrue(line.contains("\"status\":\"applied\""), line);
        try (Ec2Client ec2 = ec2()) {
            assertEquals(0, ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                    .securityGroupRules().stream().filter(rule -> !rule.isEgress()).count());
        }
    }

    @Test
    void rejectsAnUnknownFamily_withUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(List.of("sweep", "--family", "storage"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AWS_REGION", "us-east-1"), false);

        assertEquals(Main.EXIT_USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"storage\" is not a family"));
    }

    private static Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT_URL", MOTO.uri().toString(), "AWS_ACCESS_KEY_ID", "AKIACLI",
                "AWS_SECRET_ACCESS_KEY", "s");
    }

    private static Ec2Client ec2() {
        return Ec2Client.builder().endpointOverride(MOTO.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACLI", "s")))
                .build();
    }
}
