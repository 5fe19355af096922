package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.OpenSshGroups.Opened;
import dev.watchpost.moto.OpenSshGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void enforcesInProduction_throughItsMemberRole() {
        Opened opened = open(PRODUCTION);
        JsonNode alert = function.handle(opened);
        assertEquals("applied", alert.path("outcome").path("status").asText(), alert.toString());
        assertFalse(stillOpen(opened));
    }

    @Test
    void onlyPlansInASandbox_asTheDetectionsModeForEveryAccountSays() {
        Opened opened = open(SANDBOX);
        JsonNode alert = function.handle(opened);
        assertEquals("planned", alert.path("outcome").path("status").asText(), alert.toString());
        assertTrue(stillOpen(opened));
    }

    @Test
    void changesNothingInAnAccountSwitchedOff_evenThoughItsModeIsEnforce() {
        Opened opened = open(FROZEN);
        JsonNode alert = function.handle(opened);
        assertEquals("skipped", alert.path("outcome").path("status").asText(), alert.toString());
        assertTrue(alert.path("outcome").toString().contains("for account " + FROZEN), alert.toString());
        assertTrue(stillOpen(opened));
    }

    private static Opened open(String account) {
        return OpenSshGroups.open(MOTO.server(), account, CentralDeployment.CREDENTIALS);
    }

    private static boolean stillOpen(Opened opened) {
        return OpenSshGroups.stillOpen(MOTO.server(), opened, CentralDeployment.CREDENTIALS);
    }
}
