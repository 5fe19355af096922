package dev.watchpost.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Turns the paths on the command line into files to read, in sorted order (hidden entries inside a directory left
 * out; {@code -} is standard input), and opens each, gzip recognised by its magic bytes. Stateless.
 */
final class InputFiles {
    /** The path that names standard input. */
    static final Path STDIN = Path.of("-");

    private InputFiles() {}

    /** Fails with a usage error naming the first path that does not exist. */
    static void requireExisting(List<Path> paths) {
        for (Path path : paths) {
            if (!path.equals(STDIN) && !Files.exists(path)) {
                throw new UsageException(path + ": no such file or directory");
            }
        }
    }

    /**
     * The regular files under the given paths: each path's files in sorted order, paths in the order given. A
     * directory that cannot be listed is reported to {@code problems} as (path, reason) and skipped.
     */
    static List<Path> expand(List<Path> paths, BiConsumer<String, String> problems) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            try (Stream<Path> found = Files.walk(path)) {
                found.filter(file -> Files.isRegularFile(file) && !isHidden(path.relativize(file))).sorted()
                        .forEach(files::add);
            } catch (IOException | UncheckedIOException e) {
                problems.accept(path.toString(), "could not list: " + describe(
                        e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e));
            }
        }
        return files;
    }

    /**
     * Opens a file for reading, decompressing it when it starts with the gzip magic bytes. {@code stored} hears how
     * many bytes of the file (as stored) are read, as they are read. No buffer sits above the decompressor, so that
     * what a truncated file holds before its break is handed out before the error.
     */
    static InputStream open(Path file, LongConsumer stored) throws IOException {
        InputStream raw = file.equals(STDIN) ? System.in : Files.newInputStream(file);
        BufferedInputStream in = new BufferedInputStream(new FilterInputStream(raw) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                stored.accept(Math.max(0, n));
                return n;
            }
        }, 1 << 16);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** An I/O error as a short phrase: the JDK's message, or the exception's name when it has none. */
    static String describe(IOException error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
