package dev.watchpost.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Successful answers to the AWS calls Watchpost makes, as each service writes them: one resource per service (its
 * signing name) and operation, {@code canned/<service>/<Operation>.xml} for the query protocols and {@code .json} for
 * the JSON ones. The SnapStart priming client, the wire tests and the cold-start benchmark's stub all answer from
 * them, so the three cannot drift apart. A body may hold placeholders {@code {name=default}}, which a caller fills
 * (e.g. a wire test's own group id) or leaves at the default. Stateless, so thread-safe.
 */
public final class CannedAnswers {
    private static final String ROOT = "/dev/watchpost/handler/canned/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)=([^{}]*)}");
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");

    /**
     * One answer.
     *
     * @param body the body, placeholders filled
     * @param xml  true for the query protocols' XML, false for JSON
     */
    public record Answer(String body, boolean xml) {}

    private CannedAnswers() {}

    /** The answer to {@code operation} of {@code service}, placeholders at their defaults; empty when none. */
    public static Optional<Answer> find(String service, String operation) {
        return find(service, operation, Map.of());
    }

    /** As above, with the placeholders named in {@code values} filled with them. */
    public static Optional<Answer> find(String service, String operation, Map<String, String> values) {
        if (!service.matches("[a-z0-9-]+") || !operation.matches("[A-Za-z0-9]+")) {
            return Optional.empty();
        }
        for (boolean xml : new boolean[] {true, false}) {
            String name = ROOT + service + "/" + operation + (xml ? ".xml" : ".json");
            try (InputStream in = CannedAnswers.class.getResourceAsStream(name)) {
                if (in != null) {
                    return Optional.of(new Answer(fill(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip(),
                            values, name), xml));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        }
        return Optional.empty();
    }

    /**
     * The service a signed request is for: the signing name in its {@code Authorization} header's credential scope
     * (whatever endpoint it is sent to); "unsigned" when there is none.
     */
    public static String service(String authorization) {
        Matcher scope = SCOPE.matcher(authorization);
        return scope.find() ? scope.group(1) : "unsigned";
    }

    /**
     * The operation a request calls: the last part of its JSON protocols' {@code X-Amz-Target} header, else the query
     * protocols' {@code Action} form field; "" when neither is there.
     */
    public static String operation(String target, String form) {
        if (!target.isEmpty()) {
            return target.substring(target.lastIndexOf('.') + 1);
        }
        for (String pair : form.split("&")) {
            if (pair.startsWith("Action=")) {
                return URLDecoder.decode(pair.substring("Action=".length()), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    /** The body of a canned answer, which must exist (tests and the benchmark name what they need). */
    public static String body(String service, String operation, Map<String, String> values) {
        return find(service, operation, values).orElseThrow(() -> new IllegalArgumentException(
                "no canned answer for " + service + " " + operation + " under " + ROOT)).body();
    }

    private static String fill(String template, Map<String, String> values, String name) {
        for (String key : values.keySet()) {
            if (!template.contains("{" + key + "=")) {
                throw new IllegalArgumentException(name + " has no placeholder " + key);
            }
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1),
                    matcher.group(2))));
        }
        return matcher.appendTail(out).toString();
    }
}
