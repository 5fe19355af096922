package dev.watchpost.cli;

import dev.watchpost.remediate.MemberRoles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * How {@code watchpost sweep} and {@code watchpost settings} reach AWS, read from the environment map they are given
 * (so tests need no process): credentials from {@code --profile} (in {@code AWS_CONFIG_FILE} and
 * {@code AWS_SHARED_CREDENTIALS_FILE} when they name files that exist, else the SDK's default files), else
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, else the SDK's default chain; the endpoint from
 * {@code AWS_ENDPOINT_URL_<SERVICE>} or {@code AWS_ENDPOINT_URL} (an emulator). Stateless.
 */
record AwsAccess(Map<String, String> env, Optional<String> profile) {
    /** Checks a {@code --region} value. */
    static String region(String value) {
        if (!MemberRoles.REGION.matcher(value).matches()) {
            throw new UsageException("--region " + value + " is not a region (e.g. us-east-1)");
        }
        return value;
    }

    /** Sets the credentials, the endpoint for {@code service} (as in AWS_ENDPOINT_URL_SSM) and the region if given. */
    <B extends AwsClientBuilder<B, C>, C> B configure(B builder, String service, Optional<String> region) {
        region.map(Region::of).ifPresent(builder::region);
        builder.credentialsProvider(credentials());
        Optional.ofNullable(env.get("AWS_ENDPOINT_URL_" + service)).or(() -> Optional.ofNullable(
                env.get("AWS_ENDPOINT_URL"))).filter(url -> !url.isBlank()).map(URI::create)
                .ifPresent(builder::endpointOverride);
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        if (profile.isPresent()) {
            ProfileFile.Aggregator files = ProfileFile.aggregator();
            boolean inFiles = profileFile("AWS_CONFIG_FILE", ProfileFile.Type.CONFIGURATION, files)
                    | profileFile("AWS_SHARED_CREDENTIALS_FILE", ProfileFile.Type.CREDENTIALS, files);
            ProfileCredentialsProvider.Builder named = ProfileCredentialsProvider.builder().profileName(profile.get());
            return (inFiles ? named.profileFile(files.build()) : named).build();
        }
        String key = env.getOrDefault("AWS_ACCESS_KEY_ID", "");
        String secret = env.getOrDefault("AWS_SECRET_ACCESS_KEY", "");
        return key.isEmpty() || secret.isEmpty() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret));
    }

    private boolean profileFile(String variable, ProfileFile.Type type, ProfileFile.Aggregator files) {
        Optional<Path> path = Optional.ofNullable(env.get(variable)).filter(name -> !name.isBlank()).map(Path::of)
                .filter(Files::isRegularFile);
        path.ifPresent(file -> files.addFile(ProfileFile.builder().content(file).type(type).build()));
        return path.isPresent();
    }
}
