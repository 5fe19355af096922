package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.watchpost.config.OuPath;
import dev.watchpost.moto.MotoOrganization;
import dev.watchpost.moto.MotoPerClass;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The signed ListParents client against moto's AWS Organizations: from an account up to the root. */
class ListParentsMotoTest {
    @RegisterExtension
    static final MotoPerClass MOTO = new MotoPerClass();

    private MotoOrganization organization;
    private ListParentsClient client;

    @BeforeEach
    void createOrganization() {
        organization = MotoOrganization.create(MOTO.server());
        AwsClients clients = new AwsClients(new AwsClients.Endpoint(MOTO.uri(), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIACENTRAL000000001", "secret"))));
        client = clients.listParents("aws");
    }

    @Test
    void anAccountInANestedOu_hasItsOusInnermostFirst_thenTheRoot() throws Exception {
        String production = organization.createOu(organization.root(), "production");
        String web = organization.createOu(production, "web");
        String account = organization.createAccount("shop", web);

        assertEquals(new OuPath.Known(List.of(web, production, organization.root())), client.pathOf(account));
    }

    @Test
    void anAccountAtTheRoot_hasOnlyTheRoot() throws Exception {
        String account = organization.createAccount("loose", organization.root());

        assertEquals(new OuPath.Known(List.of(organization.root())), client.pathOf(account));
    }

    @Test
    void anAccountOutsideTheOrganization_failsNamingOrganizationsError() {
        var e = assertThrows(ListParentsClient.LookupFailedException.class, () -> client.pathOf("999999999999"));
        assertTrue(e.getMessage().startsWith("AccountNotFoundException (HTTP 400)"), e.getMessage());
    }
}
