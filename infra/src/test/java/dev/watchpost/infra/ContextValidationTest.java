package dev.watchpost.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad context value stops synthesis before any resource exists, with a message naming what to fix: the function's
 * environment variable for values the function parses (the same message it would log at start), else the context key.
 */
final class ContextValidationTest {
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            adminPorts           | abc                           | WATCHPOST_ADMIN_PORTS            | abc
            adminPorts           | 70000                         | WATCHPOST_ADMIN_PORTS            | 70000
            internetPrefixLength | 33                            | WATCHPOST_INTERNET_PREFIX_LENGTH | 33
            trustedCidrs         | 10.0.0.0/8,nope               | WATCHPOST_TRUSTED_CIDRS          | nope
            remediationModes     | network.sg-admin-port-open=ON | WATCHPOST_REMEDIATION_MODES      | =ON
            remediationModes     | network.unknown=ENFORCE       | WATCHPOST_REMEDIATION_MODES      | network.unknown
            exemptTagKey         | aws:exempt                    | WATCHPOST_EXEMPT_TAG_KEY         | aws:exempt
            namePrefix           | Watchpost_Prod                | WATCHPOST_NAME_PREFIX            | Watchpost_Prod
            logRetentionDays     | 42                            | logRetentionDays                 | 42
            tracing              | yes                           | tracing                          | yes
            alertEmail           | secops                        | alertEmail                       | secops
            functionsJar         | /nonexistent/watchpost.jar    | functionsJar                     | /nonexistent/watchpost.jar
            """)
    void failsSynthesis_namingTheSettingAndTheBadValue(String key, String value, String setting, String shown) {
        RuntimeException error = assertThrows(RuntimeException.class,
                () -> WatchpostApp.build(Synthesized.app(Map.of(key, value))));

        assertTrue(error.getMessage().contains(setting), error::getMessage);
        assertTrue(error.getMessage().contains(shown), error::getMessage);
    }
}
