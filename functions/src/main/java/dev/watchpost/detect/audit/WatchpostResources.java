package dev.watchpost.detect.audit;

import dev.watchpost.detect.DetectionParameters;

/**
 * Which resources are Watchpost's own, decided in one place for every detection that guards them; the names are also
 * what infra gives those resources. Everything Watchpost creates is named {@code <prefix>-…} (functions, rules, topic,
 * alarms, roles, dead-letter queues, schedules, the central bus's archive), except three things with a name of their
 * own shape: the central bus ({@code <prefix>}), the settings parameter ({@code /<prefix>/settings}) and the alert
 * key, whose name is its ARN (the stack passes it in) and whose alias is {@code alias/<prefix>-alerts}. A name is
 * compared as the caller wrote it, so a resource of someone else's that happens to start with the prefix counts as
 * Watchpost's (an alert too many, never one too few). Immutable and thread-safe.
 */
public final class WatchpostResources {
    private final String prefix;
    private final String alertKeyArn;

    public WatchpostResources(DetectionParameters parameters) {
        this.prefix = parameters.namePrefix();
        this.alertKeyArn = parameters.alertKeyArn();
    }

    /** {@code alias/<prefix>-alerts}: the alert key's alias. */
    public static String alertKeyAlias(String namePrefix) {
        return "alias/" + namePrefix + "-alerts";
    }

    /** {@code /<prefix>/settings}: the parameter holding the runtime settings. */
    public static String settingsParameter(String namePrefix) {
        return "/" + namePrefix + "/settings";
    }

    /** {@code <prefix>-member-roles}: the StackSet that rolls the member roles out. */
    public static String memberRolesStackSet(String namePrefix) {
        return namePrefix + "-member-roles";
    }

    /** {@code <prefix>-forwarder}: the StackSet that rolls the forwarding rules out. */
    public static String forwarderStackSet(String namePrefix) {
        return namePrefix + "-forwarder";
    }

    /** {@code <prefix>-<owner>-dead-letters}: the dead-letter queue of a function ({@code owner} e.g. a family id). */
    public static String deadLetterQueue(String namePrefix, String owner) {
        return namePrefix + "-" + owner + "-dead-letters";
    }

    /** {@code <prefix>-forwarded}: the archive of the central bus. */
    public static String centralArchive(String namePrefix) {
        return namePrefix + "-forwarded";
    }

    public String prefix() {
        return prefix;
    }

    /** True for {@code <prefix>-…} with something after the hyphen. */
    public boolean isNamed(String name) {
        return name.length() > prefix.length() + 1 && name.startsWith(prefix + "-");
    }

    /**
     * True when {@code keyRef} (a key id, key ARN, alias name or alias ARN, as KMS accepts in {@code keyId}) names the
     * alert key: its ARN or id, or an alias {@code alias/<prefix>-…}.
     */
    public boolean isAlertKey(String keyRef) {
        if (keyRef.isEmpty()) {
            return false;
        }
        if (keyRef.startsWith("alias/") || keyRef.contains(":alias/")) {
            return isOwnAlias(keyRef);
        }
        return !alertKeyArn.isEmpty() && (keyRef.equals(alertKeyArn) || keyRef.equals(keyId(alertKeyArn)));
    }

    /** True for an alias {@code alias/<prefix>-…}, given by name or ARN ({@code arn:aws:kms:…:alias/NAME}). */
    public boolean isOwnAlias(String aliasNameOrArn) {
        int at = aliasNameOrArn.indexOf("alias/");
        return at >= 0 && isNamed(aliasNameOrArn.substring(at + "alias/".length()));
    }

    /**
     * True for one of Watchpost's queues, given by URL ({@code https://sqs.<region>.amazonaws.com/<account>/NAME}) or
     * ARN ({@code arn:aws:sqs:<region>:<account>:NAME}).
     */
    public boolean isQueue(String urlOrArn) {
        int cut = Math.max(urlOrArn.lastIndexOf('/'), urlOrArn.startsWith("arn:") ? urlOrArn.lastIndexOf(':') : -1);
        return isNamed(urlOrArn.substring(cut + 1));
    }

    /** True for the central bus, {@code <prefix>}, given by name or ARN ({@code arn:aws:events:…:event-bus/NAME}). */
    public boolean isCentralBus(String nameOrArn) {
        return nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1).equals(prefix);
    }

    /** True for the settings parameter, by name or ARN ({@code arn:aws:ssm:…:parameter/<prefix>/settings}). */
    public boolean isSettingsParameter(String nameOrArn) {
        String name = nameOrArn;
        if (name.startsWith("arn:")) {
            int at = name.indexOf(":parameter/");
            name = at < 0 ? "" : name.substring(at + ":parameter".length());
        }
        return name.equals(settingsParameter(prefix));
    }

    /** True for one of Watchpost's StackSets, given by name or id ({@code NAME:uuid}). */
    public boolean isStackSet(String nameOrId) {
        int colon = nameOrId.indexOf(':');
        String name = colon < 0 ? nameOrId : nameOrId.substring(0, colon);
        return name.equals(memberRolesStackSet(prefix)) || name.equals(forwarderStackSet(prefix));
    }

    /** The key id of a key ARN ({@code arn:aws:kms:…:key/ID}). */
    private static String keyId(String keyArn) {
        return keyArn.substring(keyArn.lastIndexOf('/') + 1);
    }
}
