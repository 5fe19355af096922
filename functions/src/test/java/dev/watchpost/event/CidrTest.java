package dev.watchpost.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @Test
    void parsesIpv4WorldAsPrefixZero() {
        Cidr cidr = Cidr.parse("0.0.0.0/0").orElseThrow();
        assertEquals(0, cidr.prefixLength());
        assertFalse(cidr.ipv6());
        assertEquals(32, cidr.hostBits());
    }

    @Test
    void parsesIpv6WorldAsPrefixZero() {
        Cidr cidr = Cidr.parse("::/0").orElseThrow();
        assertEquals(0, cidr.prefixLength());
        assertTrue(cidr.ipv6());
    }

    @Test
    void treatsNonCanonicalSlashZeroAsTheWholeInternet() {
        Cidr odd = Cidr.parse("203.0.113.7/0").orElseThrow();
        assertTrue(odd.isAtLeastAsWideAs(0));
        assertTrue(odd.containsAddress("198.51.100.1"));
    }

    @Test
    void slashOneIsNotInternetByDefaultButIsWhenWidened() {
        Cidr half = Cidr.parse("128.0.0.0/1").orElseThrow();
        assertFalse(half.isAtLeastAsWideAs(0));
        assertTrue(half.isAtLeastAsWideAs(7));
    }

    @Test
    void containmentUsesPrefixArithmeticNotStrings() {
        Cidr block = Cidr.parse("198.51.100.0/24").orElseThrow();
        assertTrue(block.containsAddress("198.51.100.254"));
        assertFalse(block.containsAddress("198.51.101.1"));
        assertTrue(block.contains(Cidr.parse("198.51.100.128/25").orElseThrow()));
        assertFalse(block.contains(Cidr.parse("198.51.0.0/16").orElseThrow()));
    }

    @Test
    void ipv6ContainmentWorks() {
        Cidr block = Cidr.parse("2001:db8::/32").orElseThrow();
        assertTrue(block.containsAddress("2001:db8:1234::1"));
        assertFalse(block.containsAddress("2001:db9::1"));
        assertFalse(block.containsAddress("198.51.100.1"));
    }

    @Test
    void bareAddressIsAHostRoute() {
        assertEquals(32, Cidr.parse("192.0.2.10").orElseThrow().prefixLength());
        assertEquals(128, Cidr.parse("2001:db8::1").orElseThrow().prefixLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.0.0.0/33", "::/129", "example.com/0", "localhost", "1.2.3/8", "0.0.0.0/-1",
            "0.0.0.0/", "300.1.1.1/8", "0.0.0.0/0/0", "0.0.0.0/0000", "abc::xyz/0"})
    void rejectsWhatIsNotACidr(String text) {
        assertTrue(Cidr.parse(text).isEmpty(), text);
    }

    @Test
    void canonicalFormIsTheNetworkEc2Stores() {
        assertEquals("0.0.0.0/0", Cidr.parse("198.51.100.7/0").orElseThrow().canonical());
        assertEquals("::/0", Cidr.parse("0:0:0:0:0:0:0:0/0").orElseThrow().canonical());
        assertEquals("2001:db8::/32", Cidr.parse("2001:0DB8:0:0:0:0:0:1/32").orElseThrow().canonical());
        assertEquals("2001:db8:0:1::1/128", Cidr.parse("2001:db8:0:1:0:0:0:1").orElseThrow().canonical());
        assertEquals("203.0.113.0/24", Cidr.parse("203.0.113.9/24").orElseThrow().canonical());
    }

    @Test
    void sameNetworkComparesBlocksNotText() {
        assertTrue(Cidr.parse("198.51.100.7/0").orElseThrow().sameNetwork(Cidr.parse("0.0.0.0/0").orElseThrow()));
        assertFalse(Cidr.parse("0.0.0.0/0").orElseThrow().sameNetwork(Cidr.parse("::/0").orElseThrow()));
        assertFalse(Cidr.parse("0.0.0.0/1").orElseThrow().sameNetwork(Cidr.parse("0.0.0.0/0").orElseThrow()));
    }
}
