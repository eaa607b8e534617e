package dev.safeguards.checks.clients.internal;

import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Where a TLS check finds certificates: a server's handshake, or a keystore. */
public interface CertificateSource {

  /** What a source found: the certificates, and a trust problem if there was one. */
  record Found(List<X509Certificate> certificates, String problem) {
    public Found {
      certificates = List.copyOf(certificates);
    }
  }

  /** Collects the certificates. */
  Found collect() throws Exception;

  /** {@code host:port} or {@code keystore}. */
  String target();

  /** This source with the timeout and trust store of an endpoint; a keystore ignores them. */
  CertificateSource with(Duration timeout, KeyStore trustStore);

  static CertificateSource endpoint(String host, int port) {
    return new EndpointCertificates(host, port, Duration.ofSeconds(2), null);
  }

  static CertificateSource keyStore(KeyStore keyStore) {
    return new CertificateSource() {
      @Override
      public Found collect() throws KeyStoreException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (String alias : Collections.list(keyStore.aliases())) {
          Certificate[] chain = keyStore.getCertificateChain(alias);
          if (chain == null) {
            chain = new Certificate[] {keyStore.getCertificate(alias)};
          }
          for (Certificate certificate : chain) {
            if (certificate instanceof X509Certificate x509) {
              certificates.add(x509);
            }
          }
        }
        return new Found(certificates, null);
      }

      @Override
      public String target() {
        return "keystore";
      }

      @Override
      public CertificateSource with(Duration timeout, KeyStore trustStore) {
        return this;
      }
    };
  }
}
