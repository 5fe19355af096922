package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.moto.MotoPerClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@code watchpost settings show|set} against moto's SSM, reached the way an operator's shell would: a named profile
 * from a credentials file, {@code --region} and {@code AWS_ENDPOINT_URL}. Bad input is refused before anything is
 * written, naming what is wrong.
 */
class SettingsCommandMotoTest {
    private static final String PARAMETER = "/watchpost/settings";
    private static final String SG = "network.sg-admin-port-open";
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    @TempDir
    static Path home;
    private static Map<String, String> env;
    private SsmClient ssm;

    @BeforeAll
    static void startMoto() {
        Path credentials = home.resolve("credentials");
        try {
            Files.writeString(credentials, "[ops]\naws_access_key_id = AKIAOPS0000000000000\n"
                    + "aws_secret_access_key = ops-secret\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env = Map.of("AWS_ENDPOINT_URL", MOTO.uri().toString(), "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                "AWS_CONFIG_FILE", home.resolve("config-that-does-not-exist").toString());
    }

    @BeforeEach
    void deployTheParameter() {
        ssm = SsmClient.builder().endpointOverride(MOTO.uri()).region(Region.US_EAST_1).credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATEST000000000000", "test"))).build();
        ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value(RuntimeSettingsJson.INITIAL_VALUE));
    }

    private Cli.Result settings(String... words) {
        String[] args = new String[words.length + 5];
        args[0] = "settings";
        System.arraycopy(words, 0, args, 1, words.length);
        args[words.length + 1] = "--region";
        args[words.length + 2] = "us-east-1";
        args[words.length + 3] = "--profile";
        args[words.length + 4] = "ops";
        return Cli.run(env, args);
    }

    private String stored() {
        return ssm.getParameter(r -> r.name(PARAMETER)).parameter().value();
    }

    @Test
    void setThenShow_roundTrips_andPrintsTheDifference() {
        Cli.Result set = settings("set", SG + "=DRY_RUN", "account=111111111111");
        assertEquals(0, set.status(), set.err());
        assertTrue(set.out().contains("mode of " + SG + " in account 111111111111: (unset) → DRY_RUN"), set.out());
        assertEquals("{\"remediation\":\"on\",\"accounts\":{\"111111111111\":{\"modes\":{\"" + SG
                + "\":\"DRY_RUN\"}}}}", stored());

        Cli.Result show = settings("show");
        assertEquals(0, show.status(), show.err());
        assertTrue(show.out().contains("mode of " + SG + " in account 111111111111: DRY_RUN"), show.out());
    }

    @Test
    void setsAnOusModeAndAnExemption_thenShowsThem() {
        Cli.Result set = settings("set", "all=ENFORCE", "exempt:" + SG + "=2030-01-31", "reason=CHG-42 migration",
                "ou=ou-ab12-prod0001");
        assertEquals(0, set.status(), set.err());
        assertTrue(set.out().contains("mode of every detection in OU ou-ab12-prod0001: (unset) → ENFORCE"),
                set.out());
        assertEquals("{\"remediation\":\"on\",\"ous\":{\"ou-ab12-prod0001\":{\"exempt\":{\"" + SG + "\":{\"reason\":"
                + "\"CHG-42 migration\",\"until\":\"2030-01-31\"}},\"mode\":\"ENFORCE\"}}}", stored());

        Cli.Result show = settings("show");
        assertTrue(show.out().contains("exemption of " + SG + " in OU ou-ab12-prod0001: until 2030-01-31: CHG-42 "
                + "migration"), show.out());
    }

    @Test
    void aBadOuId_isRefusedNamingIt_andNothingIsWritten() {
        Cli.Result ou = settings("set", "off", "ou=ou-prod");
        assertEquals(Main.EXIT_USAGE, ou.status());
        assertTrue(ou.err().contains("\"ou=ou-prod\": the OU must be an OU id (ou-…) or a root id (r-…)"),
                ou.err());
        assertEquals(RuntimeSettingsJson.INITIAL_VALUE, stored());
    }

    @Test
    void offAndOn_flipTheKillSwitch_andRemovingASettingLeavesTheRest() {
        settings("set", SG + "=ENFORCE");
        Cli.Result off = settings("set", "off");
        assertTrue(off.out().contains("remediation (every account): on → off"), off.out());
        assertEquals("{\"remediation\":\"off\",\"modes\":{\"" + SG + "\":\"ENFORCE\"}}", stored());

        settings("set", "on", SG + "=default");
        assertEquals(RuntimeSettingsJson.INITIAL_VALUE, stored());
    }

    @Test
    void anUnchangedValue_isNotWritten() {
        settings("set", SG + "=ENFORCE");
        long version = ssm.getParameter(r -> r.name(PARAMETER)).parameter().version();

        Cli.Result again = settings("set", SG + "=ENFORCE");

        assertTrue(again.out().contains("no change"), again.out());
        assertEquals(version, ssm.getParameter(r -> r.name(PARAMETER)).parameter().version());
    }

    @Test
    void badInput_isRefusedNamingIt_andNothingIsWritten() {
        Cli.Result unknown = settings("set", "network.sg-admin-port=ENFORCE");
        assertEquals(Main.EXIT_USAGE, unknown.status());
        assertTrue(unknown.err().contains("\"network.sg-admin-port=ENFORCE\": network.sg-admin-port is not a "
                + "detection with a remediation"), unknown.err());

        Cli.Result mode = settings("set", SG + "=ENFORCED");
        assertTrue(mode.err().contains("ENFORCED is not a mode"), mode.err());

        Cli.Result account = settings("set", "off", "account=1234");
        assertTrue(account.err().contains("\"account=1234\": the account must be a 12-digit account id"),
                account.err());

        Cli.Result all = settings("set", "all=DRY_RUN");
        assertTrue(all.err().contains("add account=ID"), all.err());

        assertEquals(RuntimeSettingsJson.INITIAL_VALUE, stored());
    }

    @Test
    void anInvalidStoredValue_isShownWithTheReason_andNotEdited() {
        ssm.putParameter(r -> r.name(PARAMETER).type(ParameterType.STRING).value("{\"mode\":\"OFF\"}").overwrite(true));

        Cli.Result show = settings("show");
        assertEquals(1, show.status());
        assertTrue(show.err().contains("unknown key \"mode\""), show.err());

        Cli.Result set = settings("set", "off");
        assertEquals(1, set.status());
        assertEquals("{\"mode\":\"OFF\"}", stored());
    }

    @Test
    void aMissingParameter_saysToDeployOrPickTheRegion() {
        Cli.Result show = Cli.run(env, "settings", "show", "--region", "us-east-1", "--profile", "ops",
                "--name-prefix", "other");
        assertEquals(1, show.status());
        assertTrue(show.err().contains("/other/settings does not exist"), show.err());
    }

    @Test
    void anUnknownProfile_failsNamingIt() {
        Cli.Result show = Cli.run(env, "settings", "show", "--region", "us-east-1", "--profile", "nobody");
        assertEquals(1, show.status());
        assertTrue(show.err().contains("nobody"), show.err());
    }
}
