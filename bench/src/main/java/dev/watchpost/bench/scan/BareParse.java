package dev.watchpost.bench.scan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The reference for {@code scan}'s throughput: the least work this design can do, a Jackson streaming parse of every
 * CloudTrail log file with one tree per record (and nothing else), files spread over {@code --threads} threads as
 * scan spreads them, gzip inflated inline. Prints {@code records=N bytes=N} (bytes after inflation) so the runner can
 * check it read what scan read.
 *
 * <p>With {@code --skim}, no tree at all: each record's top-level keys are read, its {@code eventName} taken as a
 * string and every other value skipped; the least any reader can do that must find each record's event name and check
 * its JSON, and so the limit of a scan that builds only the records a detection watches.
 *
 * <p>Usage: {@code BareParse [--threads N] [--strict | --skim] DIR...}: the files of every DIR, as {@code scan PATH...}
 * reads them.
 */
public final class BareParse {
    /** Plain Jackson; {@code --strict} uses Watchpost's mapper (duplicate-key detection, nesting limit) instead. */
    private static ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final int BUFFER = 1 << 16;
    private static boolean skim;
    /** Characters of event names read by {@code --skim}; racy across threads, printed only so the names are used. */
    private static long names;

    private BareParse() {}

    public static void main(String[] args) throws Exception {
        int threads = 1;
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--skim")) {
                skim = true;
            } else if (args[i].equals("--strict")) {
                MAPPER = dev.watchpost.event.CloudTrailEvent.mapper();
            } else {
                roots.add(Path.of(args[i]));
            }
        }
        if (roots.isEmpty()) {
            throw new IllegalArgumentException(
                    "usage: BareParse [--threads N] [--strict | --skim] DIR...: no DIR given");
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".properties"))
                        .sorted().forEach(files::add);
            }
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong fields = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int index = next.getAndIncrement(); index < files.size(); index = next.getAndIncrement()) {
                        parse(files.get(index), records, bytes, fields);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        System.out.println("records=" + records + " bytes=" + bytes + " fields=" + fields
                + (skim ? " nameChars=" + names : ""));
    }

    private static void parse(Path file, AtomicLong records, AtomicLong bytes, AtomicLong fields) {
        long count = 0;
        long width = 0;
        try (Counting in = new Counting(open(file)); JsonParser parser = MAPPER.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                JsonToken value = parser.nextToken();
                if (parser.currentName().equals("Records") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        width += skim ? skim(parser) : MAPPER.readTree(parser).size();
                        count++;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            bytes.addAndGet(in.count);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        records.addAndGet(count);
        fields.addAndGet(width);
    }

    /** Reads one record's keys, its event name as a string, and skips the rest; returns the number of keys. */
    private static int skim(JsonParser parser) throws IOException {
        int keys = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            keys++;
            if (parser.nextToken() == JsonToken.VALUE_STRING && parser.currentName().equals("eventName")) {
                names += parser.getText().length(); // used, so the JIT cannot drop it
            }
            parser.skipChildren();
        }
        return keys;
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip ? new GZIPInputStream(in, BUFFER) : in;
    }

    /** Counts the bytes the parser reads. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
