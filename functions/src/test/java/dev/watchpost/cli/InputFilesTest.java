package dev.watchpost.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void walksDirectoriesInPathOrder_keepingTheOrderOfThePathsGiven() throws IOException {
        Path b = touch("tree/b.json");
        Path a = touch("tree/a.json");
        Path nested = touch("tree/a/z.json.gz");
        Path single = touch("single.json");

        List<Path> files = InputFiles.expand(List.of(single, dir.resolve("tree")), (where, why) -> { });

        assertEquals(List.of(single, a, nested, b), files); // byte order of the whole path, as `LC_ALL=C sort`
    }

    @Test
    void leavesOutHiddenEntriesInsideDirectories_butReadsAHiddenFileNamedOnTheCommandLine() throws IOException {
        Path visible = touch("tree/trail.json");
        touch("tree/.DS_Store");
        touch("tree/.git/config");
        Path hidden = touch(".hidden.json");

        List<Path> files = InputFiles.expand(List.of(dir.resolve("tree"), hidden), (where, why) -> { });

        assertEquals(List.of(visible, hidden), files);
    }

    @Test
    void decompresses_whenTheBytesAreGzip() throws IOException {
        Path file = Files.write(dir.resolve("plain-name.json"), gzip("{\"a\": 1}"));

        assertEquals("{\"a\": 1}", readAll(file));
    }

    @Test
    void readsAsIs_whenAGzNameHoldsPlainText() throws IOException {
        Path file = Files.writeString(dir.resolve("mislabelled.json.gz"), "{\"a\": 1}");

        assertEquals("{\"a\": 1}", readAll(file));
    }

    @Test
    void reportsTheFirstMissingPath() throws IOException {
        Path present = touch("present.json");
        Path missing = dir.resolve("missing.json");

        UsageException error = assertThrows(UsageException.class,
                () -> InputFiles.requireExisting(List.of(present, missing, dir.resolve("other"))));

        assertEquals(missing + ": no such file or directory", error.getMessage());
    }

    @Test
    void reportsNothing_whenADirectoryIsEmpty() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        List<String> problems = new ArrayList<>();

        List<Path> files = InputFiles.expand(List.of(dir.resolve("empty")), (where, why) -> problems.add(where));

        assertEquals(List.of(), files);
        assertEquals(List.of(), problems);
    }

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}");
    }

    private static String readAll(Path file) throws IOException {
        try (InputStream in = InputFiles.open(file, bytes -> { })) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
