package dev.watchpost.detect;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a detection is and which CloudTrail events it needs. Infra builds EventBridge rule patterns from
 * {@link #eventSources()} and {@link #eventNames()}, so these are the single source of routing truth.
 *
 * @param id           public, stable id such as {@code network.sg-admin-port-open}
 * @param family       the function that runs it
 * @param title        one line for people
 * @param severity     default severity (a finding may raise or lower it)
 * @param eventSources CloudTrail {@code eventSource} values, e.g. {@code ec2.amazonaws.com}
 * @param eventNames   CloudTrail {@code eventName} values
 * @param triage       the first steps an on-call person should take, in order
 * @param readOnlyEventNames those of {@code eventNames} that are read-only calls, which EventBridge delivers only to
 *                     a rule enabled for all CloudTrail management events (infra derives the rule's state from it)
 */
public record DetectionInfo(String id, Family family, String title, Severity severity, Set<String> eventSources,
                            Set<String> eventNames, List<String> triage, Set<String> readOnlyEventNames) {
    /** A detection of write calls only, as most are. */
    public DetectionInfo(String id, Family family, String title, Severity severity, Set<String> eventSources,
                         Set<String> eventNames, List<String> triage) {
        this(id, family, title, severity, eventSources, eventNames, triage, Set.of());
    }

    public DetectionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        eventSources = Set.copyOf(eventSources);
        eventNames = Set.copyOf(eventNames);
        triage = List.copyOf(triage);
        readOnlyEventNames = Set.copyOf(readOnlyEventNames);
        if (!id.startsWith(family.id() + ".")) {
            throw new IllegalArgumentException("detection id " + id + " must start with its family, " + family.id() + ".");
        }
        if (eventSources.isEmpty()) {
            throw new IllegalArgumentException("detection " + id + " names no event source");
        }
        if (eventNames.isEmpty()) {
            throw new IllegalArgumentException("detection " + id + " names no event name");
        }
        if (!eventNames.containsAll(readOnlyEventNames)) {
            throw new IllegalArgumentException("detection " + id + " calls read-only an event it does not watch");
        }
    }
}
