package dev.watchpost.sweep;

/**
 * One account and region a sweep covers.
 *
 * @param account the 12-digit account id
 * @param region  the region name
 */
public record Place(String account, String region) {
    @Override
    public String toString() {
        return account + "/" + region;
    }
}
