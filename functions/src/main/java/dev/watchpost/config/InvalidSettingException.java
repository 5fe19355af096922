package dev.watchpost.config;

/** A configuration value is unusable; the message names the variable and says what is expected. */
public final class InvalidSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String variable, String value, String expected) {
        super(variable + "=" + quoted(value) + " is invalid: " + expected);
    }

    private static String quoted(String value) {
        String shown = value.length() > 200 ? value.substring(0, 200) + "…" : value;
        return "\"" + shown + "\"";
    }
}
