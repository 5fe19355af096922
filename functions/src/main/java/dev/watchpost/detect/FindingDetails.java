package dev.watchpost.detect;

/**
 * Typed evidence a detection attaches to its finding for the remediation that follows it (for example the exact
 * security-group permissions to revoke). Implementations are immutable records in the detection's package.
 */
public interface FindingDetails {
    /** For findings that carry nothing beyond resources and context. */
    FindingDetails NONE = new FindingDetails() {
        @Override
        public String toString() {
            return "none";
        }
    };
}
