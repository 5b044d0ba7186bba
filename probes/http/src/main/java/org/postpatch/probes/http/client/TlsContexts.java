package org.postpatch.probes.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.postpatch.probes.http.spec.TlsSettings;

/** Builds the {@link SSLContext} for a probe's {@code tls} settings. */
final class TlsContexts {

    private TlsContexts() {
    }

    static SSLContext of(TlsSettings tls) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {tls.insecure() ? new TrustingEverything() : fromStore(tls)}, null);
            return context;
        } catch (GeneralSecurityException | IOException unusable) {
            // The message names the file, never the password.
            throw new IllegalStateException("cannot use " + tls + ": " + unusable.getMessage(), unusable);
        }
    }

    private static TrustManager fromStore(TlsSettings tls) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(tls.type());
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            store.load(in, tls.password() == null ? null : tls.password().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers()[0];
    }

    /**
     * Accepts any certificate for any host: {@code insecure: true}. Being an extended trust manager,
     * it also takes over host name verification from the TLS engine, and skips it.
     */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
