package dev.watchpost.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * An inclusive TCP/UDP port range as EC2 records it. EC2 writes -1 (or nothing) for "all ports" when the protocol is
 * all traffic, and ports may arrive as numbers or strings. Immutable.
 *
 * @param from first port, 0–65535
 * @param to   last port, 0–65535, not below {@code from}
 */
public record PortRange(int from, int to) {
    public static final int MAX_PORT = 65535;
    public static final PortRange ALL = new PortRange(0, MAX_PORT);

    public PortRange {
        if (from < 0 || to > MAX_PORT || from > to) {
            throw new IllegalArgumentException("not a port range: " + from + "-" + to);
        }
    }

    /**
     * Reads {@code fromPort}/{@code toPort} values. Missing or -1 on both ends means all ports; a single present end
     * stands for both. Values outside 0–65535 or reversed give all ports, the safe reading for a detector.
     */
    public static PortRange of(JsonNode fromNode, JsonNode toNode) {
        return of(Json.integer(fromNode), Json.integer(toNode));
    }

    /** The same reading for ports already parsed, e.g. from an EC2 API answer (null stands for absent). */
    public static PortRange of(Integer from, Integer to) {
        return of(from == null ? OptionalInt.empty() : OptionalInt.of(from),
                to == null ? OptionalInt.empty() : OptionalInt.of(to));
    }

    private static PortRange of(OptionalInt from, OptionalInt to) {
        if (from.isEmpty() && to.isEmpty()) {
            return ALL;
        }
        int start = from.orElse(to.orElse(-1));
        int end = to.orElse(start);
        if (start < 0 || end < 0 || start > MAX_PORT || end > MAX_PORT || start > end) {
            return ALL;
        }
        return new PortRange(start, end);
    }

    public boolean contains(int port) {
        return from <= port && port <= to;
    }

    public boolean isAll() {
        return from == 0 && to == MAX_PORT;
    }

    /** "22", "20-25" or "all". */
    public String display() {
        if (isAll()) {
            return "all";
        }
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
