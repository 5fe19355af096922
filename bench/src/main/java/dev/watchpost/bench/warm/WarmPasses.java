package dev.watchpost.bench.warm;

import com.sun.management.OperatingSystemMXBean;
import dev.watchpost.bench.scan.BareParse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a scan's CPU into warm-up and steady state: runs {@code scan --format json} (or {@link BareParse}) over the
 * same files several times in one JVM and prints the process CPU of each pass. The first pass pays for class loading,
 * the JIT and its recompilations; later passes are what a record costs once compiled. Reaches the CLI through its
 * package-private {@code Main.run}, which returns an exit status instead of calling {@code System.exit}.
 *
 * <p>Usage: {@code WarmPasses PASSES scan|bare [--threads N] DIR}
 */
public final class WarmPasses {
    private WarmPasses() {}

    public static void main(String[] args) throws Exception {
        int passes = Integer.parseInt(args[0]);
        boolean scan = switch (args[1]) {
            case "scan" -> true;
            case "bare" -> false;
            default -> throw new IllegalArgumentException("expected scan or bare, got " + args[1]);
        };
        List<String> rest = List.of(args).subList(2, args.length);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Method run = null;
        if (scan) {
            run = Class.forName("dev.watchpost.cli.Main")
                    .getDeclaredMethod("run", List.class, PrintStream.class, PrintStream.class, Map.class,
                            boolean.class);
            run.setAccessible(true);
        }
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        PrintStream out = System.out;
        out.printf("%s: %.2f s CPU before the first pass%n", args[1], os.getProcessCpuTime() / 1e9);
        for (int pass = 1; pass <= passes; pass++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            if (run != null) {
                List<String> command = new ArrayList<>(List.of("scan", "--format", "json"));
                command.addAll(rest);
                int status = (int) run.invoke(null, command, discard, discard, System.getenv(), false);
                if (status != 0) {
                    throw new IllegalStateException("scan exited " + status);
                }
            } else {
                System.setOut(discard);
                try {
                    BareParse.main(rest.toArray(String[]::new));
                } finally {
                    System.setOut(out);
                }
            }
            out.printf("%s pass %d: %.2f s CPU, %.2f s wall%n", args[1], pass,
                    (os.getProcessCpuTime() - cpu) / 1e9, (System.nanoTime() - wall) / 1e9);
        }
    }
}
