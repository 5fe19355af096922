package dev.watchpost.cli;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Turns the paths on the command line into files to read, in sorted order (hidden entries inside a directory left
 * out), and opens each, gzip recognised by its magic bytes. Stateless.
 */
final class InputFiles {
    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;
    private static final int BUFFER_SIZE = 1 << 16;

    private InputFiles() {}

    /** Fails with a usage error naming the first path that does not exist. */
    static void requireExisting(List<Path> paths) throws UsageException {
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UsageException(path + ": no such file or directory");
            }
        }
    }

    /**
     * The regular files under the given paths: each path's files in sorted order, paths in the order given. A
     * directory (or entry) that cannot be listed is reported to {@code problems} as (path, reason) and skipped.
     */
    static List<Path> expand(List<Path> paths, BiConsumer<String, String> problems) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            List<Path> found = new ArrayList<>();
            try {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        return !dir.equals(path) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (!isHidden(file) && Files.isRegularFile(file)) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException error) {
                        problems.accept(file.toString(), "could not list: " + describe(error));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                problems.accept(path.toString(), "could not list: " + describe(e));
            }
            found.sort(null);
            files.addAll(found);
        }
        return files;
    }

    /**
     * Opens a file for reading, decompressing it when it starts with the gzip magic bytes. {@code stored} hears how
     * many bytes of the file (as stored) are read, as they are read.
     */
    static InputStream open(Path file, LongConsumer stored) throws IOException {
        InputStream raw = new Counting(Files.newInputStream(file), stored);
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER_SIZE);
            if (!isGzip(buffered)) {
                return buffered;
            }
            return new BufferedInputStream(new Gunzip(buffered), BUFFER_SIZE);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private static boolean isGzip(BufferedInputStream buffered) throws IOException {
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == GZIP_MAGIC_FIRST && second == GZIP_MAGIC_SECOND;
    }

    /** Tells a listener how many bytes pass. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer listener;

        Counting(InputStream in, LongConsumer listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                listener.accept(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                listener.accept(n);
            }
            return n;
        }
    }

    /**
     * Gzip decompression that does not claim bytes are available. {@code GZIPInputStream} always answers 1, which
     * makes a buffered reader above it keep reading within one call, and when a truncated file then fails, that call
     * throws away what it had already read: the error would surface before the data that precedes it.
     */
    private static final class Gunzip extends GZIPInputStream {
        Gunzip(InputStream in) throws IOException {
            super(in, BUFFER_SIZE);
        }

        @Override
        public int available() {
            return 0;
        }
    }

    /** An I/O error as a short phrase: the JDK's message, or the exception's name when it has none. */
    static String describe(IOException error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
