package dev.watchpost.detect.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CedarPolicyTest {
    @Test
    void findsABarePermit_evenAcrossLinesAndAfterComments() {
        assertTrue(CedarPolicy.hasUnconditionalPermit("// allow everyone for now\npermit(\n  principal,\n"
                + "  action,\n  resource\n);"));
    }

    @Test
    void ignoresPermitsWithWhenOrUnless_andForbids() {
        assertFalse(CedarPolicy.hasUnconditionalPermit(
                "permit(principal, action, resource) when { context.http_request.port == 22 };"));
        assertFalse(CedarPolicy.hasUnconditionalPermit(
                "permit(principal, action, resource) unless { context.device.risk == \"high\" };"));
        assertFalse(CedarPolicy.hasUnconditionalPermit("forbid(principal, action, resource);"));
        assertFalse(CedarPolicy.hasUnconditionalPermit(""));
    }

    @Test
    void aCommentedOutConditionDoesNotCount() {
        assertTrue(CedarPolicy.hasUnconditionalPermit("permit(principal, action, resource) // when { false }\n;"));
    }
}
