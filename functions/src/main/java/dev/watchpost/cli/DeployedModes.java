package dev.watchpost.cli;

import dev.watchpost.config.InvalidRuntimeSettingsException;
import dev.watchpost.config.OuPath;
import dev.watchpost.config.RuntimeSettings;
import dev.watchpost.config.RuntimeSettingsJson;
import dev.watchpost.remediate.ModeSource;
import dev.watchpost.remediate.RemediationMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The modes a deployment would act in, for {@code watchpost sweep --apply}: its runtime settings parameter over the
 * deploy-time modes, read once. A sweep run by hand must not remediate what the deployment's kill switch or an
 * exemption holds back, so a parameter that exists but cannot be read or is invalid stops {@code --apply} instead
 * of falling back. The CLI does not ask AWS Organizations which OUs hold the account: where an OU scope could decide,
 * the mode is at most DRY_RUN, as in a function whose lookup failed.
 */
final class DeployedModes {
    private static final OuPath OUS_NOT_READ = new OuPath.Unknown("watchpost sweep does not read which OUs hold the "
            + "account");

    private DeployedModes() {}

    /** The modes; throws {@link IllegalStateException} saying why the parameter cannot be trusted. */
    static ModeSource read(SsmClient ssm, String parameter, Map<String, RemediationMode> deployModes, Clock clock) {
        RuntimeSettings settings;
        try {
            settings = RuntimeSettingsJson.parse(ssm.getParameter(r -> r.name(parameter)).parameter().value());
        } catch (ParameterNotFoundException e) {
            settings = RuntimeSettings.NONE;
        } catch (SdkException | InvalidRuntimeSettingsException e) {
            throw new IllegalStateException(parameter + " could not be read, so the deployment's kill switch and modes "
                    + "are unknown and nothing is applied: " + e.getMessage(), e);
        }
        RuntimeSettings read = settings;
        return (detection, account, fallback) -> read.decide(detection, account,
                read.hasOus() ? OUS_NOT_READ : OuPath.NONE, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                deployModes.getOrDefault(detection, fallback), parameter);
    }
}
