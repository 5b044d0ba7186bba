package org.postpatch.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.postpatch.config.Durations;

/**
 * How the engine runs suites, from JUnit configuration parameters (so that Surefire and IDE users
 * can set them too):
 * <ul>
 *   <li>{@code postpatch.parallel}: probes running at once (default {@value #DEFAULT_PARALLEL});</li>
 *   <li>{@code postpatch.timeout}: a deadline for the whole run, like {@code 5m} (default none);</li>
 *   <li>{@code postpatch.target}: the label of the target (default the host name);</li>
 *   <li>{@code postpatch.attachments}: the folder for screenshots and other attachments.</li>
 * </ul>
 */
public record ExecutionSettings(int parallel, Optional<Duration> runTimeout, String target, Path attachments) {

    /** Probes mostly wait on I/O, so more run at once than there are cores. */
    public static final int DEFAULT_PARALLEL = 8;

    public static final String PARALLEL = "postpatch.parallel";
    public static final String TIMEOUT = "postpatch.timeout";
    public static final String TARGET = "postpatch.target";
    public static final String ATTACHMENTS = "postpatch.attachments";

    public ExecutionSettings {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1, was " + parallel);
        }
    }

    static ExecutionSettings from(ConfigurationParameters parameters) {
        int parallel = parameters.get(PARALLEL).map(Integer::parseInt).orElse(DEFAULT_PARALLEL);
        Optional<Duration> timeout = parameters.get(TIMEOUT).map(Durations::parseOrThrow);
        String target = parameters.get(TARGET).orElseGet(ExecutionSettings::hostName);
        Path attachments = parameters.get(ATTACHMENTS).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "postpatch-attachments"));
        return new ExecutionSettings(parallel, timeout, target, attachments);
    }

    /** The name of this host, the default target label. */
    public static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
