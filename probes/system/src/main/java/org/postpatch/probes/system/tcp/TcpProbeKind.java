package org.postpatch.probes.system.tcp;

import java.util.Optional;
import java.util.regex.Pattern;
import org.postpatch.probes.system.settings.SpecValues;
import org.postpatch.spi.Check;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Spec;

/**
 * The {@code tcp} kind: connects to a port within the attempt's time, and optionally reads the
 * banner the server sends first.
 * <pre>{@code
 * - id: db-port
 *   tcp: { host: localhost, port: 5432 }
 * - id: ssh-banner
 *   tcp: { host: localhost, port: 22, banner: "SSH-2.0" }
 * }</pre>
 */
public final class TcpProbeKind implements ProbeKind {

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public Check bind(Spec spec) {
        String host = spec.string("host");
        Optional<Long> port = SpecValues.requiredInteger(spec, "port", 1, 65_535);
        Optional<String> banner = spec.optionalString("banner");
        Optional<Pattern> bannerMatches = SpecValues.pattern(spec, "bannerMatches");
        if (host.isBlank() && SpecValues.isSet(spec, "host")) {
            spec.problem("host", "the host is empty");
        }
        if (spec.hasProblems() || port.isEmpty()) {
            return null;
        }
        return new TcpCheck(host, port.get().intValue(), new BannerExpectation(banner, bannerMatches));
    }
}
