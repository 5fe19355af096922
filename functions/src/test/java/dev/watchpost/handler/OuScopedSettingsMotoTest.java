package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.moto.MotoOrganization;
import dev.watchpost.moto.MotoPerClass;
import dev.watchpost.moto.OpenSshGroups.Opened;
import dev.watchpost.moto.OpenSshGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization deployment against moto, with a real organization: the central account's settings say OFF in every
 * account, ENFORCE in the production OU and DRY_RUN in the sandbox OU, DRY_RUN for one production account of its own,
 * and exempt the detection in an OU under production. Each event's account is placed by the function's signed
 * ListParents calls, so an OU nested under production enforces and the account's own setting wins over its OU.
 */
class OuScopedSettingsMotoTest {
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private CentralDeployment.NetworkFunction function;
    private String production;
    private String web;
    private String sandbox;
    private String reviewed;
    private String frozen;

    @BeforeEach
    void deployCentrally() {
        MotoOrganization organization = MotoOrganization.create(MOTO.server());
        String productionOu = organization.createOu(organization.root(), "production");
        String webOu = organization.createOu(productionOu, "web");
        String frozenOu = organization.createOu(productionOu, "frozen");
        String sandboxOu = organization.createOu(organization.root(), "sandbox");
        production = organization.createAccount("payments", productionOu);
        web = organization.createAccount("shop", webOu);
        frozen = organization.createAccount("archive", frozenOu);
        sandbox = organization.createAccount("playground", sandboxOu);
        reviewed = organization.createAccount("legacy", productionOu);
        CentralDeployment.putSettings(MOTO.server(), """
                {"modes": {"network.sg-admin-port-open": "OFF"},
                 "ous": {"%s": {"mode": "ENFORCE"},
                         "%s": {"mode": "DRY_RUN"},
                         "%s": {"exempt": {"network.sg-admin-port-open":
                                   {"until": "2999-12-31", "reason": "CHG-42 load balancer migration"}}}},
                 "accounts": {"%s": {"mode": "DRY_RUN"}}}""".formatted(productionOu, sandboxOu, frozenOu, reviewed));
        function = new CentralDeployment.NetworkFunction(MOTO.server());
    }

    @Test
    void enforcesInAnAccountOfTheProductionOu() {
        outcomeOfOpeningSshIn(production, "applied", false);
    }

    @Test
    void enforcesInAnOuNestedUnderProduction() {
        outcomeOfOpeningSshIn(web, "applied", false);
    }

    @Test
    void onlyPlansInAnAccountOfTheSandboxOu() {
        outcomeOfOpeningSshIn(sandbox, "planned", true);
    }

    @Test
    void theAccountsOwnDryRun_winsOverItsProductionOu() {
        outcomeOfOpeningSshIn(reviewed, "planned", true);
    }

    @Test
    void anExemptionOnANestedOu_skipsWithItsReason_overTheProductionMode() {
        JsonNode outcome = outcomeOfOpeningSshIn(frozen, "skipped", true);
        assertTrue(outcome.path("detail").asText().contains("until 2999-12-31 by " + CentralDeployment.PARAMETER
                + ": CHG-42 load balancer migration"), outcome.toString());
    }

    /** Opens SSH in {@code account}, handles the event, checks the outcome's status and the group; the outcome. */
    private JsonNode outcomeOfOpeningSshIn(String account, String status, boolean remainsOpen) {
        Opened opened = OpenSshGroups.open(MOTO.server(), account, CentralDeployment.CREDENTIALS);
        JsonNode outcome = function.handle(opened).path("outcome");
        assertEquals(status, outcome.path("status").asText(), outcome.toString());
        assertEquals(remainsOpen, OpenSshGroups.stillOpen(MOTO.server(), opened, CentralDeployment.CREDENTIALS));
        return outcome;
    }
}
