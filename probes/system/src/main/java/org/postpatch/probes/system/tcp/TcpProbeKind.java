package org.postpatch.probes.system.tcp;

import java.util.Optional;
import java.util.regex.Pattern;
import org.postpatch.spi.Binding;
import org.postpatch.spi.Key;
import org.postpatch.spi.ProbeKind;
import org.postpatch.spi.Shape;
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

    private static final Shape DECLARATION = Shape.block(
            Key.required("host", Shape.string(), "Host name or address to connect to."),
            Key.required("port", Shape.wholeNumber(1, 65_535), "Port to connect to."),
            Key.optional("banner", Shape.string(), "Text that the server's greeting (what it sends first) must contain."),
            Key.optional("bannerMatches", Shape.pattern(),
                    "A pattern that must be found in the greeting (`^`/`$` match at each line)."));

    @Override
    public String name() {
        return "tcp";
    }

    @Override
    public Optional<Shape> declaration() {
        return Optional.of(DECLARATION);
    }

    @Override
    public Binding bind(Spec spec) {
        String host = spec.string("host");
        Optional<Long> port = spec.integer("port", 1, 65_535);
        Optional<String> banner = spec.optionalString("banner");
        Optional<Pattern> bannerMatches = spec.pattern("bannerMatches");
        if (host.isBlank() && spec.isSet("host")) {
            spec.problem("host", "the host is empty");
        }
        if (spec.hasProblems() || port.isEmpty()) {
            return Binding.invalid();
        }
        return Binding.of(new TcpCheck(host, port.get().intValue(), new BannerExpectation(banner, bannerMatches)));
    }
}
