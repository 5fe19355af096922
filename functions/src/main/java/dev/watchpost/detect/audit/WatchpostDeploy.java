package dev.watchpost.detect.audit;

import dev.watchpost.detect.DetectionParameters;
import dev.watchpost.event.CloudTrailEvent;
import dev.watchpost.event.Principal;
import java.util.regex.Pattern;

/**
 * Whether a change to one of Watchpost's resources was CloudFormation deploying Watchpost, decided in one place for
 * every detection that guards them. CloudTrail does not name the stack a CloudFormation call was made for; it names
 * the service ({@code invokedBy} and {@code sourceIPAddress} {@code cloudformation.amazonaws.com}) and the role the
 * call ran as. So a deploy is a CloudFormation call made as one of the two roles that deploy Watchpost's stacks: the
 * CDK execution role of Watchpost's bootstrap qualifier in the event's account ({@code
 * cdk-<qualifier>-cfn-exec-role-<account>-<region>}, any region, as IAM calls of a stack in another region arrive in
 * us-east-1), or, for the member stacks, the execution role that service-managed StackSets create in each account
 * ({@code stacksets-exec-…}). A CloudFormation call under any other identity (a stack deployed with someone's own
 * credentials, or through another service role) is not a deploy of Watchpost.
 *
 * <p>Limit: every stack deployed through the same CDK execution role, and every service-managed StackSet, passes as
 * a deploy; a Watchpost bootstrapped with a qualifier of its own ({@code cdk bootstrap --qualifier}) shares its
 * execution role with nothing else. Immutable and thread-safe.
 */
public final class WatchpostDeploy {
    static final String CLOUDFORMATION = "cloudformation.amazonaws.com";
    private static final Pattern STACK_SETS_ROLE = Pattern.compile("stacksets-exec-[A-Za-z0-9]+");

    /** What made a call, as far as deploys are concerned. */
    public enum Kind {
        /** Not CloudFormation. */
        NOT_CLOUDFORMATION,
        /** CloudFormation, as the role that deploys Watchpost. */
        WATCHPOST_DEPLOY,
        /** CloudFormation, as some other identity: not a deploy of Watchpost's stacks. */
        OTHER_CLOUDFORMATION
    }

    private final Pattern cdkRole;

    public WatchpostDeploy(DetectionParameters parameters) {
        this.cdkRole = Pattern.compile("cdk-" + Pattern.quote(parameters.deployQualifier())
                + "-cfn-exec-role-(\\d{12})-[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    }

    public Kind of(CloudTrailEvent event) {
        Principal principal = event.principal();
        if (!principal.invokedBy().equals(CLOUDFORMATION) && !event.sourceIp().equals(CLOUDFORMATION)) {
            return Kind.NOT_CLOUDFORMATION;
        }
        String issuer = principal.sessionIssuer();
        String account = event.account();
        String role = roleName(issuer, account);
        var cdk = cdkRole.matcher(role);
        boolean deploy = (cdk.matches() && cdk.group(1).equals(account)) || STACK_SETS_ROLE.matcher(role).matches();
        return deploy ? Kind.WATCHPOST_DEPLOY : Kind.OTHER_CLOUDFORMATION;
    }

    /** What the alert says about it; "" when CloudFormation did not make the call. */
    public static String describe(Kind kind, CloudTrailEvent event) {
        return switch (kind) {
            case NOT_CLOUDFORMATION -> "";
            case WATCHPOST_DEPLOY -> "CloudFormation deploy as " + event.principal().sessionIssuer();
            case OTHER_CLOUDFORMATION -> "made by CloudFormation as " + event.principal().displayName()
                    + ", which does not deploy Watchpost: another stack, or Watchpost deployed by hand";
        };
    }

    /** The role name of {@code arn:<partition>:iam::<account>:role/[path/]NAME} in {@code account}; else "". */
    private static String roleName(String roleArn, String account) {
        String marker = ":iam::" + account + ":role/";
        int at = roleArn.indexOf(marker);
        return at < 0 || !roleArn.startsWith("arn:") ? "" : roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }
}
