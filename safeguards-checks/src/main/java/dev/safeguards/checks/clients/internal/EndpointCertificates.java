package dev.safeguards.checks.clients.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The chain a server presents, from one TLS handshake that verifies trust and host name as the
 * application's clients would; the connection is closed at once.
 */
final class EndpointCertificates implements CertificateSource {

  private final String host;
  private final int port;
  private final Duration timeout;
  private final KeyStore trustStore;

  EndpointCertificates(String host, int port, Duration timeout, KeyStore trustStore) {
    this.host = host;
    this.port = port;
    this.timeout = timeout;
    this.trustStore = trustStore;
  }

  @Override
  public Found collect() throws IOException, GeneralSecurityException {
    RecordingTrustManager trust = RecordingTrustManager.over(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
        parameters.setServerNames(List.of(new SNIHostName(host)));
      }
      socket.setSSLParameters(parameters);
      socket.startHandshake();
    } catch (SSLException e) {
      if (trust.chain().isEmpty()) {
        throw e;
      }
    }
    return new Found(trust.chain(), trust.problem());
  }

  @Override
  public String target() {
    return host + ":" + port;
  }

  @Override
  public CertificateSource with(Duration timeout, KeyStore trustStore) {
    return new EndpointCertificates(host, port, timeout, trustStore);
  }
}
