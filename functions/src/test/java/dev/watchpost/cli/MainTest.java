package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arguments, environment and exit statuses of {@code scan}. */
class MainTest {
    private static final String WORLD_SSH = Fixtures.path(Fixtures.WORLD_SSH).toString();
    private static final String ALL_TRAFFIC = Fixtures.path(Fixtures.ALL_TRAFFIC).toString();

    @Test
    void printsUsageOnStdout_andExitsWithZero_whenHelpIsAsked() {
        Cli.Result result = Cli.run("scan", "--help");

        assertEquals(Main.EXIT_OK, result.status());
        assertTrue(result.out().startsWith("usage: java -jar watchpost.jar scan"), result.out());
        assertTrue(result.out().contains("Exit status:"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void printsUsage_whenShortHelpComesBeforeTheCommand() {
        Cli.Result result = Cli.run("-h");

        assertEquals(Main.EXIT_OK, result.status());
        assertTrue(result.out().contains("--fail-on SEVERITY"), result.out());
    }

    @Test
    void exitsWithTwo_whenOptionIsUnknown() {
        assertUsageError(Cli.run("scan", "--verbose", WORLD_SSH), "unknown option: --verbose");
    }

    @Test
    void exitsWithTwo_whenNoPathIsGiven() {
        assertUsageError(Cli.run("scan", "--format", "json"), "no PATH given");
    }

    @Test
    void exitsWithTwo_whenNoCommandIsGiven() {
        assertUsageError(Cli.run(), "no command given");
    }

    @Test
    void exitsWithTwo_whenCommandIsNotScan() {
        assertUsageError(Cli.run("sacn", WORLD_SSH), "unknown command: sacn");
    }

    @Test
    void exitsWithTwo_whenFormatIsUnknown() {
        assertUsageError(Cli.run("scan", "--format", "yaml", WORLD_SSH), "--format: \"yaml\" is not a format");
    }

    @Test
    void exitsWithTwo_whenOptionHasNoValue() {
        assertUsageError(Cli.run("scan", WORLD_SSH, "--format"), "--format needs a value");
    }

    @Test
    void exitsWithTwo_whenFailOnIsNotASeverity() {
        assertUsageError(Cli.run("scan", "--fail-on=SEVERE", WORLD_SSH), "--fail-on: \"SEVERE\" is not a severity");
    }

    @Test
    void exitsWithTwo_whenPathDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("missing.json");

        assertUsageError(Cli.run("scan", WORLD_SSH, missing.toString()), missing + ": no such file or directory");
    }

    @Test
    void exitsWithTwo_whenOwnRoleArnIsNotARoleArn() {
        assertUsageError(Cli.run("scan", "--own-role-arn", "arn:aws:iam::123456789012:user/alice", WORLD_SSH),
                "--own-role-arn: \"arn:aws:iam::123456789012:user/alice\" is not an IAM role ARN");
    }

    @Test
    void exitsWithTwo_whenNamePrefixIsInvalid() {
        assertUsageError(Cli.run("scan", "--name-prefix", "Watch_Post", WORLD_SSH), "--name-prefix: \"Watch_Post\"");
    }

    @Test
    void exitsWithTwo_andNamesTheVariable_whenASettingIsInvalid() {
        Cli.Result result = Cli.run(Map.of("WATCHPOST_ADMIN_PORTS", "ssh"), "scan", WORLD_SSH);

        assertUsageError(result, "WATCHPOST_ADMIN_PORTS=\"ssh\" is invalid");
    }

    @Test
    void exitsWithTwo_whenARemediationModeNamesAnUnknownDetection() {
        Cli.Result result = Cli.run(Map.of("WATCHPOST_REMEDIATION_MODES", "network.no-such-thing=OFF"),
                "scan", WORLD_SSH);

        assertUsageError(result, "WATCHPOST_REMEDIATION_MODES");
    }

    @Test
    void exitsWithThree_whenAFindingIsAtTheFailOnSeverity() {
        Cli.Result result = Cli.run("scan", "--fail-on", "high", WORLD_SSH);

        assertEquals(Main.EXIT_FINDINGS, result.status(), result.err());
    }

    @Test
    void exitsWithThree_whenAFindingIsAboveTheFailOnSeverity() {
        Cli.Result result = Cli.run("scan", "--fail-on", "MEDIUM", ALL_TRAFFIC);

        assertEquals(Main.EXIT_FINDINGS, result.status(), result.err());
    }

    @Test
    void exitsWithZero_whenEveryFindingIsBelowTheFailOnSeverity() {
        Cli.Result result = Cli.run("scan", "--fail-on", "CRITICAL", WORLD_SSH);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertTrue(result.out().contains("network.sg-admin-port-open"), result.out());
    }

    @Test
    void exitsWithZero_whenThereAreFindingsButNoFailOn() {
        Cli.Result result = Cli.run("scan", ALL_TRAFFIC);

        assertEquals(Main.EXIT_OK, result.status(), result.err());
        assertTrue(result.out().startsWith("CRITICAL"), result.out());
    }

    @Test
    void exitsWithOne_notThree_whenAnInputIsUnreadableAndFailOnIsReached(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"eventName\": ");

        Cli.Result result = Cli.run("scan", "--fail-on", "LOW", WORLD_SSH, broken.toString());

        assertEquals(Main.EXIT_UNREADABLE, result.status(), result.err());
    }

    @Test
    void printsTheSummaryLineLastOnStderr() {
        Cli.Result result = Cli.run("scan", WORLD_SSH, ALL_TRAFFIC, Fixtures.path(Fixtures.NARROW_CIDR).toString());

        assertEquals("scanned 3 files, 3 events: 2 findings (CRITICAL 1, HIGH 1, MEDIUM 0, LOW 0), 0 unreadable, "
                + "0 detection errors, 0 own events ignored, 0 files skipped", result.summary());
    }

    @Test
    void reportsOwnRoleFindings_whenTheNamePrefixIsAnotherDeployments() {
        Cli.Result result = Cli.run("scan", "--format", "json", "--name-prefix", "sentry",
                Fixtures.path(Fixtures.OWN_ROLE).toString());

        assertEquals(1, result.findings().size(), result.out());
    }

    @Test
    void ignoresARoleGivenWithOwnRoleArn() {
        Cli.Result result = Cli.run("scan", "--format", "json", "--name-prefix", "sentry",
                "--own-role-arn", "arn:aws:iam::123456789012:role/watchpost-network-us-east-1",
                Fixtures.path(Fixtures.OWN_ROLE).toString());

        assertEquals(0, result.findings().size(), result.out());
        assertTrue(result.summary().contains("1 own events ignored"), result.summary());
    }

    @Test
    void addsOwnRoleArnsToThoseFromTheEnvironment() {
        Map<String, String> env = Map.of("WATCHPOST_OWN_ROLE_ARNS", "arn:aws:iam::123456789012:role/other");

        Cli.Result result = Cli.run(env, "scan", "--format=json", "--name-prefix=sentry",
                "--own-role-arn=arn:aws:iam::123456789012:role/watchpost-network-us-east-1",
                Fixtures.path(Fixtures.OWN_ROLE).toString());

        assertEquals(0, result.findings().size(), result.out());
    }

    @Test
    void usesTheRemediationModeFromTheEnvironment() {
        Cli.Result result = Cli.run(Map.of("WATCHPOST_REMEDIATION_MODES", "network.sg-admin-port-open=DRY_RUN"),
                "scan", "--format", "json", WORLD_SSH);

        assertEquals("DRY_RUN", result.findings().getFirst().get("remediation").get("mode").asText());
    }

    @Test
    void treatsArgumentsAfterDoubleDashAsPaths() {
        assertUsageError(Cli.run("scan", "--", "--verbose"), "--verbose: no such file or directory");
    }

    private static void assertUsageError(Cli.Result result, String message) {
        assertEquals(Main.EXIT_USAGE, result.status(), result.err());
        assertTrue(result.err().startsWith("watchpost scan: "), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertTrue(result.err().contains(Main.SYNOPSIS), result.err());
        assertEquals("", result.out());
    }
}
