package dev.safeguards.checks.clients;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** A TLS server on the loopback interface that presents one keystore's certificate. */
public final class TlsServer implements AutoCloseable {

  private final SSLServerSocket server;
  private final Thread acceptor;

  private TlsServer(SSLServerSocket server) {
    this.server = server;
    this.acceptor = new Thread(this::acceptLoop, "tls-test-server-" + server.getLocalPort());
    this.acceptor.setDaemon(true);
  }

  public static TlsServer start(KeyStore keyStore) {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, TestCertificates.PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      SSLServerSocket socket =
          (SSLServerSocket)
              context
                  .getServerSocketFactory()
                  .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
      TlsServer server = new TlsServer(socket);
      server.acceptor.start();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("test TLS server did not start", e);
    }
  }

  public InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", server.getLocalPort());
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(5_000);
        ((SSLSocket) client).startHandshake();
      } catch (IOException e) {
        // A client that refuses the certificate aborts the handshake: expected, and harmless.
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    try {
      acceptor.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
