package dev.watchpost.pipeline;

import dev.watchpost.config.OuPath;

/**
 * Where {@link RuntimeModes} learns which OUs hold an account, asked only when the runtime settings name an OU. Must
 * not throw: a lookup that fails answers {@link OuPath.Unknown} with the reason.
 */
@FunctionalInterface
public interface AccountOus {
    /** For a deployment that cannot read AWS Organizations (not in organization mode): every OU path is unknown. */
    AccountOus NOT_IN_ORGANIZATION_MODE = account -> new OuPath.Unknown("this deployment reads OUs only in "
            + "organization mode");

    /** The OUs that hold {@code account} (12 digits), innermost first, or why that is unknown. */
    OuPath pathOf(String account);
}
