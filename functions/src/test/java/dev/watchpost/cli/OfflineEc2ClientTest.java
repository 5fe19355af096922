package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class OfflineEc2ClientTest {
    private final Ec2Client ec2 = new OfflineEc2Client();

    @Test
    void throws_whenARevokeIsAttempted() {
        assertThrows(UnsupportedOperationException.class,
                () -> ec2.revokeSecurityGroupIngress(r -> r.groupId("sg-0123456789abcdef0")));
    }

    @Test
    void throws_whenADescribeIsAttempted() {
        assertThrows(UnsupportedOperationException.class,
                () -> ec2.describeSecurityGroups(r -> r.groupIds("sg-0123456789abcdef0")));
    }

    @Test
    void namesItsService() {
        assertEquals("ec2", ec2.serviceName());
    }
}
