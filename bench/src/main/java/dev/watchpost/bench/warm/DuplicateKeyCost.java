package dev.watchpost.bench.warm;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What rejecting duplicate keys costs per record, with the files already in memory so only parsing is timed: a tree
 * per record of every {@code .json} log file under DIR, six passes on one thread, for plain Jackson, the parser's
 * check ({@code STRICT_DUPLICATE_DETECTION}, a set of names per object) and the tree builder's
 * ({@code FAIL_ON_READING_DUP_TREE_KEY}, the object's own map), which Watchpost's mapper uses. Passes 4 to 6 are
 * the steady state.
 *
 * <p>Usage: {@code DuplicateKeyCost plain|parser|tree DIR} (run with a heap that holds DIR, e.g. {@code -Xmx4g})
 */
public final class DuplicateKeyCost {
    private DuplicateKeyCost() {}

    public static void main(String[] args) throws Exception {
        ObjectMapper mapper = switch (args[0]) {
            case "plain" -> JsonMapper.builder().build();
            case "parser" -> JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            case "tree" -> JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
            default -> throw new IllegalArgumentException("expected plain, parser or tree, got " + args[0]);
        };
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                files.add(Files.readAllBytes(file));
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= 6; pass++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long fields = 0;
            for (byte[] file : files) {
                try (JsonParser parser = mapper.createParser(file)) {
                    // {"Records": [ {...}, ... ]}
                    parser.nextToken();
                    parser.nextToken();
                    parser.nextToken();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        fields += mapper.readTree(parser).size();
                    }
                }
            }
            System.out.printf("%s pass %d: %.3f s CPU (%d top-level fields)%n", args[0], pass,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9, fields);
        }
    }
}
