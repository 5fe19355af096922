package dev.watchpost.bench.corpus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.SplittableRandom;

/**
 * The everyday management events that make up nearly all of a CloudTrail log: reads by services and roles, KMS and
 * STS traffic, agents checking in. Shapes follow CloudTrail's documented record format; a few watched event names
 * (RunInstances with IMDSv2 required, a narrow security-group rule, an unrelated EventBridge rule) appear in shapes
 * that must not fire, so detections see their negative path at realistic rates. Stateless; the caller's random
 * source makes it deterministic.
 */
final class Background {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Event kinds and their weights (parts per 1,000), roughly the mix of a busy account's management events. */
    private static final Kind[] KINDS = {
            new Kind("kms.amazonaws.com", "Decrypt", 140, true),
            new Kind("kms.amazonaws.com", "GenerateDataKey", 50, true),
            new Kind("sts.amazonaws.com", "AssumeRole", 120, true),
            new Kind("sts.amazonaws.com", "GetCallerIdentity", 40, true),
            new Kind("ssm.amazonaws.com", "UpdateInstanceInformation", 80, false),
            new Kind("ssm.amazonaws.com", "GetParameter", 30, true),
            new Kind("ec2.amazonaws.com", "DescribeInstances", 80, true),
            new Kind("ec2.amazonaws.com", "DescribeSecurityGroups", 30, true),
            new Kind("ec2.amazonaws.com", "DescribeVolumes", 30, true),
            new Kind("ec2.amazonaws.com", "CreateTags", 20, false),
            new Kind("ec2.amazonaws.com", "RunInstances", 5, false),
            new Kind("ec2.amazonaws.com", "AuthorizeSecurityGroupIngress", 3, false),
            new Kind("logs.amazonaws.com", "CreateLogStream", 40, false),
            new Kind("logs.amazonaws.com", "DescribeLogGroups", 20, true),
            new Kind("s3.amazonaws.com", "GetBucketAcl", 30, true),
            new Kind("s3.amazonaws.com", "GetBucketLocation", 20, true),
            new Kind("s3.amazonaws.com", "ListBuckets", 10, true),
            new Kind("lambda.amazonaws.com", "ListFunctions20150331", 10, true),
            new Kind("lambda.amazonaws.com", "GetFunction20150331v2", 10, true),
            new Kind("cloudformation.amazonaws.com", "DescribeStacks", 20, true),
            new Kind("signin.amazonaws.com", "ConsoleLogin", 3, false),
            new Kind("iam.amazonaws.com", "GetRole", 20, true),
            new Kind("iam.amazonaws.com", "ListRoles", 10, true),
            new Kind("secretsmanager.amazonaws.com", "GetSecretValue", 20, true),
            new Kind("ecr.amazonaws.com", "GetAuthorizationToken", 10, true),
            new Kind("cloudtrail.amazonaws.com", "LookupEvents", 5, true),
            new Kind("cloudtrail.amazonaws.com", "DescribeTrails", 5, true),
            new Kind("events.amazonaws.com", "PutRule", 1, false),
            new Kind("monitoring.amazonaws.com", "DescribeAlarms", 20, true),
            new Kind("dynamodb.amazonaws.com", "DescribeTable", 20, true),
    };
    private static final int TOTAL_WEIGHT;

    static {
        int total = 0;
        for (Kind kind : KINDS) {
            total += kind.weight;
        }
        TOTAL_WEIGHT = total;
    }

    private static final String[] ROLES = {"app-backend", "ci-deploy", "data-pipeline", "AWSServiceRoleForECS",
            "ops-admin", "eks-node-group", "lambda-ingest"};
    private static final String[] USERS = {"alice.ops", "bob.dev", "carol.sre", "build-bot"};
    private static final String[] SERVICES = {"ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com",
            "cloudformation.amazonaws.com", "autoscaling.amazonaws.com", "s3.amazonaws.com"};
    private static final String[] AGENTS = {
            "aws-cli/2.17.42 md/awscrt#0.21.2 ua/2.0 os/linux#6.8.0-1015-aws md/arch#x86_64 lang/python#3.12.6 "
                    + "md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24",
            "aws-sdk-java/2.28.11 Linux/5.10.226-214.880.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.4+7-LTS "
                    + "Java/21.0.4 vendor/Amazon.com_Inc. io/sync http/UrlConnection cfg/retry-mode/legacy",
            "Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux#5.10.226-214.879.amzn2.x86_64 md/arch#x86_64 "
                    + "lang/python#3.12.7 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.36",
            "amazon-ssm-agent/3.3.987.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
            "aws-internal/3 aws-sdk-java/1.12.772 Linux/5.10.226-193.880.amzn2int.x86_64",
    };

    private record Kind(String source, String name, int weight, boolean readOnly) {}

    private Background() {}

    /** One background record in {@code account} and {@code region} at {@code time}. */
    static ObjectNode record(SplittableRandom random, String account, String region, String time) {
        Kind kind = pick(random);
        ObjectNode record = NODES.objectNode();
        record.put("eventVersion", "1.09");
        String identityType = identity(random, record, account);
        record.put("eventTime", time);
        record.put("eventSource", kind.source);
        record.put("eventName", kind.name);
        record.put("awsRegion", kind.source.startsWith("iam.") || kind.source.startsWith("signin.") ? "us-east-1"
                : region);
        if (identityType.equals("AWSService")) {
            String service = record.path("userIdentity").path("invokedBy").asText();
            record.put("sourceIPAddress", service);
            record.put("userAgent", service);
        } else {
            record.put("sourceIPAddress", ip(random));
            record.put("userAgent", AGENTS[random.nextInt(AGENTS.length)]);
        }
        shape(random, kind, record, account, region);
        String requestId = Ids.uuid(random);
        record.put("requestID", requestId);
        record.put("eventID", Ids.uuid(random));
        record.put("readOnly", kind.readOnly);
        if (kind.name.equals("Decrypt") || kind.name.equals("GenerateDataKey")) {
            ObjectNode key = record.putArray("resources").addObject();
            key.put("accountId", account);
            key.put("type", "AWS::KMS::Key");
            key.put("ARN", "arn:aws:kms:" + region + ":" + account + ":key/" + Ids.uuid(random));
        }
        record.put("eventType", kind.name.equals("ConsoleLogin") ? "AwsConsoleSignIn" : "AwsApiCall");
        record.put("managementEvent", true);
        record.put("recipientAccountId", account);
        record.put("eventCategory", "Management");
        if (!identityType.equals("AWSService") && random.nextInt(10) < 8) {
            ObjectNode tls = record.putObject("tlsDetails");
            tls.put("tlsVersion", random.nextBoolean() ? "TLSv1.3" : "TLSv1.2");
            tls.put("cipherSuite", "TLS_AES_128_GCM_SHA256");
            tls.put("clientProvidedHostHeader", kind.source.replace(".amazonaws.com", "") + "." + region
                    + ".amazonaws.com");
        }
        return record;
    }

    private static Kind pick(SplittableRandom random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : KINDS) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        return KINDS[0];
    }

    /** Adds userIdentity and returns its type: mostly assumed roles, then services, users, a little root. */
    private static String identity(SplittableRandom random, ObjectNode record, String account) {
        ObjectNode identity = record.putObject("userIdentity");
        int roll = random.nextInt(100);
        if (roll < 60) {
            String role = ROLES[random.nextInt(ROLES.length)];
            String session = random.nextInt(3) == 0 ? "i-0" + Ids.hex(random, 16) : role + "-" + Ids.digits(random, 13);
            String rolePrincipal = "AROA" + Ids.upper(random, 17);
            identity.put("type", "AssumedRole");
            identity.put("principalId", rolePrincipal + ":" + session);
            identity.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
            identity.put("accountId", account);
            identity.put("accessKeyId", "ASIA" + Ids.upper(random, 16));
            ObjectNode context = identity.putObject("sessionContext");
            ObjectNode issuer = context.putObject("sessionIssuer");
            issuer.put("type", "Role");
            issuer.put("principalId", rolePrincipal);
            issuer.put("arn", "arn:aws:iam::" + account + ":role/" + role);
            issuer.put("accountId", account);
            issuer.put("userName", role);
            context.putObject("webIdFederationData");
            ObjectNode attributes = context.putObject("attributes");
            attributes.put("creationDate", "2026-11-01T08:00:00Z");
            attributes.put("mfaAuthenticated", "false");
            return "AssumedRole";
        }
        if (roll < 82) {
            identity.put("type", "AWSService");
            identity.put("invokedBy", SERVICES[random.nextInt(SERVICES.length)]);
            return "AWSService";
        }
        if (roll < 96) {
            String user = USERS[random.nextInt(USERS.length)];
            identity.put("type", "IAMUser");
            identity.put("principalId", "AIDA" + Ids.upper(random, 17));
            identity.put("arn", "arn:aws:iam::" + account + ":user/" + user);
            identity.put("accountId", account);
            identity.put("accessKeyId", "AKIA" + Ids.upper(random, 16));
            identity.put("userName", user);
            return "IAMUser";
        }
        if (roll < 99) {
            identity.put("type", "WebIdentityUser");
            identity.put("principalId", "arn:aws:iam::" + account + ":oidc-provider/token.actions.githubusercontent.com"
                    + ":sts.amazonaws.com:repo:example/app:ref:refs/heads/main");
            identity.put("userName", "repo:example/app:ref:refs/heads/main");
            ObjectNode federation = identity.putObject("identityProvider");
            federation.put("arn", "arn:aws:iam::" + account + ":oidc-provider/token.actions.githubusercontent.com");
            return "WebIdentityUser";
        }
        identity.put("type", "Root");
        identity.put("principalId", account);
        identity.put("arn", "arn:aws:iam::" + account + ":root");
        identity.put("accountId", account);
        identity.put("accessKeyId", "ASIA" + Ids.upper(random, 16));
        ObjectNode attributes = identity.putObject("sessionContext").putObject("attributes");
        attributes.put("creationDate", "2026-11-01T08:00:00Z");
        attributes.put("mfaAuthenticated", "true");
        return "Root";
    }

    private static String ip(SplittableRandom random) {
        String[] ranges = {"192.0.2.", "198.51.100.", "203.0.113."};
        return ranges[random.nextInt(ranges.length)] + (1 + random.nextInt(254));
    }

    /** requestParameters and responseElements for the kind (read calls have no response, as in CloudTrail). */
    private static void shape(SplittableRandom random, Kind kind, ObjectNode record, String account, String region) {
        ObjectNode request = NODES.objectNode();
        ObjectNode response = null;
        switch (kind.name) {
            case "Decrypt", "GenerateDataKey" -> {
                ObjectNode context = request.putObject("encryptionContext");
                context.put("aws:lambda:FunctionArn", "arn:aws:lambda:" + region + ":" + account
                        + ":function:ingest-" + random.nextInt(20));
                request.put("encryptionAlgorithm", "SYMMETRIC_DEFAULT");
                if (kind.name.equals("GenerateDataKey")) {
                    request.put("keySpec", "AES_256");
                    request.put("keyId", "alias/aws/s3");
                }
            }
            case "AssumeRole" -> {
                String role = ROLES[random.nextInt(ROLES.length)];
                String session = "session-" + Ids.digits(random, 10);
                request.put("roleArn", "arn:aws:iam::" + account + ":role/" + role);
                request.put("roleSessionName", session);
                request.put("durationSeconds", 3600);
                response = NODES.objectNode();
                ObjectNode credentials = response.putObject("credentials");
                credentials.put("accessKeyId", "ASIA" + Ids.upper(random, 16));
                credentials.put("sessionToken", Ids.base64(random, 600 + random.nextInt(400)));
                credentials.put("expiration", "Nov 1, 2026, 10:00:00 AM");
                ObjectNode user = response.putObject("assumedRoleUser");
                user.put("assumedRoleId", "AROA" + Ids.upper(random, 17) + ":" + session);
                user.put("arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session);
            }
            case "UpdateInstanceInformation" -> {
                request.put("instanceId", "i-0" + Ids.hex(random, 16));
                request.put("agentVersion", "3.3.987.0");
                request.put("agentStatus", "Active");
                request.put("platformType", "Linux");
                request.put("platformName", "Amazon Linux");
                request.put("platformVersion", "2023");
                request.put("iPAddress", "10.0." + random.nextInt(256) + "." + random.nextInt(256));
                request.put("computerName", "ip-10-0-" + random.nextInt(256) + "-" + random.nextInt(256)
                        + "." + region + ".compute.internal");
                request.put("agentName", "amazon-ssm-agent");
                request.put("availabilityZone", region + "a");
            }
            case "GetParameter", "GetSecretValue" -> request.put(kind.name.equals("GetParameter") ? "name" : "secretId",
                    "/app/" + ROLES[random.nextInt(ROLES.length)] + "/config-" + random.nextInt(50));
            case "DescribeInstances", "DescribeVolumes", "DescribeSecurityGroups" -> {
                ObjectNode set = request.putObject(kind.name.equals("DescribeInstances") ? "instancesSet"
                        : kind.name.equals("DescribeVolumes") ? "volumeSet" : "securityGroupIdSet");
                int count = random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    set.withArray("items").addObject().put(kind.name.equals("DescribeSecurityGroups") ? "groupId"
                            : kind.name.equals("DescribeVolumes") ? "volumeId" : "instanceId",
                            (kind.name.equals("DescribeSecurityGroups") ? "sg-0" : kind.name.equals("DescribeVolumes")
                                    ? "vol-0" : "i-0") + Ids.hex(random, 16));
                }
                ObjectNode filters = request.putObject("filterSet");
                if (random.nextBoolean()) {
                    ObjectNode filter = filters.withArray("items").addObject();
                    filter.put("name", "tag:Environment");
                    filter.putObject("valueSet").withArray("items").addObject().put("value", "production");
                }
            }
            case "CreateTags" -> {
                request.putObject("resourcesSet").withArray("items").addObject().put("resourceId",
                        "i-0" + Ids.hex(random, 16));
                ObjectNode tag = request.putObject("tagSet").withArray("items").addObject();
                tag.put("key", "Owner");
                tag.put("value", USERS[random.nextInt(USERS.length)]);
                response = NODES.objectNode().put("requestId", Ids.uuid(random)).put("_return", true);
            }
            case "RunInstances" -> runInstances(random, request, response = NODES.objectNode(), account, region);
            case "AuthorizeSecurityGroupIngress" -> {
                String group = "sg-0" + Ids.hex(random, 16);
                request.put("groupId", group);
                ObjectNode permission = request.putObject("ipPermissions").withArray("items").addObject();
                permission.put("ipProtocol", "tcp").put("fromPort", 443).put("toPort", 443);
                permission.putObject("groups");
                permission.putObject("ipRanges").withArray("items").addObject().put("cidrIp", "10.0.0.0/16");
                permission.putObject("ipv6Ranges");
                permission.putObject("prefixListIds");
                response = NODES.objectNode().put("requestId", Ids.uuid(random)).put("_return", true);
                ObjectNode rule = response.putObject("securityGroupRuleSet").withArray("items").addObject();
                rule.put("groupOwnerId", account).put("groupId", group)
                        .put("securityGroupRuleId", "sgr-0" + Ids.hex(random, 16)).put("isEgress", false)
                        .put("ipProtocol", "tcp").put("fromPort", 443).put("toPort", 443)
                        .put("cidrIpv4", "10.0.0.0/16");
            }
            case "CreateLogStream" -> {
                request.put("logGroupName", "/aws/lambda/ingest-" + random.nextInt(20));
                request.put("logStreamName", "2026/11/01/[$LATEST]" + Ids.hex(random, 32));
            }
            case "GetBucketAcl", "GetBucketLocation" -> {
                request.put("bucketName", "example-" + ROLES[random.nextInt(ROLES.length)].toLowerCase());
                request.put("Host", "s3." + region + ".amazonaws.com");
                request.put(kind.name.equals("GetBucketAcl") ? "acl" : "location", "");
            }
            case "GetFunction20150331v2" -> request.put("functionName", "ingest-" + random.nextInt(20));
            case "DescribeStacks" -> request.put("stackName", "arn:aws:cloudformation:" + region + ":" + account
                    + ":stack/app-" + random.nextInt(10) + "/" + Ids.uuid(random));
            case "ConsoleLogin" -> {
                request = null;
                response = NODES.objectNode().put("ConsoleLogin", "Success");
                ObjectNode extra = record.putObject("additionalEventData");
                extra.put("LoginTo", "https://console.aws.amazon.com/console/home");
                extra.put("MobileVersion", "No");
                extra.put("MFAIdentifier", "arn:aws:iam::" + account + ":mfa/device");
                extra.put("MFAUsed", "Yes");
            }
            case "GetRole" -> request.put("roleName", ROLES[random.nextInt(ROLES.length)]);
            case "LookupEvents" -> {
                request.put("maxResults", 50);
                request.withArray("lookupAttributes").addObject().put("attributeKey", "EventName")
                        .put("attributeValue", "ConsoleLogin");
            }
            case "PutRule" -> {
                String name = "app-schedule-" + random.nextInt(30);
                request.put("name", name);
                request.put("scheduleExpression", "rate(5 minutes)");
                request.put("state", "ENABLED");
                response = NODES.objectNode().put("ruleArn", "arn:aws:events:" + region + ":" + account + ":rule/"
                        + name);
            }
            case "DescribeAlarms" -> request.put("maxRecords", 100);
            case "DescribeTable" -> request.put("tableName", "orders-" + random.nextInt(10));
            default -> request = null;
        }
        if (request == null) {
            record.putNull("requestParameters");
        } else {
            record.set("requestParameters", request);
        }
        if (response == null) {
            record.putNull("responseElements");
        } else {
            record.set("responseElements", response);
        }
    }

    /** A launch with IMDSv2 required: the large write event of a busy account, which must not fire. */
    private static void runInstances(SplittableRandom random, ObjectNode request, ObjectNode response,
                                     String account, String region) {
        int count = 1 + random.nextInt(3);
        request.putObject("instancesSet").withArray("items").addObject().put("imageId", "ami-0" + Ids.hex(random, 16))
                .put("minCount", count).put("maxCount", count);
        request.put("instanceType", "m7g.large");
        request.putObject("blockDeviceMapping");
        request.putObject("metadataOptions").put("httpTokens", "required").put("httpPutResponseHopLimit", 2);
        request.put("disableApiTermination", false);
        response.put("requestId", Ids.uuid(random));
        response.put("reservationId", "r-0" + Ids.hex(random, 16));
        response.put("ownerId", account);
        response.putObject("groupSet");
        ObjectNode instances = response.putObject("instancesSet");
        for (int i = 0; i < count; i++) {
            ObjectNode instance = instances.withArray("items").addObject();
            instance.put("instanceId", "i-0" + Ids.hex(random, 16));
            instance.put("imageId", "ami-0" + Ids.hex(random, 16));
            instance.putObject("instanceState").put("code", 0).put("name", "pending");
            instance.put("privateDnsName", "ip-10-0-1-" + random.nextInt(256) + "." + region + ".compute.internal");
            instance.put("amiLaunchIndex", i);
            instance.putObject("productCodes");
            instance.put("instanceType", "m7g.large");
            instance.put("launchTime", 1_793_000_000_000L + random.nextInt(1_000_000));
            instance.putObject("placement").put("availabilityZone", region + "a").put("tenancy", "default");
            instance.putObject("monitoring").put("state", "disabled");
            instance.put("subnetId", "subnet-0" + Ids.hex(random, 16));
            instance.put("vpcId", "vpc-0" + Ids.hex(random, 16));
            instance.put("privateIpAddress", "10.0.1." + random.nextInt(256));
            instance.putObject("stateReason").put("code", "pending").put("message", "pending");
            instance.put("architecture", "arm64");
            instance.put("rootDeviceType", "ebs");
            instance.put("rootDeviceName", "/dev/xvda");
            instance.putObject("blockDeviceMapping");
            instance.put("virtualizationType", "hvm");
            instance.put("clientToken", Ids.uuid(random));
            instance.putObject("groupSet").withArray("items").addObject().put("groupId", "sg-0" + Ids.hex(random, 16))
                    .put("groupName", "app");
            instance.put("sourceDestCheck", true);
            instance.put("hypervisor", "xen");
            ObjectNode network = instance.putObject("networkInterfaceSet").withArray("items").addObject();
            network.put("networkInterfaceId", "eni-0" + Ids.hex(random, 16));
            network.put("subnetId", "subnet-0" + Ids.hex(random, 16));
            network.put("ownerId", account);
            network.put("status", "in-use");
            network.put("macAddress", "0a:1b:2c:3d:4e:5f");
            network.put("privateIpAddress", "10.0.1." + random.nextInt(256));
            network.put("interfaceType", "interface");
            instance.put("ebsOptimized", true);
            instance.put("enaSupport", true);
            instance.putObject("cpuOptions").put("coreCount", 2).put("threadsPerCore", 1);
            instance.putObject("capacityReservationSpecification").put("capacityReservationPreference", "open");
            instance.putObject("enclaveOptions").put("enabled", false);
            instance.putObject("metadataOptions").put("state", "pending").put("httpTokens", "required")
                    .put("httpPutResponseHopLimit", 2).put("httpEndpoint", "enabled")
                    .put("httpProtocolIpv4", "enabled").put("httpProtocolIpv6", "disabled")
                    .put("instanceMetadataTags", "disabled");
            instance.putObject("maintenanceOptions").put("autoRecovery", "default");
            instance.put("currentInstanceBootMode", "uefi");
        }
    }
}
