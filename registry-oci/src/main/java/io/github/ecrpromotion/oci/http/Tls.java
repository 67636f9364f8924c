package io.github.ecrpromotion.oci.http;

import io.github.ecrpromotion.core.registry.RegistryException;
import io.github.ecrpromotion.core.registry.RegistryOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of one run, from the options: the JDK's trusted CAs (the default, no context needed); those plus the
 * CA certificates of a PEM file (skopeo's {@code --cert-dir}, crane's {@code SSL_CERT_FILE}; they are added for this
 * run only, never written to the JDK's trust store); or no verification at all ({@code --tls-verify=false}, which
 * also skips the host name check: in JSSE the trust manager does that check, and this one checks nothing).
 */
final class Tls {
    private Tls() {
    }

    /** The SSLContext to use, or empty for the JDK's default. */
    static Optional<SSLContext> context(RegistryOptions options) throws RegistryException {
        try {
            if (!options.tlsVerify()) {
                return Optional.of(context(new TrustManager[] {new TrustingEverything()}));
            }
            if (options.caCertificate().isEmpty()) {
                return Optional.empty();
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore(options.caCertificate().get()));
            return Optional.of(context(tmf.getTrustManagers()));
        } catch (GeneralSecurityException | IOException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, "Tried to set up TLS for the registry but "
                    + "failed because " + e.getClass().getSimpleName() + " (" + e.getMessage() + ")", e, false);
        }
    }

    /** The JDK's trusted CAs plus the file's certificates: added to, never replaced. */
    static KeyStore trustStore(Path file) throws RegistryException, GeneralSecurityException, IOException {
        Collection<? extends Certificate> added = read(file);
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (X509Certificate jdk : defaultTrustManager().getAcceptedIssuers()) {
            store.setCertificateEntry("jdk-" + i++, jdk);
        }
        i = 0;
        for (Certificate c : added) {
            store.setCertificateEntry("ca-cert-" + i++, c);
        }
        return store;
    }

    private static Collection<? extends Certificate> read(Path file) throws RegistryException {
        String action = "Tried to read the CA certificates in " + file + " but failed because ";
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new RegistryException(RegistryException.Reason.PROTOCOL, action + "it holds no PEM certificate",
                        null, false);
            }
            return certs;
        } catch (IOException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, action + "it cannot be read ("
                    + e.getClass().getSimpleName() + ")", e, false);
        } catch (GeneralSecurityException e) {
            throw new RegistryException(RegistryException.Reason.PROTOCOL, action + "it is not a PEM file of X.509 "
                    + "certificates (" + e.getMessage() + ")", e, false);
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the JDK has no X.509 trust manager");
    }

    private static SSLContext context(TrustManager[] trust) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, trust, new SecureRandom());
        return ctx;
    }

    /** Accepts every certificate for every host name: {@code --tls-verify=false}. */
    private static final class TrustingEverything extends X509ExtendedTrustManager {
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
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
