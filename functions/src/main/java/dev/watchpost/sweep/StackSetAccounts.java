package dev.watchpost.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CallAs;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceDetailedStatus;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceStatus;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;

/**
 * The member accounts of an organization, as the member-roles StackSet knows them: service-managed auto-deployment
 * puts a stack instance in every account of the target OUs, including accounts that join later, so reading the
 * instances ({@code ListStackInstances}, every page, with the {@code CallAs} of the account the sweep runs in) at each
 * sweep finds a new account without the Organizations API. An account counts only when its member role is there:
 * an instance with status {@code CURRENT} (the last operation on it succeeded). {@code OUTDATED} (being created,
 * updated, or failed) and {@code INOPERABLE} (a failed delete) mean the role may be missing or stale; such an account
 * is returned with its status so the sweep can say it was not swept. An account whose every instance was skipped
 * because the account is suspended (detailed status {@code SKIPPED_SUSPENDED_ACCOUNT}: a closed account, which nothing
 * can act in) is returned apart, so that sweeps list it without counting a problem at every run. Reads only; a
 * failure propagates as the SDK's exception. Thread-safe if the client is.
 */
public final class StackSetAccounts {
    /** The most {@code ListStackInstances} returns in a page. */
    public static final int MAX_PAGE = 100;

    private final CloudFormationClient cloudFormation;
    private final String stackSet;
    private final CallAs callAs;

    /**
     * What the StackSet says of its accounts.
     *
     * @param deployed    accounts whose member role stack is {@code CURRENT}, in ascending order
     * @param notDeployed the other accounts, but suspended ones → their instance status, e.g. {@code OUTDATED (FAILED)}
     * @param suspended   accounts whose every instance was skipped because the account is suspended, ascending
     */
    public record Listing(List<String> deployed, Map<String, String> notDeployed, List<String> suspended) {
        public Listing {
            deployed = List.copyOf(deployed);
            notDeployed = Map.copyOf(notDeployed);
            suspended = List.copyOf(suspended);
        }
    }

    public StackSetAccounts(CloudFormationClient cloudFormation, String stackSet, CallAs callAs) {
        this.cloudFormation = Objects.requireNonNull(cloudFormation, "cloudFormation");
        this.stackSet = Objects.requireNonNull(stackSet, "stackSet");
        this.callAs = Objects.requireNonNull(callAs, "callAs");
    }

    /** The StackSet's name and how it is asked, for messages. */
    public String describe() {
        return "StackSet " + stackSet + " (CallAs " + callAs + ")";
    }

    /** Reads every page of the StackSet's instances. */
    public Listing list() {
        Map<String, List<String>> statuses = new TreeMap<>();
        Map<String, Boolean> current = new TreeMap<>();
        Map<String, Boolean> skippedAsSuspended = new TreeMap<>();
        for (StackInstanceSummary instance : cloudFormation.listStackInstancesPaginator(r -> r
                .stackSetName(stackSet).callAs(callAs).maxResults(MAX_PAGE)).summaries()) {
            String account = instance.account();
            if (account == null || account.isEmpty()) {
                continue;
            }
            boolean deployed = instance.status() == StackInstanceStatus.CURRENT;
            current.merge(account, deployed, Boolean::logicalOr);
            skippedAsSuspended.merge(account, isSkippedAsSuspended(instance), Boolean::logicalAnd);
            statuses.computeIfAbsent(account, a -> new ArrayList<>()).add(status(instance));
        }
        List<String> deployed = new ArrayList<>();
        Map<String, String> notDeployed = new LinkedHashMap<>();
        List<String> suspended = new ArrayList<>();
        current.forEach((account, isCurrent) -> {
            if (isCurrent) {
                deployed.add(account);
            } else if (skippedAsSuspended.get(account)) {
                suspended.add(account);
            } else {
                notDeployed.put(account, String.join(", ", statuses.get(account)));
            }
        });
        return new Listing(deployed, notDeployed, suspended);
    }

    private static boolean isSkippedAsSuspended(StackInstanceSummary instance) {
        return instance.stackInstanceStatus() != null && instance.stackInstanceStatus().detailedStatus()
                == StackInstanceDetailedStatus.SKIPPED_SUSPENDED_ACCOUNT;
    }

    /** {@code OUTDATED (FAILED)}: the status, with the detailed status when CloudFormation gives one. */
    private static String status(StackInstanceSummary instance) {
        String status = instance.statusAsString() == null ? "UNKNOWN" : instance.statusAsString();
        String detailed = instance.stackInstanceStatus() == null ? null
                : instance.stackInstanceStatus().detailedStatusAsString();
        return detailed == null || detailed.isEmpty() ? status : status + " (" + detailed + ")";
    }
}
