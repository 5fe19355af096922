package dev.watchpost.detect;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a detection is and which CloudTrail events it needs, as {@code detect/catalog.json} states it
 * ({@link DetectionCatalog}). Infra builds EventBridge rule patterns from {@link #eventSources()} and
 * {@link #eventNames()}; Security Hub findings carry {@link #asffTypes()}; the docs catalog shows
 * {@link #techniques()}. Immutable.
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
 * @param asffTypes    Security Hub finding types, {@code Namespace/Category[/Classifier]} from the ASFF taxonomy
 * @param techniques   MITRE ATT&amp;CK technique ids, {@code T1234} or {@code T1234.001}
 */
public record DetectionInfo(String id, Family family, String title, Severity severity, Set<String> eventSources,
                            Set<String> eventNames, List<String> triage, Set<String> readOnlyEventNames,
                            List<String> asffTypes, List<String> techniques) {
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    /** The ASFF namespaces and the categories each allows. */
    private static final Map<String, Set<String>> ASFF_CATEGORIES = Map.of(
            "Software and Configuration Checks", Set.of("Vulnerabilities", "AWS Security Best Practices",
                    "Industry and Regulatory Standards"),
            "TTPs", Set.of("Initial Access", "Execution", "Persistence", "Privilege Escalation", "Defense Evasion",
                    "Credential Access", "Discovery", "Lateral Movement", "Collection", "Command and Control"),
            "Effects", Set.of("Data Exposure", "Data Exfiltration", "Data Destruction", "Denial of Service",
                    "Resource Consumption"),
            "Unusual Behaviors", Set.of("Application", "Network Flow", "IP address", "User", "VM", "Container",
                    "Serverless", "Process", "Database", "Data"),
            "Sensitive Data Identifications", Set.of("PII", "Passwords", "Legal", "Financial", "Security",
                    "Business"));

    public DetectionInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        eventSources = Set.copyOf(eventSources);
        eventNames = Set.copyOf(eventNames);
        triage = List.copyOf(triage);
        readOnlyEventNames = Set.copyOf(readOnlyEventNames);
        asffTypes = List.copyOf(asffTypes);
        techniques = List.copyOf(techniques);
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
        if (asffTypes.isEmpty()) {
            throw new IllegalArgumentException("detection " + id + " names no ASFF finding type");
        }
        asffTypes.forEach(type -> checkAsffType(id, type));
        if (techniques.isEmpty()) {
            throw new IllegalArgumentException("detection " + id + " names no ATT&CK technique");
        }
        for (String technique : techniques) {
            if (!TECHNIQUE.matcher(technique).matches()) {
                throw new IllegalArgumentException("detection " + id + ": ATT&CK technique \"" + technique
                        + "\" is not T#### or T####.###");
            }
        }
    }

    /** {@code Namespace/Category[/Classifier]}, with a namespace and a category of that namespace from ASFF. */
    private static void checkAsffType(String id, String type) {
        String[] parts = type.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || type.isBlank()) {
            throw new IllegalArgumentException("detection " + id + ": ASFF type \"" + type
                    + "\" is not Namespace/Category[/Classifier]");
        }
        Set<String> categories = ASFF_CATEGORIES.get(parts[0]);
        if (categories == null) {
            throw new IllegalArgumentException("detection " + id + ": ASFF type \"" + type + "\" has namespace \""
                    + parts[0] + "\", not one of " + ASFF_CATEGORIES.keySet());
        }
        if (!categories.contains(parts[1])) {
            throw new IllegalArgumentException("detection " + id + ": ASFF type \"" + type + "\" has category \""
                    + parts[1] + "\", not one of " + parts[0] + "'s " + categories);
        }
        if (parts.length == 3 && parts[2].isBlank()) {
            throw new IllegalArgumentException("detection " + id + ": ASFF type \"" + type
                    + "\" has an empty classifier");
        }
    }
}
