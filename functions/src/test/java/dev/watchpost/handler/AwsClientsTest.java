package dev.watchpost.handler;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.watchpost.remediate.Remediations;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class AwsClientsTest {
    /**
     * Every client {@link Remediations.Clients} can hand a remediation is one the function builds: a service added to
     * the interface (whose default throws) but not to {@link AwsClients} fails here. Building sends nothing.
     */
    @Test
    void buildsEveryClientThatARemediationMayAskFor() throws ReflectiveOperationException {
        AwsClients aws = new AwsClients(new AwsClients.Endpoint(URI.create("http://127.0.0.1:9"), Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTONLY00000000", "test"))));
        Remediations.Clients clients = aws.clients("eu-west-1", null);
        for (Method method : Remediations.Clients.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0) {
                continue;
            }
            try {
                assertNotNull(method.invoke(clients), method.getName());
            } catch (InvocationTargetException e) {
                throw new AssertionError("AwsClients does not build " + method.getName() + ": " + e.getCause(),
                        e.getCause());
            }
        }
    }
}
