package org.postpatch.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.Option;

/** {@code --bind}: where a command that serves HTTP listens, on the port of its own {@code --port}. */
public final class BindOption {

    /** Every address of this host. */
    private static final String ALL = "0.0.0.0";

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ALL,
            description = "The address to listen on (default: all; 127.0.0.1 for this host only).")
    String bind;

    /**
     * The address to listen on, checked.
     *
     * @throws BadInputException for a port out of range, or an address this host does not have
     */
    InetSocketAddress address(int port) {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be between 0 and 65535, was " + port);
        }
        InetSocketAddress address = new InetSocketAddress(bind, port);
        if (address.isUnresolved()) {
            throw new BadInputException("--bind " + bind + ": no such address on this host");
        }
        return address;
    }

    /** The address as given, for messages. */
    String given() {
        return bind;
    }

    /** A host to show in a URL: this host's loopback when listening on all addresses. */
    String host() {
        return bind.equals(ALL) ? "127.0.0.1" : bind;
    }
}
