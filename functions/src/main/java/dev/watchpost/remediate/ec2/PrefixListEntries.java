package dev.watchpost.remediate.ec2;

import dev.watchpost.detect.network.AdminPortExposure;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;

/**
 * What a managed prefix list holds now ({@code GetManagedPrefixListEntries}, every page), and which of its entries
 * count as the internet by the admin-port predicate ({@link AdminPortExposure#internetCidr}, compared as networks, so
 * {@code 198.51.100.7/0} and {@code 0:0:0:0:0:0:0:0/0} count). The revoke and the network sweep both read lists
 * through here. Immutable.
 *
 * @param listId     the {@code pl-} id
 * @param entries    every entry's CIDR as EC2 returned it
 * @param internet   the entries that count as the internet, in EC2's order
 * @param unreadable why EC2 would not return the entries, or empty when it did
 */
public record PrefixListEntries(String listId, List<String> entries, List<String> internet, String unreadable) {
    public PrefixListEntries {
        Objects.requireNonNull(listId, "listId");
        Objects.requireNonNull(unreadable, "unreadable");
        entries = List.copyOf(entries);
        internet = List.copyOf(internet);
    }

    /**
     * A list whose entries EC2 refused (for example a member role not yet granted the read): it may hold the
     * internet, so a sweep reports its rules rather than drop them, saying why it could not tell.
     */
    public static PrefixListEntries unreadable(String listId, Ec2Exception refusal) {
        return new PrefixListEntries(listId, List.of(), List.of(), Ec2Errors.describe(refusal));
    }

    /** Reads every page of the list's current entries. An {@code Ec2Exception} (e.g. the list is gone) propagates. */
    public static PrefixListEntries read(Ec2Client ec2, String listId, AdminPortExposure exposure) {
        List<String> cidrs = ec2.getManagedPrefixListEntriesPaginator(r -> r.prefixListId(listId)).entries().stream()
                .map(PrefixListEntry::cidr).filter(Objects::nonNull).toList();
        List<String> internet = cidrs.stream().filter(cidr -> exposure.internetCidr(cidr).isPresent()).toList();
        return new PrefixListEntries(listId, cidrs, internet, "");
    }

    public boolean holdsInternet() {
        return !internet.isEmpty();
    }

    /** Whether the list holds the internet or could not be read, so that it may. */
    public boolean mayHoldInternet() {
        return holdsInternet() || !unreadable.isEmpty();
    }

    /** "pl-… holds 0.0.0.0/0" or "pl-… holds only 10.0.0.0/8, 192.168.0.0/16" (or "no entries"), for people. */
    public String describe() {
        if (!unreadable.isEmpty()) {
            return listId + " could not be read (" + unreadable + ")";
        }
        if (holdsInternet()) {
            return listId + " holds " + String.join(", ", internet);
        }
        return listId + (entries.isEmpty() ? " holds no entries" : " holds only " + shortList(entries));
    }

    private static String shortList(List<String> cidrs) {
        int shown = Math.min(cidrs.size(), 5);
        String text = String.join(", ", cidrs.subList(0, shown));
        return cidrs.size() > shown ? text + " and " + (cidrs.size() - shown) + " more" : text;
    }
}
