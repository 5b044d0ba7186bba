package org.postpatch.probes.http.spec;

import java.nio.file.Path;

/**
 * How the server's certificate is checked over https.
 *
 * @param trustStore the PKCS12 or JKS file of trusted certificates; null for the JDK's default
 * @param type       {@code PKCS12} or {@code JKS}
 * @param password   the trust store's password; may be null
 * @param insecure   true to accept any certificate for any host (an explicit opt-in)
 */
public record TlsSettings(Path trustStore, String type, String password, boolean insecure) {

    /** The JDK's default trust, with host name verification. */
    public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, false);

    @Override
    public String toString() {
        // Never the password: this value can end up in a message.
        return insecure ? "insecure" : trustStore == null ? "default trust" : "trust store " + trustStore;
    }
}
