package dev.watchpost.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.watchpost.event.CloudTrailEvent;
import java.io.BufferedInputStream;
import java.io.IOException;

/**
 * Tells JSON Lines from a document spread over lines, without consuming the input: a file is read line by line (a bad
 * line costs only itself) unless its first non-blank line ends inside a JSON value, as a pretty-printed file's does.
 * Stateless.
 */
final class JsonLayout {
    /** How far to look; a first line longer than this is not the start of a pretty-printed document. */
    static final int LOOKAHEAD = 1 << 16;

    private JsonLayout() {}

    /** True when {@code in} should be read line by line; leaves {@code in} where it was. */
    static boolean isJsonLines(BufferedInputStream in) throws IOException {
        byte[] head = new byte[LOOKAHEAD];
        int length = 0;
        in.mark(LOOKAHEAD + 1);
        try {
            while (length < LOOKAHEAD) {
                int read = in.read(head, length, LOOKAHEAD - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            // Decide on what could be read; the reader meets the same error again, at its place in the file.
        } finally {
            in.reset();
        }
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && head[end] != '\n') {
                end++;
            }
            if (end == length) {
                return true; // the only line, or a first line longer than the lookahead
            }
            if (!isBlank(head, start, end)) {
                return completesOnItsLine(head, start, end - start);
            }
            start = end + 1;
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean completesOnItsLine(byte[] bytes, int offset, int length) {
        try (JsonParser parser = CloudTrailEvent.mapper().createParser(bytes, offset, length)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return true;
        } catch (JsonEOFException e) {
            return false; // the value goes on past the line's end
        } catch (JsonParseException e) {
            // After a comma Jackson reports the end of the input as a plain parse error with this message.
            return !e.getOriginalMessage().startsWith("Unexpected end-of-input");
        } catch (IOException e) {
            return true; // not JSON at all: line by line, so only this line is lost
        }
    }
}
