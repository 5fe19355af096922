package dev.watchpost.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Hands a parser its bytes and keeps the last of them, so that a record the parser has already tokenised can be built
 * from its bytes afterwards, only if it is wanted: what lets the scan pass over unwatched records unbuilt. The parser
 * reads ahead, so the reader {@link #pin pins} a record's first byte and everything from it is kept until
 * {@link #release}; otherwise at most the last {@link #WINDOW} bytes. Offsets count from the first byte handed out.
 * Not thread-safe.
 */
final class ReplayInput extends InputStream {
    /** Kept behind the last byte handed out: far more than a parser holds unread (Jackson reads 8,000 at a time). */
    static final int WINDOW = 1 << 16;
    /** The largest array the JVM allocates. */
    private static final int MAX_KEPT = Integer.MAX_VALUE - 8;

    private InputStream in;
    private byte[] kept = new byte[2 * WINDOW];
    /** Offset of {@code kept[0]}. */
    private long keptStart;
    /** Bytes in {@code kept}: those from {@code keptStart} up to the last one handed out. */
    private int keptLength;
    /** The pinned offset, or -1. */
    private long pin = -1;
    /** Where the last release said the reader was: nothing before it is needed again. */
    private long released;

    ReplayInput(InputStream in) {
        this.in = in;
    }

    /** Starts over on another stream (the next line of a JSON Lines file), keeping the buffer; offsets restart at 0. */
    ReplayInput restart(InputStream next) {
        in = next;
        keptStart = 0;
        keptLength = 0;
        pin = -1;
        released = 0;
        return this;
    }

    /** Keeps every byte from {@code offset} on, which must still be kept, until {@link #release}. */
    void pin(long offset) {
        if (offset < keptStart || offset > keptStart + keptLength) {
            throw new IllegalArgumentException("cannot pin " + offset + ": kept are " + keptStart + ".."
                    + (keptStart + keptLength));
        }
        pin = offset;
    }

    /** Lets the pinned bytes go, and those before {@code readerAt}, the offset the reader has read up to. */
    void release(long readerAt) {
        pin = -1;
        released = Math.max(released, readerAt);
    }

    /** Builds the JSON value in the kept bytes from {@code from} (inclusive) to {@code to} (exclusive). */
    JsonNode readTree(ObjectMapper mapper, long from, long to) throws IOException {
        if (from < keptStart || from > to || to > keptStart + keptLength) {
            throw new IllegalArgumentException("bytes " + from + ".." + to + " are not kept (kept: " + keptStart
                    + ".." + (keptStart + keptLength) + ")");
        }
        return mapper.readTree(kept, (int) (from - keptStart), (int) (to - from));
    }

    /** The kept byte at {@code offset}, for checking a parser's offsets. */
    byte byteAt(long offset) {
        if (offset < keptStart || offset >= keptStart + keptLength) {
            throw new IllegalArgumentException("byte " + offset + " is not kept");
        }
        return kept[(int) (offset - keptStart)];
    }

    /** The buffer's size in bytes: what this stream costs in memory. */
    int capacity() {
        return kept.length;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            room(1);
            kept[keptLength++] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
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

    /** Makes room for {@code n} more bytes: drops what is neither pinned nor in the window, then grows if need be. */
    private void room(int n) throws IOException {
        if (keptLength + n <= kept.length) {
            return;
        }
        long end = keptStart + keptLength;
        long from = pin >= 0 ? pin : Math.max(released, end - WINDOW);
        from = Math.min(Math.max(from, keptStart), end);
        int drop = (int) (from - keptStart);
        if (drop > 0) {
            System.arraycopy(kept, drop, kept, 0, keptLength - drop);
            keptStart = from;
            keptLength -= drop;
        }
        long needed = (long) keptLength + n;
        if (needed > kept.length) {
            if (needed > MAX_KEPT) {
                throw new IOException("a record of more than " + MAX_KEPT + " bytes cannot be kept to be read");
            }
            kept = Arrays.copyOf(kept, (int) Math.min(MAX_KEPT, Math.max(2L * kept.length, needed)));
        }
    }
}
