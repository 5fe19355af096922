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
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@code watchpost sweep} against moto through {@code AWS_ENDPOINT_URL}: it reports and changes nothing, unless
 * {@code --apply} is given.
 */
class SweepCommandMotoTest {
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();
    /** The deployment's runtime settings parameter, for the default name prefix. */
    private static final String PARAMETER = "/watchpost/settings";
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
        String line = groupLineOfASweepWithApply();

        assertTrue(line.contains("\"status\":\"applied\""), line);
        assertEquals(0, ingressRules());
    }

    @Test
    void revokesNothing_whenTheDeploymentsKillSwitchIsOn_evenWithApply() {
        putSettings("{\"remediation\": \"off\"}");

        String line = groupLineOfASweepWithApply();

        assertTrue(line.contains("\"status\":\"skipped\""), line);
        assertEquals(1, ingressRules());
    }

    @Test
    void appliesNothing_andSaysWhy_whenTheDeploymentsSettingsAreInvalid() {
        putSettings("{\"remediation\": 5}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(List.of("sweep", "--region", "us-east-1", "--family", "network", "--apply"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment(), false);

        assertEquals(Main.EXIT_UNREADABLE, status);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("watchpost sweep: " + PARAMETER + " could not be read, so the deployment's kill "
                + "switch and modes are unknown and nothing is applied: "), said);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, ingressRules());
    }

    @Test
    void rejectsASettingsRegion_withoutApply() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(List.of("sweep", "--settings-region", "us-east-1"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment(), false);

        assertEquals(Main.EXIT_USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--settings-region is only read with --apply"));
    }

    @Test
    void rejectsAnUnknownFamily_withUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(List.of("sweep", "--family", "storage"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of("AWS_REGION", "us-east-1"), false);

        assertEquals(Main.EXIT_USAGE, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"storage\" is not a family"));
    }

    /** Runs {@code sweep --apply} of the network family as JSON; checks it found something open; the group's line. */
    private String groupLineOfASweepWithApply() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(List.of("sweep", "--region", "us-east-1", "--family", "network", "--format", "json",
                        "--apply"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), environment(), false);
        assertEquals(Main.EXIT_FINDINGS, status);
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(group)).findFirst().orElseThrow();
    }

    private static void putSettings(String value) {
        try (SsmClient ssm = SsmClient.builder().endpointOverride(MOTO.uri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACLI", "s")))
                .build()) {
            ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value(value));
        }
    }

    private long ingressRules() {
        try (Ec2Client ec2 = ec2()) {
            return ec2.describeSecurityGroupRules(r -> r.filters(f -> f.name("group-id").values(group)))
                    .securityGroupRules().stream().filter(rule -> !rule.isEgress()).count();
        }
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
