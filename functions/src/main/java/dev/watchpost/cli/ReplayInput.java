package dev.watchpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The stream {@link RecordReader}'s parsers read: it keeps the last bytes handed out, so that a record the parser has
 * already tokenised can be built from its bytes afterwards, only if it is wanted. The parser reads ahead, so the
 * reader {@link #pin pins} a record's first byte and everything from it is kept until {@link #release}; otherwise at
 * most the last {@link #WINDOW} bytes. Read {@linkplain #readLines line by line}, it ends after each newline until
 * {@link #nextLine}, so a parser stops at the line's end and a broken line cannot swallow the next; a line is never
 * held whole. Offsets count from the start of the current line (or of the input). Never closes its source.
 */
final class ReplayInput extends InputStream {
    /** Kept behind the last byte handed out: far more than a parser holds unread (Jackson reads 8,000 at a time). */
    static final int WINDOW = 1 << 16;

    private final InputStream source;
    private byte[] kept = new byte[2 * WINDOW];
    /** Offset in the input of {@code kept[0]}. */
    private long keptStart;
    private int limit;
    /** Index in {@code kept} of the next byte to hand out. */
    private int position;
    /** The pinned offset in the input, or -1. */
    private long pin = -1;
    /** Offset in the input of the current line: offsets given to and by this stream count from it. */
    private long base;
    private boolean lines;
    private boolean lineEnded;
    private int lineNumber;
    /** A failure of the source while looking ahead, given again to the reader at its place. */
    private IOException failed;

    ReplayInput(InputStream source) {
        this.source = source;
    }

    /** Up to {@code max} bytes from the start, without consuming them; a read failure only ends them early. */
    byte[] head(int max) {
        try {
            while (limit < max && fill()) {
                // reading ahead
            }
        } catch (IOException e) {
            failed = e;
        }
        return Arrays.copyOf(kept, Math.min(limit, max));
    }

    /** From now on, read line by line: the stream ends after each newline until {@link #nextLine}. */
    void readLines() {
        lines = true;
        lineEnded = true;
    }

    /** Skips what is left of the current line and starts the next; false at the end of the input. */
    boolean nextLine() throws IOException {
        while (!lineEnded && (position < limit || fill())) {
            while (position < limit && !lineEnded) {
                lineEnded = kept[position++] == '\n';
            }
        }
        lineEnded = false;
        base = keptStart + position;
        lineNumber++; // counted before reading, so a failure to read the line is reported at its number
        if (position < limit || fill()) {
            return true;
        }
        lineNumber--;
        return false;
    }

    /** The number of the current line, from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /** Keeps every byte from {@code offset} on, which must still be kept, until {@link #release}. */
    void pin(long offset) {
        if (base + offset < keptStart || base + offset > keptStart + position) {
            throw new IllegalArgumentException("cannot pin " + offset + ": it is no longer kept");
        }
        pin = base + offset;
    }

    void release() {
        pin = -1;
    }

    /** Builds the JSON object in the kept bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    JsonNode readTree(ObjectMapper mapper, long from, long to) throws IOException {
        int start = (int) (base + from - keptStart);
        int length = (int) (to - from);
        if (start < 0 || length < 2 || start + length > position || kept[start] != '{'
                || kept[start + length - 1] != '}') {
            throw new IllegalStateException("the parser's offsets " + from + ".." + to + " do not frame a record");
        }
        return mapper.readTree(kept, start, length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0 || lineEnded || position == limit && !fill()) {
            return length == 0 ? 0 : -1;
        }
        int count = Math.min(length, limit - position);
        for (int i = position; lines && i < position + count; i++) {
            if (kept[i] == '\n') {
                count = i + 1 - position;
                lineEnded = true;
            }
        }
        System.arraycopy(kept, position, target, offset, count);
        position += count;
        return count;
    }

    /** Reads more of the source, first dropping what is neither pinned nor in the window; false at its end. */
    private boolean fill() throws IOException {
        if (failed != null) {
            IOException e = failed;
            failed = null;
            throw e;
        }
        if (limit == kept.length) {
            int drop = (int) Math.max(0, (pin >= 0 ? pin : keptStart + position - WINDOW) - keptStart);
            System.arraycopy(kept, drop, kept, 0, limit - drop);
            keptStart += drop;
            limit -= drop;
            position -= drop;
            if (limit > kept.length / 2) { // a pinned record fills the buffer: grow it
                kept = Arrays.copyOf(kept, Math.addExact(kept.length, kept.length));
            }
        }
        int read = source.read(kept, limit, kept.length - limit);
        limit += Math.max(read, 0);
        return read > 0;
    }
}
