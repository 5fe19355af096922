package dev.watchpost.bench.cold;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.watchpost.bench.cold.crac.Core;
import dev.watchpost.handler.AccessEventsHandler;
import dev.watchpost.handler.AuditEventsHandler;
import dev.watchpost.handler.HardeningEventsHandler;
import dev.watchpost.handler.NetworkEventsHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, in a fresh JVM: constructs a family's handler as Lambda does (no-arg constructor, configuration and
 * SDK clients from the environment, which {@link ColdStart} points at its loopback stub), optionally runs the SnapStart
 * hooks (with {@code -Dorg.crac.Core.Compat=dev.watchpost.bench.cold.crac}), handles one event and prints one
 * {@code COLD} line: milliseconds in the constructor, in the hooks and in the first event, and peak RSS.
 *
 * <p>Usage: {@code ColdStartProbe FAMILY EVENT_FILE [--checkpoint]}
 */
public final class ColdStartProbe {
    private ColdStartProbe() {}

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        boolean checkpoint = args.length > 2 && args[2].equals("--checkpoint");
        long started = System.nanoTime();
        RequestStreamHandler handler = switch (args[0]) {
            case "network" -> new NetworkEventsHandler();
            case "access" -> new AccessEventsHandler();
            case "hardening" -> new HardeningEventsHandler();
            case "audit" -> new AuditEventsHandler();
            default -> throw new IllegalArgumentException("unknown family " + args[0]);
        };
        long constructed = System.nanoTime();
        if (checkpoint) {
            if (Core.registered() == 0) {
                throw new IllegalStateException("no resource registered: run with "
                        + "-Dorg.crac.Core.Compat=dev.watchpost.bench.cold.crac");
            }
            Core.checkpointRestore();
        }
        long restored = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new ProbeContext());
        long handled = System.nanoTime();
        System.out.println("COLD init_ms=" + millis(constructed - started) + " checkpoint_ms="
                + millis(restored - constructed) + " event_ms=" + millis(handled - restored) + " rss_kb="
                + peakRssKb() + " result=" + out.toString(StandardCharsets.UTF_8));
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** VmHWM from /proc/self/status: the process's peak resident set so far, in KB (-1 where there is no /proc). */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The invocation context Lambda would pass; logs go to stdout, as in Lambda. */
    private static final class ProbeContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "c0ffee00-0000-4000-8000-000000000001";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/watchpost-network";
        }

        @Override
        public String getLogStreamName() {
            return "2026/11/23/[1]probe";
        }

        @Override
        public String getFunctionName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "watchpost-network");
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:" + getFunctionName() + ":live";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.out.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.out.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
