package dev.watchpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Splits a byte stream into lines, each handed out as its own stream ending after its newline, so a parser stops at
 * the line's end and a broken line cannot swallow the next; a line is never held whole. Not thread-safe.
 */
final class LineInput {
    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream source;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private boolean sourceEnded;
    private int lineNumber;
    private Line current;

    LineInput(InputStream source) {
        this.source = source;
    }

    /** The next line, or null at the end of the input; whatever the previous line's reader left unread is skipped. */
    InputStream next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        lineNumber++; // counted before reading, so a failure to read the line is reported at its number
        if (!fill()) {
            lineNumber--;
            return null;
        }
        current = new Line();
        return current;
    }

    /** The number of the line last returned by {@link #next()}, or being looked for by it. */
    int lineNumber() {
        return lineNumber;
    }

    /** Makes sure at least one byte is buffered; false at the end of the source. */
    private boolean fill() throws IOException {
        while (position >= limit) {
            if (sourceEnded) {
                return false;
            }
            int read = source.read(buffer, 0, buffer.length);
            if (read < 0) {
                sourceEnded = true;
                return false;
            }
            position = 0;
            limit = read;
        }
        return true;
    }

    /** The bytes of one line, its newline included; then end of stream. */
    private final class Line extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, target.length);
            if (ended || current != this) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                ended = true;
                return -1;
            }
            int end = Math.min(limit, position + length);
            int newline = position;
            while (newline < end && buffer[newline] != '\n') {
                newline++;
            }
            int count = (newline < end ? newline + 1 : newline) - position;
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            ended = newline < end;
            return count;
        }

        void skipRest() throws IOException {
            while (!ended && fill()) {
                int newline = position;
                while (newline < limit && buffer[newline] != '\n') {
                    newline++;
                }
                ended = newline < limit;
                position = ended ? newline + 1 : limit;
            }
        }
    }
}
