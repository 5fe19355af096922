package dev.watchpost.remediate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExemptionTest {
    private static Exemption valid(String value) {
        return assertInstanceOf(Exemption.Result.Valid.class, Exemption.parse(value)).exemption();
    }

    @Test
    void readsReasonAndUntil() {
        Exemption exemption = valid("public bastion, ticket SEC-12; until=2026-12-31");
        assertEquals("public bastion, ticket SEC-12", exemption.reason());
        assertEquals(Optional.of(LocalDate.of(2026, 12, 31)), exemption.until());
    }

    @Test
    void holdsThroughItsLastDayAndNotAfter() {
        Exemption exemption = valid("until=2026-12-31");
        assertTrue(exemption.isActiveOn(LocalDate.of(2026, 12, 31)));
        assertFalse(exemption.isActiveOn(LocalDate.of(2027, 1, 1)));
        assertEquals("no reason given", exemption.reason());
    }

    @Test
    void withoutUntilHoldsForever() {
        assertTrue(valid("honeypot").isActiveOn(LocalDate.of(2099, 1, 1)));
    }

    @Test
    void anUnreadableDateIsInvalidNotForever() {
        Exemption.Result.Invalid invalid = assertInstanceOf(Exemption.Result.Invalid.class,
                Exemption.parse("until=31/12/2026"));
        assertTrue(invalid.problem().contains("31/12/2026"));
    }
}
