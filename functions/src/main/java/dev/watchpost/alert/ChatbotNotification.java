package dev.watchpost.alert;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchpost.detect.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert as an AWS Chatbot (Amazon Q Developer in chat applications) custom notification: {@code version} "1.0",
 * {@code source} "custom", {@code content} with title, description, next steps (the triage) and keywords, and
 * {@code metadata} whose {@code threadId} is account/region/resource, so repeated alerts about one security group
 * thread together. Chatbot renders {@code client-markdown} as the chat platform's markdown, so every value from the
 * event is escaped as for Slack, metadata included. The service documents no field lengths; the caps below keep the
 * rendered message inside Slack's own block limits. Pure and thread-safe.
 */
public final class ChatbotNotification {
    public static final String VERSION = "1.0";
    public static final String SOURCE = "custom";
    public static final String TEXT_TYPE = "client-markdown";
    /** Watchpost's caps (Chatbot renders the description into one Slack section: at most 3,000 characters). */
    public static final int MAX_TITLE = 250;
    public static final int MAX_DESCRIPTION = 3000;
    public static final int MAX_NEXT_STEPS = 10;
    public static final int MAX_NEXT_STEP = 500;
    public static final int MAX_KEYWORDS = 10;
    public static final int MAX_KEYWORD = 75;
    public static final int MAX_RELATED_RESOURCES = 10;
    public static final int MAX_SUMMARY = 250;
    public static final int MAX_CONTEXT_VALUE = 256;
    public static final int MAX_THREAD_ID = 256;

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ChatbotNotification() {}

    public static ObjectNode of(AlertFacts facts) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("source", SOURCE);
        root.put("id", Sanitize.slack(facts.dedupKey(), MAX_THREAD_ID));

        ObjectNode content = root.putObject("content");
        content.put("textType", TEXT_TYPE);
        content.put("title", Sanitize.cutEscaped(SlackMarkup.look(facts.severity()).emoji() + " ["
                + facts.severity() + "] " + Sanitize.slack(facts.title(), Integer.MAX_VALUE), MAX_TITLE, "…"));
        content.put("description", Sanitize.cutEscaped(description(facts), MAX_DESCRIPTION,
                Sanitize.TRUNCATION_MARKER));
        ArrayNode nextSteps = content.putArray("nextSteps");
        facts.triage().stream().limit(MAX_NEXT_STEPS)
                .forEach(step -> nextSteps.add(Sanitize.slack(step, MAX_NEXT_STEP)));
        ArrayNode keywords = content.putArray("keywords");
        List.of(facts.severity().name(), facts.detection(), facts.family(), facts.outcomeKeyword())
                .stream().filter(k -> !k.isEmpty()).limit(MAX_KEYWORDS)
                .forEach(keyword -> keywords.add(Sanitize.slack(keyword, MAX_KEYWORD)));

        ObjectNode metadata = root.putObject("metadata");
        metadata.put("threadId", threadId(facts));
        metadata.put("summary", SlackMarkup.summary(facts, MAX_SUMMARY));
        metadata.put("eventType", facts.detection());
        ArrayNode related = metadata.putArray("relatedResources");
        facts.resources().stream().limit(MAX_RELATED_RESOURCES)
                .forEach(resource -> related.add(Sanitize.slack(resource.id(), MAX_CONTEXT_VALUE)));
        ObjectNode additional = metadata.putObject("additionalContext");
        additionalContext(facts).forEach((key, value) -> {
            if (!value.isEmpty()) {
                additional.put(key, Sanitize.slack(value, MAX_CONTEXT_VALUE));
            }
        });
        return root;
    }

    public static String json(AlertFacts facts) {
        return of(facts).toString();
    }

    /** account/region/resource: one thread per resource, whatever detection fired on it. */
    static String threadId(AlertFacts facts) {
        String resource = facts.primaryResource().map(Resource::id).orElse(facts.detection());
        return Sanitize.slack(facts.account() + "/" + facts.region() + "/" + resource, MAX_THREAD_ID);
    }

    private static String description(AlertFacts facts) {
        StringBuilder text = new StringBuilder();
        text.append("*Where:* ").append(Sanitize.slack(Where.of(facts).words(), SlackMarkup.MAX_VALUE)).append('\n');
        text.append("*Resource:* ").append(SlackMarkup.resource(facts.resources())).append('\n');
        text.append("*Who:* ").append(SlackMarkup.principal(facts.principal())).append('\n');
        text.append("*From:* ").append(SlackMarkup.value(facts.sourceIp())).append(" using ")
                .append(SlackMarkup.value(facts.userAgent())).append('\n');
        text.append("*When:* ").append(SlackMarkup.time(facts)).append('\n');
        text.append("*Found by:* ").append(facts.originWords()).append('\n');
        text.append("*Watchpost:* ").append(SlackMarkup.response(facts.response()))
                .append(SlackMarkup.facts(facts.context())).append('\n');
        SlackMarkup.undo(facts, MAX_DESCRIPTION / 2).ifPresent(undo -> text.append(undo).append('\n'));
        List<String> links = SlackMarkup.links(facts);
        if (!links.isEmpty()) {
            text.append(String.join("  ·  ", links));
        }
        return text.toString().strip();
    }

    private static Map<String, String> additionalContext(AlertFacts facts) {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("severity", facts.severity().name());
        context.put("detection", facts.detection());
        context.put("origin", facts.origin());
        context.put("account", facts.account());
        context.put("region", facts.region());
        context.put("eventId", facts.eventId());
        context.put("eventName", facts.eventName());
        context.put("principal", facts.principal().displayName());
        context.put("sourceIp", facts.sourceIp());
        context.put("outcome", facts.outcomeKeyword());
        context.put("resource", facts.primaryResource().map(Resource::id).orElse(""));
        context.put("eventTime", facts.eventTime());
        return context;
    }
}
