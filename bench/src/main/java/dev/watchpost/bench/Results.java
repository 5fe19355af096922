package dev.watchpost.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The rows every harness adds to the one table {@code bench/run} prints: area, case, figure, spread, memory, notes,
 * tab-separated, one file per harness in the results folder. {@link #main} prints them all as an aligned table, in
 * the files' name order. Stateless.
 */
public final class Results {
    private static final String[] HEADER = {"area", "case", "figure", "spread", "memory", "notes"};

    private Results() {}

    /** Appends one row to {@code file}. */
    public static void add(Path file, String area, String what, String figure, String spread, String memory,
                           String notes) {
        String row = String.join("\t", clean(area), clean(what), clean(figure), clean(spread), clean(memory),
                clean(notes)) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Prints every {@code *.tsv} in the folder given as one table. */
    public static void main(String[] args) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        try (Stream<Path> files = Files.list(Path.of(args[0]))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        rows.add(line.split("\t", -1));
                    }
                }
            }
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            out.append('|');
            for (int i = 0; i < widths.length; i++) {
                String cell = i < row.length ? row[i] : "";
                out.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int width : widths) {
                    out.append("-".repeat(width + 2)).append('|');
                }
                out.append('\n');
            }
        }
        System.out.print(out);
    }

    private static String clean(String cell) {
        return cell == null ? "" : cell.replace('\t', ' ').replace('\n', ' ').replace("|", "\\|");
    }
}
