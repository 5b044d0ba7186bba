package org.postpatch.probes.http.client;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JVM's default {@link SSLContext} ({@link SSLContext#getDefault()}: the default trust store, or
 * {@code javax.net.ssl.trustStore}), made the first time a connection needs TLS. A JDK
 * {@link java.net.http.HttpClient} builds the default context when it is built, even if it only
 * ever speaks plain http: in a fresh command-line JVM that took about 0.1 s (the TLS classes and
 * the trust store's certificates). Given to a client with {@link #parameters()}, so that the client
 * does not ask it for its defaults either.
 */
final class DefaultTlsOnDemand extends SSLContext {

    /** The one instance: the default context it stands for is one per JVM too. */
    static final SSLContext CONTEXT = new DefaultTlsOnDemand();

    /**
     * No cipher suites or protocols named: each TLS engine keeps the defaults of the context that
     * made it, as with the client's own defaults.
     */
    static SSLParameters parameters() {
        return new SSLParameters();
    }

    private DefaultTlsOnDemand() {
        super(new Spi(), null, "Default");
    }

    /** The default context, made on first use. */
    private static final class Default {
        static final SSLContext CONTEXT = load();

        private static SSLContext load() {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException unavailable) {
                throw new IllegalStateException("the JVM has no default TLS context: " + unavailable.getMessage(),
                        unavailable);
            }
        }
    }

    private static final class Spi extends SSLContextSpi {
        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("the default TLS context is already initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return Default.CONTEXT.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return Default.CONTEXT.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return Default.CONTEXT.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return Default.CONTEXT.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return Default.CONTEXT.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return Default.CONTEXT.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return Default.CONTEXT.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return Default.CONTEXT.getSupportedSSLParameters();
        }
    }
}
