package dev.watchpost.detect.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchpost.detect.Detection;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Family;
import dev.watchpost.detect.Finding;
import dev.watchpost.detect.FindingBuilder;
import dev.watchpost.detect.Resource;
import dev.watchpost.detect.Severity;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A trail's event selectors no longer record write management events — the events every detector here runs on.
 *
 * <p>Why it matters: it blinds CloudTrail-based detection as surely as {@code StopLogging}, more quietly
 * (T1562.008). Public rules check only {@code includeManagementEvents}; this also catches {@code readWriteType}
 * {@code ReadOnly}, advanced selectors that select no management writes, and exclusions. HIGH when no selector
 * records write management events; MEDIUM when they are recorded but only with some event sources excluded.
 *
 * <p>Triage: restore the selectors from your infrastructure code; look for activity the trail stopped recording.
 */
public final class ManagementEventsDropped implements Detection {
    public static final String ID = "audit.management-events-dropped";

    private static final DetectionInfo INFO = new DetectionInfo(ID, Family.AUDIT,
            "CloudTrail stopped recording management events", Severity.HIGH,
            Set.of(AuditSources.CLOUDTRAIL), Set.of("PutEventSelectors"),
            List.of("Restore the trail's event selectors from your infrastructure code.",
                    "Review what the principal did while management events were not recorded."));

    /** What a set of selectors records of write management events. */
    private record Coverage(boolean recordsWrites, Set<String> excludedSources) {}

    @Override
    public DetectionInfo info() {
        return INFO;
    }

    @Override
    public List<Finding> evaluate(CloudTrailEvent event) {
        if (!event.succeeded()) {
            return List.of();
        }
        JsonNode request = event.requestParameters();
        Optional<Coverage> coverage = coverage(request);
        if (coverage.isEmpty() || (coverage.get().recordsWrites() && coverage.get().excludedSources().isEmpty())) {
            return List.of();
        }
        String trail = Json.text(request, "trailName");
        boolean dropped = !coverage.get().recordsWrites();
        return FindingBuilder.of(INFO, event)
                .severity(dropped ? Severity.HIGH : Severity.MEDIUM)
                .title((dropped ? "Write management events no longer recorded by " : "Management event sources excluded on ")
                        + (trail.isEmpty() ? "a trail" : AuditSources.trailName(trail)))
                .resource(Resource.TRAIL, trail)
                .context("trail", trail)
                .context("excludedSources", String.join(", ", coverage.get().excludedSources()))
                .buildList();
    }

    /**
     * Whether a trail with these selectors (a {@code PutEventSelectors} request's {@code eventSelectors} or
     * {@code advancedEventSelectors}) records write management events, excluded sources aside; a trail without
     * selectors records them, as CloudTrail's default does.
     */
    public static boolean recordsWriteManagementEvents(JsonNode selectors) {
        return coverage(selectors).map(Coverage::recordsWrites).orElse(true);
    }

    private static Optional<Coverage> coverage(JsonNode request) {
        return !Json.path(request, "advancedEventSelectors").isMissingNode()
                ? Optional.of(advanced(Json.items(request.path("advancedEventSelectors"))))
                : !Json.path(request, "eventSelectors").isMissingNode()
                        ? Optional.of(basic(Json.items(request.path("eventSelectors"))))
                        : Optional.empty();
    }

    /** Basic selectors: a selector records writes unless it excludes management events or is read-only. */
    private static Coverage basic(List<JsonNode> selectors) {
        boolean fullWrites = false;
        boolean anyWrites = false;
        Set<String> excluded = new LinkedHashSet<>();
        for (JsonNode selector : selectors) {
            boolean include = Json.bool(selector.path("includeManagementEvents")).orElse(true);
            String readWrite = Json.text(selector, "readWriteType");
            boolean writes = include && !readWrite.equalsIgnoreCase("ReadOnly");
            if (!writes) {
                continue;
            }
            List<String> exclusions = Json.strings(selector.path("excludeManagementEventSources"));
            anyWrites = true;
            if (exclusions.isEmpty()) {
                fullWrites = true;
            }
            excluded.addAll(exclusions);
        }
        return new Coverage(anyWrites, fullWrites ? Set.of() : excluded);
    }

    /**
     * Advanced selectors: one records management writes when it selects {@code eventCategory} Management and does not
     * restrict {@code readOnly} to true; {@code eventSource} {@code notEquals} values are exclusions.
     */
    private static Coverage advanced(List<JsonNode> selectors) {
        boolean fullWrites = false;
        boolean anyWrites = false;
        Set<String> excluded = new LinkedHashSet<>();
        for (JsonNode selector : selectors) {
            boolean management = false;
            boolean readsOnly = false;
            List<String> exclusions = new ArrayList<>();
            for (JsonNode field : Json.items(Json.anyOf(selector, "fieldSelectors", "FieldSelectors"))) {
                String name = Json.text(Json.anyOf(field, "field", "Field")).toLowerCase(Locale.ROOT);
                List<String> equals = Json.strings(Json.anyOf(field, "equals", "Equals"));
                List<String> notEquals = Json.strings(Json.anyOf(field, "notEquals", "NotEquals"));
                switch (name) {
                    case "eventcategory" -> management |= equals.stream().anyMatch("Management"::equalsIgnoreCase);
                    case "readonly" -> readsOnly |= equals.stream().anyMatch("true"::equalsIgnoreCase)
                            || notEquals.stream().anyMatch("false"::equalsIgnoreCase);
                    case "eventsource" -> exclusions.addAll(notEquals);
                    default -> { }
                }
            }
            if (!management || readsOnly) {
                continue;
            }
            anyWrites = true;
            if (exclusions.isEmpty()) {
                fullWrites = true;
            }
            excluded.addAll(exclusions);
        }
        return new Coverage(anyWrites, fullWrites ? Set.of() : excluded);
    }
}
