package dev.watchpost.alert;

import dev.watchpost.detect.DetectionCatalog;
import dev.watchpost.detect.DetectionInfo;
import dev.watchpost.detect.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.Partition;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;

/**
 * The alert as a Security Hub finding in the AWS Security Finding Format, for {@code BatchImportFindings} into the
 * importing account's default product
 * ({@code arn:<partition>:securityhub:<region>:<account>:product/<account>/default}, the account and region whose
 * credentials and endpoint make the call: in an organization deployment the central account, not the member account
 * of the event, which stays {@code AwsAccountId} and is named in every resource). The
 * {@code Id} is detection id + "/" + event id, so a retried event updates its finding instead of adding one; when
 * Watchpost applied the fix the workflow status is {@code RESOLVED}, otherwise {@code NEW} (Security Hub honours this
 * on the first import; afterwards the workflow belongs to people). Every length is cut to ASFF's limits. Text is plain:
 * the Security Hub console renders no markup. Pure and thread-safe.
 */
public final class AsffFinding {
    public static final String SCHEMA_VERSION = "2018-10-08";
    public static final String PRODUCT_NAME = "Watchpost";
    /** ASFF limits. */
    public static final int MAX_ID = 512;
    public static final int MAX_TITLE = 256;
    public static final int MAX_DESCRIPTION = 1024;
    public static final int MAX_RECOMMENDATION = 512;
    public static final int MAX_RESOURCES = 32;
    public static final int MAX_PRODUCT_FIELDS = 50;
    public static final int MAX_PRODUCT_FIELD_KEY = 128;
    public static final int MAX_PRODUCT_FIELD_VALUE = 2048;
    /** Prefix of Watchpost's keys in {@code ProductFields}. */
    public static final String FIELD_PREFIX = "watchpost/";

    /**
     * The type of a finding whose detection this build does not know (a document from another version): the widest
     * class of the taxonomy, since nothing more is known.
     */
    static final String UNKNOWN_DETECTION_TYPE = "Software and Configuration Checks/AWS Security Best Practices";

    private AsffFinding() {}

    /** The finding as imported by the event's own account in the event's own region. */
    public static AwsSecurityFinding of(AlertFacts facts) {
        return of(facts, "", "");
    }

    /**
     * The finding for import by {@code importAccount} through a Security Hub endpoint in {@code importRegion}; each
     * "" means the event's own.
     */
    public static AwsSecurityFinding of(AlertFacts facts, String importRegion, String importAccount) {
        String account = facts.account();
        String region = importRegion.isEmpty() ? facts.region() : importRegion;
        String importer = importAccount.isEmpty() ? account : importAccount;
        String partition = ConsoleLinks.partition(region);
        String observed = facts.eventInstant().map(Instant::toString).orElse(facts.eventTime());
        String handled = facts.handledAt().map(Instant::toString).orElse(observed);
        AwsSecurityFinding.Builder finding = AwsSecurityFinding.builder()
                .schemaVersion(SCHEMA_VERSION)
                .id(Sanitize.text(facts.dedupKey(), MAX_ID))
                .productArn("arn:" + partition + ":securityhub:" + region + ":" + importer + ":product/"
                        + importer + "/default")
                .productName(PRODUCT_NAME)
                .companyName(PRODUCT_NAME)
                .generatorId(facts.detection())
                .awsAccountId(account)
                .region(facts.region())
                .types(types(facts.detection()))
                .firstObservedAt(observed)
                .lastObservedAt(observed)
                .createdAt(handled)
                .updatedAt(handled)
                .severity(severity -> severity.label(SeverityLabel.fromValue(facts.severity().name()))
                        .original(facts.severity().name()))
                .title(Sanitize.text(facts.title(), MAX_TITLE))
                .description(Sanitize.text(description(facts), MAX_DESCRIPTION))
                .remediation(remediation -> remediation.recommendation(recommendation -> recommendation
                        .text(Sanitize.text(recommendation(facts), MAX_RECOMMENDATION))))
                .resources(resources(facts, partition))
                .workflow(workflow -> workflow.status(facts.response()
                        .filter(r -> r.status() == AlertFacts.Status.APPLIED).isPresent()
                        ? WorkflowStatus.RESOLVED : WorkflowStatus.NEW))
                .recordState(RecordState.ACTIVE)
                .productFields(productFields(facts));
        ConsoleLinks.cloudTrailEvent(facts.region(), facts.eventId()).ifPresent(finding::sourceUrl);
        return finding.build();
    }

    /** The ASFF JSON document {@code BatchImportFindings} takes: what {@code scan --format asff} should print. */
    public static String json(AlertFacts facts) {
        return SdkJson.of(of(facts)).toString();
    }

    /** The detection's ASFF types, from the catalog ({@link DetectionInfo#asffTypes()}). */
    static List<String> types(String detection) {
        return DetectionCatalog.shipped().find(detection).map(DetectionInfo::asffTypes)
                .orElse(List.of(UNKNOWN_DETECTION_TYPE));
    }

    private static String description(AlertFacts facts) {
        StringBuilder text = new StringBuilder();
        text.append(facts.principal().displayName()).append(" (")
                .append(facts.principal().type().isEmpty() ? "unknown type" : facts.principal().type())
                .append(", MFA ").append(facts.principal().mfa() ? "yes" : "no").append(") called ")
                .append(orUnknown(facts.eventName())).append(" from ").append(orUnknown(facts.sourceIp()))
                .append(" using ").append(orUnknown(facts.userAgent())).append(" at ")
                .append(orUnknown(facts.eventTime())).append(". ");
        text.append("Watchpost: ").append(facts.response().map(AlertFacts.Response::summary)
                .orElse("alert only (no automatic remediation)")).append('.');
        facts.context().forEach((key, value) -> text.append(' ').append(key).append(": ").append(value).append(';'));
        return text.toString();
    }

    private static String recommendation(AlertFacts facts) {
        String done = facts.response().map(r -> switch (r.status()) {
            case APPLIED -> "Watchpost has already applied: " + r.description() + ". If the change was legitimate, "
                    + "undo it in " + Where.of(facts).words() + " with the command in ProductFields "
                    + "watchpost/undoCommand. ";
            case PLANNED -> "Watchpost would: " + r.description() + " (" + r.mode() + "; not applied"
                    + (r.detail().isEmpty() ? "" : ": " + r.detail()) + "). ";
            case SKIPPED -> "Watchpost skipped its fix: " + r.detail() + ". ";
            case FAILED -> "Watchpost's fix failed (" + r.detail() + "): " + r.description() + ". ";
        }).orElse("");
        List<String> steps = facts.triage();
        StringBuilder text = new StringBuilder(done).append("Triage: ");
        for (int i = 0; i < steps.size(); i++) {
            text.append(i + 1).append(". ").append(steps.get(i)).append(' ');
        }
        return steps.isEmpty() ? done.isEmpty() ? "Review the CloudTrail event and who made the call." : done.strip()
                : text.toString().strip();
    }

    private static List<software.amazon.awssdk.services.securityhub.model.Resource> resources(AlertFacts facts,
                                                                                               String partition) {
        List<software.amazon.awssdk.services.securityhub.model.Resource> out = new ArrayList<>();
        for (Resource resource : facts.resources()) {
            if (out.size() == MAX_RESOURCES) {
                break;
            }
            AsffResource asff = AsffResource.of(resource, partition, facts.region(), facts.account());
            out.add(software.amazon.awssdk.services.securityhub.model.Resource.builder()
                    .type(asff.type())
                    .id(Sanitize.text(asff.id(), MAX_ID))
                    .partition(Partition.fromValue(partition))
                    .region(facts.region())
                    .details(details -> details.other(Map.of("watchpostType", Sanitize.text(resource.type(), 128),
                            "watchpostId", Sanitize.text(resource.id(), 1000))))
                    .build());
        }
        if (out.isEmpty()) {
            out.add(software.amazon.awssdk.services.securityhub.model.Resource.builder()
                    .type(AsffResource.ACCOUNT).id("AWS::::Account:" + facts.account())
                    .partition(Partition.fromValue(partition)).region(facts.region()).build());
        }
        return out;
    }

    private static Map<String, String> productFields(AlertFacts facts) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("detection", facts.detection());
        fields.put("family", facts.family());
        fields.put("eventId", facts.eventId());
        fields.put("eventName", facts.eventName());
        fields.put("eventSource", facts.eventSource());
        fields.put("eventTime", facts.eventTime());
        fields.put("principal", facts.principal().displayName());
        fields.put("principalType", facts.principal().type());
        fields.put("mfa", String.valueOf(facts.principal().mfa()));
        fields.put("sourceIp", facts.sourceIp());
        fields.put("userAgent", facts.userAgent());
        fields.put("outcome", facts.outcomeKeyword());
        facts.response().ifPresent(r -> {
            fields.put("outcomeSummary", r.summary());
            fields.put("action", r.action());
            fields.put("mode", r.mode());
            fields.put("undoCommand", r.undoCommand());
        });
        facts.delay().ifPresent(delay -> fields.put("delaySeconds", String.valueOf(delay.toSeconds())));
        facts.context().forEach((key, value) -> fields.put("context/" + key, value));
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (out.size() == MAX_PRODUCT_FIELDS) {
                break;
            }
            String value = Sanitize.text(field.getValue(), MAX_PRODUCT_FIELD_VALUE);
            if (!value.isBlank()) {
                out.put(Sanitize.text(FIELD_PREFIX + field.getKey(), MAX_PRODUCT_FIELD_KEY), value);
            }
        }
        return out;
    }

    private static String orUnknown(String value) {
        return Optional.of(value).filter(v -> !v.isEmpty()).orElse("unknown");
    }
}
