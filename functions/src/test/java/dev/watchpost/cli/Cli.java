package dev.watchpost.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@link Main#run} in-process with captured streams, for tests. */
final class Cli {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Cli() {}

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(List.of(args), outStream, errStream, env, false);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * What one run did.
     *
     * @param status the exit status
     * @param out    everything printed on stdout
     * @param err    everything printed on stderr
     */
    record Result(int status, String out, String err) {
        /** Stdout as JSON Lines (for {@code --format json}). */
        List<JsonNode> findings() {
            List<JsonNode> documents = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (!line.isBlank()) {
                    try {
                        documents.add(MAPPER.readTree(line));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException("stdout line is not JSON: " + line, e);
                    }
                }
            }
            return documents;
        }

        /** The last line on stderr: the summary. */
        String summary() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }

        /** Stderr without the summary line: the problems and notes. */
        List<String> problems() {
            List<String> lines = new ArrayList<>(List.of(err.strip().split("\n")));
            lines.removeLast();
            return lines;
        }
    }
}
