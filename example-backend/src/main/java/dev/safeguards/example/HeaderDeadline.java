package dev.safeguards.example;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP/1.1 connections whose requests must deliver their request line and headers within a
 * deadline, counted from the first byte of the request: a client that sends its headers slowly (a
 * slowloris) is disconnected then, instead of holding its connection as long as it keeps sending a
 * byte now and then, which Jetty's idle timeout alone allows. Jetty has no such setting, so the
 * deadline is armed by the connection when bytes of a new request arrive and disarmed by the parser
 * when the headers are complete.
 */
final class HeaderDeadline extends HttpConnectionFactory {

  private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);

  private final Duration deadline;
  private final AtomicLong closed = new AtomicLong();

  HeaderDeadline(HttpConfiguration configuration, Duration deadline) {
    super(configuration);
    this.deadline = deadline;
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    DeadlineConnection connection =
        new DeadlineConnection(getHttpConfiguration(), connector, endPoint);
    connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
    return configure(connection, connector, endPoint);
  }

  /** How many connections were closed for sending their headers too slowly. */
  long closedConnections() {
    return closed.get();
  }

  private final class DeadlineConnection extends HttpConnection {

    private final Scheduler scheduler;
    // Each arming gets a new number; the task closes only if its number is still the current one.
    private final AtomicLong armed = new AtomicLong();
    private volatile boolean waiting;

    DeadlineConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
      super(configuration, connector, endPoint);
      this.scheduler = connector.getScheduler();
    }

    @Override
    public void onFillable() {
      // Bytes have arrived: unless a request's headers are already complete (its body is being
      // read), they belong to request headers, which now have their deadline.
      if (!waiting && getParser().inHeaderState()) {
        arm();
      }
      super.onFillable();
    }

    @Override
    protected RequestHandler newRequestHandler() {
      return new RequestHandler() {
        @Override
        public boolean headerComplete() {
          disarm();
          return super.headerComplete();
        }
      };
    }

    @Override
    public void onClose(Throwable cause) {
      disarm();
      super.onClose(cause);
    }

    private void arm() {
      waiting = true;
      long number = armed.incrementAndGet();
      scheduler.schedule(() -> expire(number), deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disarm() {
      waiting = false;
      armed.incrementAndGet();
    }

    private void expire(long number) {
      if (armed.get() != number || getEndPoint().getConnection() != this) {
        return;
      }
      closed.incrementAndGet();
      log.debug("connection closed: headers not received within {}", deadline);
      getEndPoint().close();
    }
  }
}
