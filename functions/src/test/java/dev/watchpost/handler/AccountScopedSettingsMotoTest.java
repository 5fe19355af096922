package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.moto.MotoPerClass;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization deployment against moto: the central account's {@code /watchpost/settings} says ENFORCE in the
 * production account and DRY_RUN everywhere else, and switches remediation off in a third account. The same event,
 * from each member account, is remediated (through that account's member role) only in production.
 */
class AccountScopedSettingsMotoTest {
    private static final String PRODUCTION = "111111111111";
    private static final String SANDBOX = "222222222222";
    private static final String FROZEN = "333333333333";

    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private CentralDeployment.NetworkFunction function;

    @BeforeEach
    void deployCentrally() {
        CentralDeployment.putSettings(MOTO.server(), """
                {"modes": {"network.sg-admin-port-open": "DRY_RUN"},
                 "accounts": {"111111111111": {"mode": "ENFORCE"},
                              "333333333333": {"remediation": "off", "mode": "ENFORCE"}}}""");
        function = new CentralDeployment.NetworkFunction(MOTO.server());
    }

    static Stream<Arguments> accountModes() {
        return Stream.of(
                Arguments.of(Named.of("enforces in production, through its member role", PRODUCTION), "applied",
                        false),
                Arguments.of(Named.of("only plans in a sandbox, as the detection's mode for every account says",
                        SANDBOX), "planned", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accountModes")
    void remediatesAsTheModeOfTheEventsAccountSays(String account, String status, boolean remainsOpen) {
        function.outcomeOfOpeningSshIn(account, status, remainsOpen);
    }

    @Test
    void changesNothingInAnAccountSwitchedOff_evenThoughItsModeIsEnforce() {
        JsonNode outcome = function.outcomeOfOpeningSshIn(FROZEN, "skipped", true);
        assertTrue(outcome.toString().contains("for account " + FROZEN), outcome.toString());
    }
}
