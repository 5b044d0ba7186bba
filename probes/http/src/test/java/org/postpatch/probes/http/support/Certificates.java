package org.postpatch.probes.http.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Self-signed certificates for {@code localhost} and {@code 127.0.0.1}, made with the JDK's
 * {@code keytool}: the server's key store, and a trust store holding only its certificate.
 */
public final class Certificates {

    /** The password of both stores. */
    public static final String PASSWORD = "changeit-test";

    private final Path keyStore;
    private final Path trustStore;

    private Certificates(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /** A certificate valid for {@code days} days from now, written under {@code folder}. */
    public static Certificates validFor(Path folder, int days) throws IOException, InterruptedException {
        Path keys = folder.resolve("server-" + days + "d.p12");
        Path trust = folder.resolve("trust-" + days + "d.p12");
        Path certificate = folder.resolve("server-" + days + "d.crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", String.valueOf(days),
                "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass", PASSWORD,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-keystore", trust.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return new Certificates(keys, trust);
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }

    public Path trustStore() {
        return trustStore;
    }

    /** The server side: an SSL context presenting this certificate. */
    public SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
