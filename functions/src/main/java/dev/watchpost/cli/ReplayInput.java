package dev.watchpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands a parser its bytes and keeps those from a mark on, so that a record the parser has already tokenised can be
 * built into a tree from its bytes afterwards, and only if it turns out to be wanted. This is what lets the scanner
 * pass over records no detection watches without building them (a parser reads ahead, so the bytes of the record it
 * is on have already left the stream and must be kept here). Memory is what lies between the mark and the parser's
 * read-ahead: one record, if the reader moves the mark at each one. Offsets count bytes from the first one handed
 * out. Not thread-safe.
 */
final class ReplayInput extends InputStream {
    private static final int INITIAL_SIZE = 1 << 16;

    private InputStream in;
    private byte[] kept = new byte[INITIAL_SIZE];
    /** Offset of {@code kept[0]}. */
    private long keptStart;
    /** Bytes in {@code kept}: those from {@code keptStart} up to the last one handed out. */
    private int keptLength;
    /** Bytes before this offset may be dropped. */
    private long mark;
    private boolean keeping = true;

    ReplayInput(InputStream in) {
        this.in = in;
    }

    /** Starts over on another stream (the next line of a JSON Lines file), keeping the buffer; offsets restart at 0. */
    ReplayInput restart(InputStream next) {
        in = next;
        keptStart = 0;
        keptLength = 0;
        mark = 0;
        keeping = true;
        return this;
    }

    /**
     * Keeps nothing more (until {@link #restart}): for a parser that cannot give byte offsets, as Jackson's parser of
     * UTF-16 or UTF-32 input cannot, so nothing could be found again in what was kept.
     */
    void stopKeeping() {
        keeping = false;
        keptStart += keptLength;
        keptLength = 0;
        mark = keptStart;
    }

    /** Bytes from {@code offset} on are kept until the mark moves again; earlier ones may be dropped. */
    void keepFrom(long offset) {
        if (!keeping) {
            return;
        }
        if (offset < mark || offset > keptStart + keptLength) {
            throw new IllegalArgumentException("mark " + offset + " outside the kept bytes " + mark + ".."
                    + (keptStart + keptLength));
        }
        mark = offset;
    }

    /**
     * Builds the JSON value between {@code from} (inclusive, at or after the mark) and {@code to} (exclusive, at most
     * the bytes handed out so far) into a tree with {@code mapper}.
     */
    JsonNode readTree(ObjectMapper mapper, long from, long to) throws IOException {
        if (from < mark || from > to || to > keptStart + keptLength) {
            throw new IllegalArgumentException("bytes " + from + ".." + to + " are not kept (kept: " + mark + ".."
                    + (keptStart + keptLength) + ")");
        }
        return mapper.readTree(kept, (int) (from - keptStart), (int) (to - from));
    }

    /** The kept byte at {@code offset}, for checking a parser's offsets. */
    byte byteAt(long offset) {
        if (offset < mark || offset >= keptStart + keptLength) {
            throw new IllegalArgumentException("byte " + offset + " is not kept");
        }
        return kept[(int) (offset - keptStart)];
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0 && keeping) {
            room(1);
            kept[keptLength++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0 && keeping) {
            room(n);
            System.arraycopy(buffer, offset, kept, keptLength, n);
            keptLength += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Makes room for {@code n} more bytes: drops those before the mark, then grows if that is not enough. */
    private void room(int n) {
        if (keptLength + n <= kept.length) {
            return;
        }
        int drop = (int) (mark - keptStart);
        if (drop > 0) {
            System.arraycopy(kept, drop, kept, 0, keptLength - drop);
            keptStart = mark;
            keptLength -= drop;
        }
        if (keptLength + n > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(kept.length * 2, keptLength + n));
        }
    }
}
