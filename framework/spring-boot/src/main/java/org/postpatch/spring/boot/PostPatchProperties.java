package org.postpatch.spring.boot;

import java.util.List;
import java.util.Map;
import org.postpatch.embedded.PostPatch;
import org.postpatch.endpoint.StatusEndpoint;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code postpatch.*} settings of an application that tests itself. Bound once at start-up and
 * never changed. Durations and the port are kept as written and read by postpatch itself (as in
 * {@code POSTPATCH_SCHEDULE=1h30m}), so that a mistyped value is reported and ignored instead of
 * stopping the application from starting.
 *
 * @param enabled   {@code false}: nothing of postpatch is started
 * @param probes    probe files or folders, {@code classpath:} allowed
 * @param target    the label of this instance in the ledger (default: the host name)
 * @param ledger    where runs are recorded: a JDBC URL, an H2 file path or {@code none}
 *                  (default {@code ~/.postpatch/ledger})
 * @param port      the {@code /selftest} endpoint's own port; {@code 0} picks a free one,
 *                  {@code -1} or {@code off} serves none
 * @param address   the address the endpoint binds to (default: all)
 * @param token     the token for details and runs on request (default: {@code POSTPATCH_TOKEN})
 * @param schedule  also run periodically, like {@code 1h} (default: only on start and on request)
 * @param runOnChange run when the application starts on a changed fingerprint
 * @param readiness how the self-test and the application's readiness relate
 * @param variables suite variables; values may use Spring placeholders such as
 *                  {@code ${local.server.port}}, resolved once the web server has started
 * @param secrets   values for {@code ${secret:NAME}} taken from the application's configuration
 *                  (such as {@code ${spring.datasource.password}}) before the process environment;
 *                  used, never shown
 */
@ConfigurationProperties("postpatch")
public record PostPatchProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(PostPatch.DEFAULT_PROBES) List<String> probes,
        String target,
        String ledger,
        @DefaultValue("" + StatusEndpoint.DEFAULT_PORT) String port,
        String address,
        String token,
        String schedule,
        @DefaultValue("true") boolean runOnChange,
        @DefaultValue Readiness readiness,
        Map<String, String> variables,
        Map<String, String> secrets) {

    public PostPatchProperties {
        probes = probes == null ? List.of() : List.copyOf(probes);
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }

    /**
     * @param followsVerdict whether a failed self-test takes the application out of the readiness
     *                       group ({@code /actuator/health/readiness}, {@code /selftest/ready}); never liveness
     * @param timeout        how long the first run waits for the application to be ready (as
     *                       {@link PostPatch#DEFAULT_READINESS_TIMEOUT}; written here for Spring's metadata)
     */
    public record Readiness(@DefaultValue("false") boolean followsVerdict, @DefaultValue("5m") String timeout) {
    }
}
