package dev.safeguards.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A webhook receiver on 127.0.0.1, as a user would run one: it records every request and answers as
 * the test says, by the request's number (1 for the first): a status code, or {@link #HANG} to hold
 * the request without answering until the receiver is closed.
 */
final class WebhookReceiver implements AutoCloseable {

  static final int HANG = -1;

  /** One request as received. */
  record Request(
      String path, String idempotencyKey, String authorization, String upgrade, String body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final List<Request> requests = new ArrayList<>();
  private final IntFunction<Integer> answer;

  WebhookReceiver(IntFunction<Integer> answer) throws IOException {
    this.answer = answer;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A receiver that accepts everything with 204. */
  static WebhookReceiver accepting() throws IOException {
    return new WebhookReceiver(number -> 204);
  }

  URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int number;
    synchronized (requests) {
      requests.add(
          new Request(
              exchange.getRequestURI().toString(),
              exchange.getRequestHeaders().getFirst("Idempotency-Key"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("Upgrade"),
              body));
      number = requests.size();
      requests.notifyAll();
    }
    int status = answer.apply(number);
    if (status == HANG) {
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Waits up to 10 s for at least {@code count} requests, and returns them all. */
  List<Request> await(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    synchronized (requests) {
      while (requests.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "expected " + count + " requests within 10 s, got " + requests.size());
        }
        TimeUnit.NANOSECONDS.timedWait(requests, left);
      }
      return List.copyOf(requests);
    }
  }

  /** The requests with one per idempotency key, as a receiver that deduplicates keeps them. */
  List<Request> deduplicated() {
    Map<String, Request> byKey = new LinkedHashMap<>();
    for (Request request : requests()) {
      byKey.putIfAbsent(request.idempotencyKey(), request);
    }
    return new ArrayList<>(byKey.values());
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
