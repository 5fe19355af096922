package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions on the items {@link RecordReader} hands on, shared by the tests of its reading and of passing over. */
final class ReadItems {
    private ReadItems() {}

    /** Asserts that {@code item} says the document broke in {@code place}, {@code at} a line and column: no more. */
    static void assertTheRestWasNotRead(ReadItem item, String place, String at) {
        ReadItem.Unreadable problem = assertInstanceOf(ReadItem.Unreadable.class, item);
        assertEquals(place, problem.place());
        assertTrue(problem.reason().endsWith(" at " + at + "; the rest of the file was not read"), problem.reason());
    }
}
