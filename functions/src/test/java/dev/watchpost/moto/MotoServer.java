package dev.watchpost.moto;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * moto, the AWS emulator, as a real server on a free loopback port for one test class: started from the test, stopped
 * by {@link #close}. Several accounts are one server (credentials from {@code sts:AssumeRole} on
 * {@code arn:aws:iam::ACCOUNT:role/NAME} act in ACCOUNT). When moto cannot be found or does not answer, {@link #start}
 * throws an error that says why: a test that needs it fails, it is never skipped quietly. moto does not enforce IAM
 * policies or trust policies. Not thread-safe; one per test class.
 */
public final class MotoServer implements AutoCloseable {
    /** The account moto's own static credentials act in. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final URI uri;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MotoServer(Process process, URI uri, Path log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    /** Starts moto on a free loopback port and waits until it answers. */
    public static MotoServer start() {
        Path executable = executable().orElseThrow(() -> new IllegalStateException("moto_server was not found: "
                + "looked on the PATH and in ~/.pyenv/versions/3.11*/bin; install it with "
                + "`pip install 'moto[server]==5.*'` in Python 3.11"));
        int port = freePort();
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-", ".log");
            process = new ProcessBuilder(executable.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("moto_server (" + executable + ") could not be started: " + e, e);
        }
        MotoServer server = new MotoServer(process, URI.create("http://127.0.0.1:" + port), log);
        server.awaitReady(executable);
        return server;
    }

    /** The endpoint every SDK client of a test points at. */
    public URI uri() {
        return uri;
    }

    /** Forgets every resource of every account, so each test starts from nothing. */
    public void reset() {
        HttpRequest request = HttpRequest.newBuilder(uri.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("moto reset answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("moto reset failed: " + e + "\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while resetting moto", e);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A temporary file left behind is harmless.
        }
    }

    private void awaitReady(Path executable) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(uri.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server (" + executable + ") exited with " + process.exitValue()
                        + " before answering on " + uri + ":\n" + logTail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for moto", e);
            }
        }
        close();
        throw new IllegalStateException("moto_server (" + executable + ") did not answer on " + uri + " within "
                + STARTUP.toSeconds() + " s:\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** {@code moto_server} on the PATH, else in pyenv's Python 3.11. */
    static Optional<Path> executable() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "moto_server"));
                }
            }
        }
        Path versions = Path.of(System.getProperty("user.home"), ".pyenv", "versions");
        if (Files.isDirectory(versions)) {
            try (DirectoryStream<Path> pythons = Files.newDirectoryStream(versions, "3.11*")) {
                pythons.forEach(python -> candidates.add(python.resolve("bin").resolve("moto_server")));
            } catch (IOException e) {
                // No pyenv Pythons to look in.
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for moto: " + e, e);
        }
    }
}
