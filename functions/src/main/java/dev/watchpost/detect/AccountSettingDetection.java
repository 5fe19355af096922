package dev.watchpost.detect;

import dev.watchpost.event.CloudTrailEvent;
import java.util.List;

/**
 * A detection of a call that changes an EC2 account setting for a whole region: the finding names the account and
 * region, and its resource is the setting in that region ({@code <setting>/<region>}), as the sweep of the setting
 * restates it. Immutable.
 */
public abstract class AccountSettingDetection extends SuccessfulCallDetection {
    private final String change;
    private final String setting;

    /**
     * @param change  what happened, the title's start ("Serial console access enabled")
     * @param setting the setting's name in the resource id ("serial-console-access")
     */
    protected AccountSettingDetection(String id, String change, String setting) {
        super(id);
        this.change = change;
        this.setting = setting;
    }

    @Override
    protected final List<Finding> evaluateSucceeded(CloudTrailEvent event) {
        return finding(event)
                .title(change + " in " + event.account() + "/" + event.region())
                .resource(Resource.ACCOUNT_SETTING, setting + "/" + event.region())
                .buildList();
    }
}
