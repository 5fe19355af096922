package dev.watchpost.pipeline;

import java.util.List;

/**
 * Where {@link RuntimeModes} reports what happened when it read the runtime settings parameter, and
 * {@link CachedAccountOus} when it could not learn an account's OUs. Implementations must not throw.
 */
public interface SettingsTelemetry {
    /** The parameter's value is not valid; the last good settings stay in force. */
    void settingsInvalid(String parameter, String reason);

    /** The parameter could not be read (throttled, 5xx, timeout, denied, missing); the last good settings stay. */
    void settingsUnavailable(String parameter, String reason);

    /** A new valid value was loaded; {@code differences} are lines {@code what: old → new}. */
    void settingsChanged(String parameter, List<String> differences);

    /** AWS Organizations could not say which OUs hold {@code account}; OU settings do not apply to it for now. */
    void ouLookupFailed(String account, String reason);
}
