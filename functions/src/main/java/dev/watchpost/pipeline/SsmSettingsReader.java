package dev.watchpost.pipeline;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;

/**
 * Reads the runtime settings with {@code ssm:GetParameter} on the one parameter (the only SSM call the functions make
 * and are granted). Every SDK failure, after the client's own retries, becomes a
 * {@link SettingsReader.SettingsUnavailableException} naming the error, so the caller keeps what it had. Thread-safe.
 */
public final class SsmSettingsReader implements SettingsReader {
    private final SsmClient ssm;
    private final String parameter;

    public SsmSettingsReader(SsmClient ssm, String parameter) {
        this.ssm = ssm;
        this.parameter = parameter;
    }

    @Override
    public String read() throws SettingsUnavailableException {
        try {
            return ssm.getParameter(GetParameterRequest.builder().name(parameter).build()).parameter().value();
        } catch (SdkException e) {
            throw new SettingsUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
