package dev.watchpost.infra;

import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.detect.DetectionParameters;
import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.ssm.ParameterTier;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * The runtime settings parameter {@code /<prefix>/settings} (String, Standard tier): remediation modes and the kill
 * switch that people change without a redeploy. Its value in the template is the constant
 * {@link RuntimeSettingsJson#INITIAL_VALUE} and every property is fixed, so CloudFormation writes it only when the
 * stack creates it: CloudFormation updates a resource only when its properties in the template change, and they never
 * do, so later deploys leave the value people set alone (the deploy-time modes live in the functions' environment,
 * under the parameter, not in it). SSM's {@code AllowedPattern} refuses any value that is not a JSON object; the
 * functions validate the rest. Functions get {@code ssm:GetParameter} on this one ARN and nothing more.
 */
final class RuntimeSettingsParameter extends Construct {
    /** SSM checks every PutParameter against this: a JSON object, nothing before or after it. */
    static final String ALLOWED_PATTERN = "^\\{[\\s\\S]*\\}$";

    private final StringParameter parameter;
    private final String name;

    RuntimeSettingsParameter(Construct scope, String id, String namePrefix) {
        super(scope, id);
        this.name = DetectionParameters.settingsParameter(namePrefix);
        this.parameter = StringParameter.Builder.create(this, "Parameter")
                .parameterName(name)
                .stringValue(RuntimeSettingsJson.INITIAL_VALUE)
                .description("Watchpost runtime settings: remediation modes and kill switch (see docs/configuration.md)")
                .tier(ParameterTier.STANDARD)
                .allowedPattern(ALLOWED_PATTERN)
                .build();
    }

    /** Lets {@code grantee} read the value, with exactly {@code ssm:GetParameter} on this parameter. */
    void grantRead(IGrantable grantee) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("ssm:GetParameter"))
                .resources(List.of(arn()))
                .build());
    }

    /** {@code arn:<partition>:ssm:<region>:<account>:parameter/<prefix>/settings}. */
    String arn() {
        return Stack.of(this).formatArn(ArnComponents.builder().service("ssm").resource("parameter")
                .resourceName(name.substring(1)).arnFormat(ArnFormat.SLASH_RESOURCE_NAME).build());
    }

    String name() {
        return name;
    }

    StringParameter parameter() {
        return parameter;
    }
}
