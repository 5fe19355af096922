package dev.watchpost.handler;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.moto.MotoOrganization;
import dev.watchpost.moto.MotoPerClass;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
    /** The member accounts by their place: production, web (an OU under production), frozen, sandbox, reviewed. */
    private final Map<String, String> accounts = new HashMap<>();

    @BeforeEach
    void deployCentrally() {
        MotoOrganization organization = MotoOrganization.create(MOTO.server());
        String productionOu = organization.createOu(organization.root(), "production");
        String webOu = organization.createOu(productionOu, "web");
        String frozenOu = organization.createOu(productionOu, "frozen");
        String sandboxOu = organization.createOu(organization.root(), "sandbox");
        accounts.put("production", organization.createAccount("payments", productionOu));
        accounts.put("web", organization.createAccount("shop", webOu));
        accounts.put("frozen", organization.createAccount("archive", frozenOu));
        accounts.put("sandbox", organization.createAccount("playground", sandboxOu));
        accounts.put("reviewed", organization.createAccount("legacy", productionOu));
        CentralDeployment.putSettings(MOTO.server(), """
                {"modes": {"network.sg-admin-port-open": "OFF"},
                 "ous": {"%s": {"mode": "ENFORCE"},
                         "%s": {"mode": "DRY_RUN"},
                         "%s": {"exempt": {"network.sg-admin-port-open":
                                   {"until": "2999-12-31", "reason": "CHG-42 load balancer migration"}}}},
                 "accounts": {"%s": {"mode": "DRY_RUN"}}}""".formatted(productionOu, sandboxOu, frozenOu,
                accounts.get("reviewed")));
        function = new CentralDeployment.NetworkFunction(MOTO.server());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            enforces in an account of the production OU                | production | applied | false
            enforces in an OU nested under production                  | web        | applied | false
            only plans in an account of the sandbox OU                 | sandbox    | planned | true
            the DRY_RUN set for the account wins over its production OU | reviewed   | planned | true
            """)
    void remediatesAsTheAccountsPlaceInTheOrganizationSays(String behaviour, String account, String status,
                                                           boolean remainsOpen) {
        function.outcomeOfOpeningSshIn(accounts.get(account), status, remainsOpen);
    }

    @Test
    void anExemptionOnANestedOu_skipsWithItsReason_overTheProductionMode() {
        JsonNode outcome = function.outcomeOfOpeningSshIn(accounts.get("frozen"), "skipped", true);
        assertTrue(outcome.path("detail").asText().contains("until 2999-12-31 by " + CentralDeployment.PARAMETER
                + ": CHG-42 load balancer migration"), outcome.toString());
    }
}
