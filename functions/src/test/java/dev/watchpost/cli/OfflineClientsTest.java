package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OfflineClientsTest {
    private final OfflineClients clients = new OfflineClients();

    @Test
    void throws_whenARevokeIsAttempted() {
        assertThrows(UnsupportedOperationException.class,
                () -> clients.ec2().revokeSecurityGroupIngress(r -> r.groupId("sg-0123456789abcdef0")));
    }

    @Test
    void throws_whenADescribeIsAttempted() {
        assertThrows(UnsupportedOperationException.class,
                () -> clients.ec2().describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0")));
    }

    @Test
    void throws_whenATrailRestartIsAttempted() {
        assertThrows(UnsupportedOperationException.class,
                () -> clients.cloudTrail().startLogging(r -> r.name("management-events")));
    }

    @Test
    void namesTheirServices() {
        assertEquals("ec2", clients.ec2().serviceName());
        assertEquals("cloudtrail", clients.cloudTrail().serviceName());
    }
}
