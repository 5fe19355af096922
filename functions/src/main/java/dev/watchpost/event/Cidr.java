package dev.watchpost.event;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block with real prefix arithmetic. Parsing is strict about the prefix and lenient about the
 * address (CloudTrail can carry a non-canonical network address such as {@code 203.0.113.7/0}, which is still the
 * whole internet). Never resolves names: only literal addresses are accepted. Immutable.
 *
 * @param network      the address bits masked to the prefix, as an unsigned number
 * @param prefixLength the prefix length, 0–32 or 0–128
 * @param ipv6         whether this is an IPv6 block
 * @param text         the text it was parsed from
 */
public record Cidr(BigInteger network, int prefixLength, boolean ipv6, String text) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Parses "a.b.c.d/n" or "x:…/n"; a bare address is a /32 or /128. Empty for anything else. */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        boolean ipv6 = address.contains(":");
        if (!(ipv6 ? IPV6.matcher(address).matches() : IPV4.matcher(address).matches())) {
            return Optional.empty();
        }
        int bits = ipv6 ? 128 : 32;
        int prefix;
        if (slash < 0) {
            prefix = bits;
        } else {
            String prefixText = trimmed.substring(slash + 1);
            if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        byte[] raw;
        try {
            raw = InetAddress.getByName(address).getAddress(); // literal only: the patterns above rule out names
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        if (raw.length * 8 != bits) {
            return Optional.empty(); // e.g. an IPv4-mapped IPv6 literal collapsed to IPv4
        }
        BigInteger value = new BigInteger(1, raw);
        BigInteger mask = prefix == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                        .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return Optional.of(new Cidr(value.and(mask), prefix, ipv6, trimmed));
    }

    /** Number of addresses in the block as a power of two: 32 for /0 IPv4, 128 for /0 IPv6. */
    public int hostBits() {
        return (ipv6 ? 128 : 32) - prefixLength;
    }

    /** True when the block is at least as wide as a /{@code maxPrefixLength} (e.g. 0 = only the whole internet). */
    public boolean isAtLeastAsWideAs(int maxPrefixLength) {
        return prefixLength <= maxPrefixLength;
    }

    /** True when {@code other} lies entirely inside this block (same address family). */
    public boolean contains(Cidr other) {
        if (ipv6 != other.ipv6 || other.prefixLength < prefixLength) {
            return false;
        }
        int shift = hostBits();
        return network.shiftRight(shift).equals(other.network.shiftRight(shift));
    }

    /** True when the literal address {@code ip} lies inside this block; false for anything that is not an address. */
    public boolean containsAddress(String ip) {
        if (ip == null || ip.contains("/")) {
            return false;
        }
        return parse(ip).map(this::contains).orElse(false);
    }

    /**
     * The block as EC2 stores it: the network address (host bits cleared) in canonical form and the prefix, e.g.
     * {@code 0.0.0.0/0} for {@code 198.51.100.7/0} and {@code ::/0} for {@code 0:0:0:0:0:0:0:0/0} (RFC 5952 for IPv6).
     */
    public String canonical() {
        int bits = ipv6 ? 128 : 32;
        int[] parts = new int[ipv6 ? 8 : 4];
        int width = ipv6 ? 16 : 8;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = network.shiftRight(bits - width * (i + 1)).intValue() & ((1 << width) - 1);
        }
        return (ipv6 ? ipv6Text(parts) : parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3]) + "/"
                + prefixLength;
    }

    /** Lower-case hex groups, the longest run (two or more) of zero groups written as "::". */
    private static String ipv6Text(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** True when both name the same block, however each was written ({@code 198.51.100.7/0} and {@code 0.0.0.0/0}). */
    public boolean sameNetwork(Cidr other) {
        return ipv6 == other.ipv6 && prefixLength == other.prefixLength && network.equals(other.network);
    }

    @Override
    public String toString() {
        return text;
    }
}
