package dev.safeguards.checks.clients.internal;

import dev.safeguards.checks.internal.Scrubber;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Keeps the chain a server presents and tells apart why it is refused: trust first (the chain
 * alone), then the host name (the chain for this socket), by asking the application's trust manager
 * each question in turn.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {

  private final X509ExtendedTrustManager delegate;
  private volatile List<X509Certificate> chain = List.of();
  private volatile String problem;

  private RecordingTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  /** Over the trust managers of {@code trustStore}, or the JVM's default ones when null. */
  static RecordingTrustManager over(KeyStore trustStore) throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trustStore);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager extended) {
        return new RecordingTrustManager(extended);
      }
    }
    throw new IllegalArgumentException("'trustStore' gives no X509ExtendedTrustManager");
  }

  List<X509Certificate> chain() {
    return chain;
  }

  /** Why the chain was refused, or null. */
  String problem() {
    return problem;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    this.chain = List.of(chain);
    try {
      delegate.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      problem = "is not trusted: " + Scrubber.describe(e);
      throw e;
    }
    try {
      delegate.checkServerTrusted(chain, authType, socket);
    } catch (CertificateException e) {
      problem = "is not issued for this host: " + Scrubber.describe(e);
      throw e;
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("only sockets are used");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the host name must be verified");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("a health check never accepts clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("a health check never accepts clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("a health check never accepts clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
