package dev.watchpost.pipeline;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;

/**
 * Reads the runtime settings with {@code ssm:GetParameter} on the one parameter (the only SSM call the functions make
 * and are granted). Every SDK failure, after the client's own retries, becomes a
 * {@link SettingsReader.SettingsUnavailableException} naming the error, so the caller keeps what it had. Thread-safe.
 *
 * @param ssm       the client in the function's region
 * @param parameter the parameter's name, {@code /<prefix>/settings}
 */
public record SsmSettingsReader(SsmClient ssm, String parameter) implements SettingsReader {
    @Override
    public String read() throws SettingsUnavailableException {
        try {
            return ssm.getParameter(GetParameterRequest.builder().name(parameter).build()).parameter().value();
        } catch (SdkException e) {
            throw new SettingsUnavailableException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
