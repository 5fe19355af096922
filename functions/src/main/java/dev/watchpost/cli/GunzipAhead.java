package dev.watchpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Inflates a gzip stream on its own thread, a few chunks ahead of the reader, so inflating and parsing overlap on two
 * cores. Memory is bounded: at most {@link #AHEAD} chunks of {@link #CHUNK} bytes wait, and their buffers are reused.
 * Everything inflated before a failure (a truncated file, say) is handed out first; the failure is thrown after it,
 * where the reader would have met it. Closing stops the thread and closes the source. One reader thread only.
 */
final class GunzipAhead extends InputStream {
    static final int CHUNK = 1 << 17;
    static final int AHEAD = 3;

    /** A filled buffer, the end of the data ({@code length < 0}), or the failure that ended it. */
    private record Chunk(byte[] bytes, int length, IOException error) {}

    private static final Chunk END = new Chunk(new byte[0], -1, null);

    private final InputStream inflating;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(AHEAD + 2);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(AHEAD + 2);
    private final Thread thread;
    private Chunk current;
    private int position;

    /** Starts inflating {@code inflating} (a {@code GZIPInputStream}) at once. */
    GunzipAhead(InputStream inflating, String name) {
        this.inflating = inflating;
        for (int i = 0; i < AHEAD; i++) {
            free.add(new byte[CHUNK]);
        }
        this.thread = Thread.ofPlatform().daemon().name("watchpost-gunzip " + name).start(this::inflate);
    }

    private void inflate() {
        try {
            while (true) {
                byte[] buffer = free.take();
                int length = 0;
                try {
                    while (length < buffer.length) {
                        int read = inflating.read(buffer, length, buffer.length - length);
                        if (read < 0) {
                            break;
                        }
                        length += read;
                    }
                } catch (IOException e) {
                    if (length > 0) {
                        full.put(new Chunk(buffer, length, null));
                    }
                    full.put(new Chunk(null, -1, e));
                    return;
                }
                if (length > 0) {
                    full.put(new Chunk(buffer, length, null));
                }
                if (length < buffer.length) {
                    full.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (current == null || (current.length >= 0 && position == current.length)) {
            if (current != null && current.length > 0) {
                free.offer(current.bytes);
            }
            try {
                current = full.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while inflating");
            }
            position = 0;
        }
        if (current.error != null) {
            throw current.error; // and again on every later read: current stays this chunk
        }
        if (current.length < 0) {
            return -1;
        }
        int count = Math.min(length, current.length - position);
        System.arraycopy(current.bytes, position, target, offset, count);
        position += count;
        return count;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inflating.close();
    }
}
