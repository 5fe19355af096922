package dev.watchpost.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

class PortRangeTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void readsNumbers() {
        PortRange range = PortRange.of(JSON.numberNode(20), JSON.numberNode(25));
        assertTrue(range.contains(22));
        assertFalse(range.contains(26));
        assertEquals("20-25", range.display());
    }

    @Test
    void readsStrings() {
        PortRange range = PortRange.of(JSON.textNode("22"), JSON.textNode(" 22 "));
        assertEquals(new PortRange(22, 22), range);
        assertEquals("22", range.display());
    }

    @Test
    void minusOneOrMissingMeansAllPorts() {
        assertTrue(PortRange.of(JSON.numberNode(-1), JSON.numberNode(-1)).isAll());
        assertTrue(PortRange.of(MissingNode.getInstance(), MissingNode.getInstance()).isAll());
        assertEquals("all", PortRange.ALL.display());
    }

    @Test
    void oneEndStandsForBoth() {
        assertEquals(new PortRange(3389, 3389), PortRange.of(JSON.numberNode(3389), MissingNode.getInstance()));
    }

    @Test
    void reversedOrOutOfRangeReadsAsAllPortsTheSafeReading() {
        assertTrue(PortRange.of(JSON.numberNode(30), JSON.numberNode(20)).isAll());
        assertTrue(PortRange.of(JSON.numberNode(0), JSON.numberNode(70000)).isAll());
        assertTrue(PortRange.of(JSON.textNode("ssh"), JSON.textNode("ssh")).isAll());
    }
}
