package dev.watchpost.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Takes the records out of one line of a CloudTrail log file before Jackson reads it, so that the parser tokenises
 * none of them: it only builds the few a detection watches, from their bytes. Jackson's tokeniser, even skipping
 * values, decodes and looks up every key of every record, and that was two thirds of a scan's CPU (README,
 * Performance); this class checks a record's syntax with a byte scanner instead (eight bytes at a time inside
 * strings) and looks at nothing but its top-level keys.
 *
 * <p>It acts only on a line that starts {@code {"Records":[} (CloudTrail's own layout; spaces and tabs allowed
 * between the tokens) and only inside that array. A record is replaced by a marker when the scanner finds the whole of
 * it valid JSON that Jackson's tokeniser also accepts (a strict subset: plain ASCII keys, well-formed UTF-8, no deeper
 * than {@link #MAX_DEPTH}, nothing longer than the limits below), its top-level keys all different, none an
 * envelope's, and its {@code eventName} a string of plain ASCII that is not blank. The marker is {@link #MARKER}, an
 * empty object: it begins and ends as the record did, so whatever follows it reads, and fails, as it would after the
 * record. The reader asks the filter which kind it is: one to pass over if {@code mayWatch} rejects the name, as
 * {@link RecordReader} would, else one to build, its bytes kept for the reader to build ({@link #nextToBuild}) as it
 * would have built them. A record in any doubt is handed on byte for byte, and at the first byte the scanner does not expect
 * (broken JSON, a line break, a truncated record) it hands on everything that follows: Jackson then finds and reports
 * what it always would. The reader recognises a marker by its offset ({@link #marker}). Offsets and columns after a
 * replaced record shift; lines do not, since nothing with a line break in it is replaced, and {@link #droppedBefore}
 * gives the shift back for reporting places. Memory: the buffer, or the record being scanned if that is larger, and
 * the one or two records to build that wait (a read ends at a build marker). One instance per reader, restarted for
 * each line; not thread-safe.
 */
final class UnwatchedRecordFilter extends InputStream {
    /** What a record taken out becomes: an object the reader asks about before reading it as a record. */
    static final byte[] MARKER = {'{', '}'};
    /** {@link #marker} answers: not a marker, a record passed over, a record to build. */
    static final int NOT_A_MARKER = 0;
    static final int PASSED_OVER = 1;
    static final int TO_BUILD = 2;
    /** Nesting inside a record beyond which the record is left to Jackson (whose limit is far above). */
    static final int MAX_DEPTH = 60;
    /** Longest number or key replaced; longer ones are left to Jackson and its limits. */
    static final int MAX_TOKEN_LENGTH = 1000;
    /** Top-level keys tracked for "given twice"; a record with more is left to Jackson. */
    private static final int MAX_KEYS = 64;
    private static final int KEY_SLOTS = 128;
    private static final int BUFFER_SIZE = 1 << 16;
    private static final int MAX_BUFFER = 1 << 30;

    private static final byte[] RECORDS = "\"Records\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_NAME = "eventName".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DETAIL = "detail".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DETAIL_TYPE = "detail-type".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;
    /** Thrown by {@link #at} at the end of the buffered bytes: the scan starts over once more are read. */
    private static final NeedMore NEED_MORE = new NeedMore();

    private enum State { HEAD, FIRST, AFTER, PASS }

    private final Predicate<String> mayWatch;
    private InputStream in;
    private byte[] buffer = new byte[BUFFER_SIZE];
    /** First byte not yet decided on. */
    private int position;
    /** End of the bytes read. */
    private int limit;
    private boolean ended;
    /** Decided bytes not yet handed out: {@code buffer[emitFrom, emitTo)}, then a marker if one is pending. */
    private int emitFrom;
    private int emitTo;
    private boolean markerPending;
    /** Bytes of {@link #MARKER} handed out so far while one is pending. */
    private int markerSent;
    private long pendingExtra;
    private boolean pendingToBuild;
    /** Records to build, in order, each replaced by a marker the reader has not reached yet. */
    private final ArrayDeque<ToBuild> toBuild = new ArrayDeque<>();
    /** Offset in the line of {@code buffer[0]}. */
    private long bufferStart;
    private State state;
    /** Bytes handed out so far: the offset the reader's parser gives. */
    private long handedOut;
    /**
     * Markers handed out that the reader has not yet recognised: their offsets, the bytes each one replaced less its
     * own, and whether its record is one to build.
     */
    private long[] markerAt = new long[256];
    private long[] markerExtra = new long[256];
    private boolean[] markerToBuild = new boolean[256];
    private int markerHead;
    private int markerCount;
    private long recognisedExtra;
    /** Where the line's first marker was handed out, or -1: nothing before it shifted. */
    private long firstMarkerAt;

    /** Set by {@link #string}: whether the last string had neither escapes nor bytes beyond ASCII. */
    private boolean plain;
    /** Set by {@link #record}: whether the record is valid but must be handed on (or may be replaced). */
    private boolean keep;
    /** Set by {@link #record} when it may be replaced: whether a detection watches it, so the reader builds it. */
    private boolean watched;
    private final int[] slotStart = new int[KEY_SLOTS];
    private final int[] slotLength = new int[KEY_SLOTS];
    private final int[] slotGeneration = new int[KEY_SLOTS];
    private int generation;

    UnwatchedRecordFilter(Predicate<String> mayWatch) {
        this.mayWatch = mayWatch;
    }

    /** Starts over on another line, keeping the buffer; offsets restart at 0. */
    UnwatchedRecordFilter restart(InputStream next) {
        in = next;
        position = 0;
        limit = 0;
        ended = false;
        emitFrom = 0;
        emitTo = 0;
        markerPending = false;
        markerSent = 0;
        toBuild.clear();
        bufferStart = 0;
        state = State.HEAD;
        handedOut = 0;
        markerHead = 0;
        markerCount = 0;
        recognisedExtra = 0;
        firstMarkerAt = -1;
        return this;
    }

    /**
     * Whether a marker was handed out at {@code offset}, and which: {@link #NOT_A_MARKER}, {@link #PASSED_OVER} or
     * {@link #TO_BUILD} (then {@link #nextToBuild} holds the record). The reader asks about each value in the array in
     * order, so an answer other than the first also forgets the marker, and its shift counts for every place after it.
     */
    int marker(long offset) {
        if (markerCount == 0 || markerAt[markerHead] != offset) {
            return NOT_A_MARKER;
        }
        int kind = markerToBuild[markerHead] ? TO_BUILD : PASSED_OVER;
        recognisedExtra += markerExtra[markerHead];
        markerHead = (markerHead + 1) % markerAt.length;
        markerCount--;
        return kind;
    }

    /** The record behind the {@link #TO_BUILD} marker the reader has just recognised. */
    ToBuild nextToBuild() {
        ToBuild next = toBuild.poll();
        if (next == null) {
            throw new IllegalStateException("no record waits to be built");
        }
        return next;
    }

    /**
     * How many more bytes the line had before {@code offset} (an offset the parser gives) than were handed out.
     * Exact for an offset before the line's first marker, or after the last one {@link #marker recognised}: the
     * places a reader asks about (the array's start, and where it is now).
     */
    long droppedBefore(long offset) {
        if (firstMarkerAt < 0 || offset <= firstMarkerAt) {
            return 0;
        }
        long extra = recognisedExtra;
        for (int i = 0; i < markerCount; i++) {
            int slot = (markerHead + i) % markerAt.length;
            if (markerAt[slot] < offset) {
                extra += markerExtra[slot];
            }
        }
        return extra;
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
        int count = 0;
        while (count < length) {
            if (emitFrom < emitTo) {
                int n = Math.min(length - count, emitTo - emitFrom);
                System.arraycopy(buffer, emitFrom, target, offset + count, n);
                emitFrom += n;
                count += n;
                handedOut += n;
            } else if (markerPending) {
                if (markerSent == 0) {
                    remember(handedOut, pendingExtra, pendingToBuild);
                }
                target[offset + count++] = MARKER[markerSent++];
                handedOut++;
                if (markerSent == MARKER.length) {
                    markerPending = false;
                    markerSent = 0;
                    if (pendingToBuild) {
                        break; // so that records to build wait here one or two at a time, whatever their size
                    }
                }
            } else if (!advance()) {
                break;
            }
        }
        return count == 0 ? -1 : count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decides on the next bytes: sets up what to hand out next. False at the end of the line. */
    private boolean advance() throws IOException {
        while (true) {
            if (state == State.PASS) {
                if (position == limit && !more()) {
                    return false;
                }
                handOn(limit);
                return true;
            }
            try {
                step();
                return true;
            } catch (NeedMore e) {
                if (!more()) {
                    state = State.PASS; // a truncated line: Jackson reports it
                }
            }
        }
    }

    /** One step in the line's structure; throws {@link NeedMore} having changed nothing, so it can be run again. */
    private void step() {
        int i = position;
        switch (state) {
            case HEAD -> {
                i = spaces(i);
                if (at(i) != '{') {
                    giveUp();
                    return;
                }
                i = spaces(i + 1);
                for (byte b : RECORDS) {
                    if (at(i++) != b) {
                        giveUp();
                        return;
                    }
                }
                i = spaces(i);
                if (at(i) != ':') {
                    giveUp();
                    return;
                }
                i = spaces(i + 1);
                if (at(i) != '[') {
                    giveUp();
                    return;
                }
                handOn(i + 1);
                state = State.FIRST;
            }
            case FIRST, AFTER -> {
                i = spaces(i);
                if (state == State.AFTER) {
                    if (at(i) != ',') {
                        giveUp(); // the array's end, or broken JSON: either way Jackson's
                        return;
                    }
                    i = spaces(i + 1);
                }
                if (at(i) != '{') {
                    giveUp();
                    return;
                }
                int end = record(i);
                if (end < 0) {
                    giveUp();
                } else if (keep) {
                    handOn(end);
                    state = State.AFTER;
                } else {
                    handOn(i);
                    markerPending = true;
                    pendingExtra = end - i - MARKER.length;
                    pendingToBuild = watched;
                    if (watched) {
                        toBuild.add(new ToBuild(Arrays.copyOfRange(buffer, i, end), bufferStart + i));
                    }
                    position = end;
                    state = State.AFTER;
                }
            }
            case PASS -> throw new IllegalStateException("nothing to step through when passing bytes on");
        }
    }

    private void handOn(int end) {
        emitFrom = position;
        emitTo = end;
        position = end;
    }

    private void giveUp() {
        state = State.PASS;
        handOn(position);
    }

    /**
     * Scans the record starting at {@code start}; returns its end, or -1 if it is not valid JSON as far as this
     * scanner knows. Sets {@link #keep} unless the record may be replaced.
     */
    private int record(int start) {
        if (++generation == 0) {
            Arrays.fill(slotGeneration, 0);
            generation = 1;
        }
        keep = false;
        watched = false;
        int keys = 0;
        int nameStart = -1;
        int nameEnd = -1;
        int i = spaces(start + 1);
        if (at(i) == '}') {
            keep = true;
            return i + 1;
        }
        while (true) {
            if (at(i) != '"') {
                return -1;
            }
            int keyEnd = string(i);
            if (keyEnd < 0 || keyEnd - i > MAX_TOKEN_LENGTH) {
                return -1;
            }
            boolean keyPlain = plain;
            int keyStart = i + 1;
            int keyLength = keyEnd - 1 - keyStart;
            i = spaces(keyEnd);
            if (at(i) != ':') {
                return -1;
            }
            i = spaces(i + 1);
            if (!keyPlain || ++keys > MAX_KEYS || seenBefore(keyStart, keyLength)
                    || is(DETAIL, keyStart, keyLength) || is(DETAIL_TYPE, keyStart, keyLength)) {
                keep = true;
            }
            if (is(EVENT_NAME, keyStart, keyLength) && at(i) == '"') {
                int end = string(i);
                if (end < 0) {
                    return -1;
                }
                if (plain) {
                    nameStart = i + 1;
                    nameEnd = end - 1;
                }
                i = end;
            } else {
                i = value(i);
                if (i < 0) {
                    return -1;
                }
            }
            i = spaces(i);
            byte next = at(i);
            if (next == '}') {
                if (nameStart < 0) {
                    keep = true;
                } else {
                    String name = new String(buffer, nameStart, nameEnd - nameStart, StandardCharsets.ISO_8859_1);
                    keep = keep || name.isBlank(); // blank: reported as it always was
                    watched = !keep && mayWatch.test(name);
                }
                return i + 1;
            }
            if (next != ',') {
                return -1;
            }
            i = spaces(i + 1);
        }
    }

    /** Scans any value at {@code i}; returns its end, or -1. */
    private int value(int i) {
        return switch (at(i)) {
            case '"' -> string(i);
            case '{', '[' -> container(i);
            case 't' -> literal(i, TRUE);
            case 'f' -> literal(i, FALSE);
            case 'n' -> literal(i, NULL);
            default -> number(i);
        };
    }

    /**
     * Scans an object or array at {@code i} without recursion: bit {@code d} of {@code objects} says whether the
     * container at depth {@code d} is an object. Keys below the top level must be plain, or the record is kept.
     */
    private int container(int i) {
        long objects = 0;
        int depth = 0;
        while (true) {
            // At the start of a value.
            byte c = at(i);
            if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    return -1;
                }
                boolean object = c == '{';
                objects = object ? objects | (1L << depth) : objects & ~(1L << depth);
                i = spaces(i + 1);
                if (at(i) == (object ? '}' : ']')) {
                    i++;
                    depth--;
                } else {
                    if (object) {
                        i = key(i);
                        if (i < 0) {
                            return -1;
                        }
                    }
                    continue;
                }
            } else {
                i = value(i);
                if (i < 0) {
                    return -1;
                }
            }
            // After a value: close containers until one goes on with a comma.
            while (true) {
                if (depth == 0) {
                    return i;
                }
                boolean object = (objects & (1L << depth)) != 0;
                i = spaces(i);
                byte next = at(i);
                if (next == ',') {
                    i = spaces(i + 1);
                    if (object) {
                        i = key(i);
                        if (i < 0) {
                            return -1;
                        }
                    }
                    break;
                }
                if (next != (object ? '}' : ']')) {
                    return -1;
                }
                i++;
                depth--;
            }
        }
    }

    /** A key below the top level, its colon and the spaces after it; returns where its value starts, or -1. */
    private int key(int i) {
        if (at(i) != '"') {
            return -1;
        }
        int end = string(i);
        if (end < 0 || end - i > MAX_TOKEN_LENGTH) {
            return -1;
        }
        if (!plain) {
            keep = true; // Jackson decodes keys; leave any but plain ones to it
        }
        i = spaces(end);
        return at(i) == ':' ? spaces(i + 1) : -1;
    }

    /**
     * Scans the string at {@code i} (its opening quote); returns the index after its closing quote, or -1 for a
     * control character, a bad escape or a byte that is not well-formed UTF-8. Eight bytes at a time while none of
     * them is a quote, a backslash, below a space or above ASCII (the lowest such byte is found exactly).
     */
    private int string(int i) {
        plain = true;
        int j = i + 1;
        byte[] bytes = buffer;
        while (true) {
            int last = limit - Long.BYTES;
            while (j <= last) {
                long word = (long) LONGS.get(bytes, j);
                long quotes = word ^ QUOTES;
                long backslashes = word ^ BACKSLASHES;
                long special = (((quotes - LOW_BITS) & ~quotes) | ((backslashes - LOW_BITS) & ~backslashes)
                        | (word - SPACES) | word) & HIGH_BITS;
                if (special != 0) {
                    j += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                j += Long.BYTES;
            }
            int c = at(j) & 0xff;
            if (c == '"') {
                return j + 1;
            } else if (c == '\\') {
                plain = false;
                j = escape(j);
            } else if (c < 0x20) {
                return -1;
            } else if (c >= 0x80) {
                plain = false;
                j = utf8(j, c);
            } else {
                j++;
            }
            if (j < 0) {
                return -1;
            }
        }
    }

    private int escape(int j) {
        switch (at(j + 1)) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return j + 2;
            }
            case 'u' -> {
                for (int k = 2; k < 6; k++) {
                    if (Character.digit(at(j + k), 16) < 0) {
                        return -1;
                    }
                }
                return j + 6;
            }
            default -> {
                return -1;
            }
        }
    }

    /** A UTF-8 sequence whose lead byte {@code c} is at {@code j}: leads C2–F4 only, then continuation bytes. */
    private int utf8(int j, int c) {
        int continuations;
        if (c >= 0xC2 && c <= 0xDF) {
            continuations = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            continuations = 2;
        } else if (c >= 0xF0 && c <= 0xF4) {
            continuations = 3;
        } else {
            return -1;
        }
        for (int k = 1; k <= continuations; k++) {
            if ((at(j + k) & 0xC0) != 0x80) {
                return -1;
            }
        }
        return j + 1 + continuations;
    }

    private int literal(int i, byte[] word) {
        for (int k = 0; k < word.length; k++) {
            if (at(i + k) != word[k]) {
                return -1;
            }
        }
        return i + word.length;
    }

    /** JSON's number grammar, Jackson's default: no plus, no leading zeros, digits on both sides of a point. */
    private int number(int i) {
        int j = i;
        if (at(j) == '-') {
            j++;
        }
        byte c = at(j);
        if (c == '0') {
            j++;
        } else if (c >= '1' && c <= '9') {
            j = digits(j + 1);
        } else {
            return -1;
        }
        if (at(j) == '.') {
            if (!isDigit(at(j + 1))) {
                return -1;
            }
            j = digits(j + 2);
        }
        c = at(j);
        if (c == 'e' || c == 'E') {
            j++;
            c = at(j);
            if (c == '+' || c == '-') {
                j++;
            }
            if (!isDigit(at(j))) {
                return -1;
            }
            j = digits(j + 1);
        }
        return j - i > MAX_TOKEN_LENGTH ? -1 : j;
    }

    private int digits(int j) {
        while (isDigit(at(j))) {
            j++;
        }
        return j;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Spaces and tabs only: a line break ends the scanner's part (see the class comment). */
    private int spaces(int i) {
        while (true) {
            byte c = at(i);
            if (c != ' ' && c != '\t') {
                return i;
            }
            i++;
        }
    }

    private boolean is(byte[] word, int start, int length) {
        return length == word.length && Arrays.equals(buffer, start, start + length, word, 0, length);
    }

    /** Notes a top-level key of the current record; true if the record gave it before. */
    private boolean seenBefore(int start, int length) {
        int hash = 0;
        for (int k = start; k < start + length; k++) {
            hash = 31 * hash + buffer[k];
        }
        int mask = KEY_SLOTS - 1;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            if (slotGeneration[slot] != generation) {
                slotGeneration[slot] = generation;
                slotStart[slot] = start;
                slotLength[slot] = length;
                return false;
            }
            int other = slotStart[slot];
            if (slotLength[slot] == length
                    && Arrays.equals(buffer, other, other + length, buffer, start, start + length)) {
                return true;
            }
        }
    }

    private byte at(int i) {
        if (i >= limit) {
            throw NEED_MORE;
        }
        return buffer[i];
    }

    /**
     * Reads more of the line, keeping every byte from {@link #position} (nothing before it is still needed: all of
     * it was handed out); grows the buffer only for a record larger than it. At least doubles what is buffered (or
     * fills the buffer), however little each read of the source gives, since a record that did not fit is scanned
     * again from its start. False at the end of the line, or for a record too large to scan, which is then handed
     * on as it is.
     */
    private boolean more() throws IOException {
        if (ended) {
            return false;
        }
        if (position > 0) {
            bufferStart += position;
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
            emitFrom = 0;
            emitTo = 0;
        } else if (limit == buffer.length) {
            if (buffer.length >= MAX_BUFFER) {
                return false;
            }
            buffer = Arrays.copyOf(buffer, 2 * buffer.length);
        }
        int before = limit;
        int target = Math.min(buffer.length, Math.max(before + 4096, 2 * before));
        while (limit < target) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                ended = true;
                break;
            }
            limit += read;
        }
        return limit > before;
    }

    private void remember(long offset, long extra, boolean build) {
        if (firstMarkerAt < 0) {
            firstMarkerAt = offset;
        }
        if (markerCount == markerAt.length) {
            long[] at = new long[2 * markerCount];
            long[] extras = new long[2 * markerCount];
            boolean[] builds = new boolean[2 * markerCount];
            for (int i = 0; i < markerCount; i++) {
                int slot = (markerHead + i) % markerCount;
                at[i] = markerAt[slot];
                extras[i] = markerExtra[slot];
                builds[i] = markerToBuild[slot];
            }
            markerAt = at;
            markerExtra = extras;
            markerToBuild = builds;
            markerHead = 0;
        }
        int slot = (markerHead + markerCount) % markerAt.length;
        markerAt[slot] = offset;
        markerExtra[slot] = extra;
        markerToBuild[slot] = build;
        markerCount++;
    }

    /** A record to build: its bytes, and the offset in the line of its first one (its column, less one). */
    record ToBuild(byte[] bytes, long offset) {}

    /** Control flow only: preallocated, without a stack trace. */
    private static final class NeedMore extends RuntimeException {
        NeedMore() {
            super(null, null, false, false);
        }
    }
}
