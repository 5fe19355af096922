package dev.watchpost.handler;

import dev.watchpost.config.OuPath;
import dev.watchpost.pipeline.AccountOus;
import dev.watchpost.pipeline.BoundedCache;
import dev.watchpost.pipeline.SettingsTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Each account's OU path from AWS Organizations ({@link ListParentsClient}), kept for {@link #TTL} (a move between
 * OUs takes effect within it) in a bounded cache; a failed lookup is counted ({@code OuLookupFailures}), answered as
 * {@link OuPath.Unknown} and kept for {@link #FAILURE_TTL} only, so a burst of findings asks once and a fixed
 * permission is seen soon. Thread-safe; two threads missing the same account at once may both ask.
 */
final class CachedAccountOus implements AccountOus {
    /** How long a known path is used before Organizations is asked again. */
    static final Duration TTL = Duration.ofMinutes(15);
    /** How long a failure is remembered before Organizations is asked again. */
    static final Duration FAILURE_TTL = Duration.ofMinutes(1);
    private static final int CAPACITY = 2_000;

    private record Entry(OuPath path, Instant expires) {}

    private final ListParentsClient client;
    private final Clock clock;
    private final SettingsTelemetry telemetry;
    private final BoundedCache<String, Entry> cache = new BoundedCache<>(CAPACITY);

    CachedAccountOus(ListParentsClient client, Clock clock, SettingsTelemetry telemetry) {
        this.client = client;
        this.clock = clock;
        this.telemetry = telemetry;
    }

    @Override
    public OuPath pathOf(String account) {
        Instant now = clock.instant();
        Entry cached = cache.get(account);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.path();
        }
        OuPath path;
        Duration ttl;
        try {
            path = client.pathOf(account);
            ttl = TTL;
        } catch (ListParentsClient.LookupFailedException e) {
            path = new OuPath.Unknown("organizations:ListParents failed: " + e.getMessage());
            ttl = FAILURE_TTL;
            telemetry.ouLookupFailed(account, e.getMessage());
        }
        cache.put(account, new Entry(path, now.plus(ttl)));
        return path;
    }
}
