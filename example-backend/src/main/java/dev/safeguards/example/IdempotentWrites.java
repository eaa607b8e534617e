package dev.safeguards.example;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes honouring {@code Idempotency-Key}: the key is stored with the answer in the write's own
 * transaction, so either both are committed or neither is. A later request with the same key gets
 * that answer again, without writing; with the same key but another request it gets 422. Keys are
 * kept for {@link #RETENTION}.
 */
final class IdempotentWrites {

  static final Duration RETENTION = Duration.ofHours(24);
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

  private final Transactions transactions;
  private final DataSource dataSource;
  private final Clock clock;
  private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

  IdempotentWrites(DataSource dataSource, Clock clock) {
    this.transactions = new Transactions(dataSource);
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** An answer to send: status, JSON body ({@code null} for none) and {@code Location}. */
  record Answer(int status, String body, String location) {}

  /**
   * The outcome of a write.
   *
   * @param answer what to send
   * @param written what was written now; empty when the answer is a stored one, sent again
   */
  record Outcome<T>(Answer answer, Optional<T> written) {
    boolean replayed() {
      return written.isEmpty();
    }
  }

  /**
   * Runs {@code work} in one transaction, with the key stored beside it when there is one.
   *
   * @param key the request's {@code Idempotency-Key}, if it sent one
   * @param fingerprint what identifies the request: method, path and body
   * @throws ApiError 422 when the key was used for a different request
   * @throws SQLException as {@link Transactions#run} does
   */
  <T> Outcome<T> run(
      Optional<String> key,
      String fingerprint,
      Transactions.Work<T> work,
      Function<T, Answer> answer)
      throws SQLException {
    if (key.isEmpty()) {
      T written = transactions.run(work);
      return new Outcome<>(answer.apply(written), Optional.of(written));
    }
    try {
      Outcome<T> outcome =
          transactions.run(
              db -> {
                Optional<IdempotencyKeys.Stored> stored = IdempotencyKeys.find(db, key.get());
                if (stored.isPresent()) {
                  return replay(stored.get(), fingerprint);
                }
                T written = work.run(db);
                Answer fresh = answer.apply(written);
                IdempotencyKeys.insert(db, key.get(), stored(fingerprint, fresh), clock.instant());
                return new Outcome<>(fresh, Optional.of(written));
              });
      purgeNowAndThen();
      return outcome;
    } catch (SQLException e) {
      if (!ConnectionRepository.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      // A request with the same key committed first (its write or its key clashed with ours,
      // and ours was rolled back): answer as it was answered.
      Optional<IdempotencyKeys.Stored> stored =
          transactions.run(db -> IdempotencyKeys.find(db, key.get()));
      if (stored.isEmpty()) {
        throw e;
      }
      return replay(stored.get(), fingerprint);
    }
  }

  /** The fingerprint of a request: SHA-256 over its method, path and canonical body. */
  static String fingerprint(String method, String path, String canonicalBody) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String request = method + " " + path + "\n" + canonicalBody;
      return HexFormat.of().formatHex(sha.digest(request.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static <T> Outcome<T> replay(IdempotencyKeys.Stored stored, String fingerprint) {
    if (!stored.fingerprint().equals(fingerprint)) {
      throw ApiError.idempotencyKeyReused();
    }
    return new Outcome<>(
        new Answer(stored.status(), stored.body(), stored.location()), Optional.empty());
  }

  private static IdempotencyKeys.Stored stored(String fingerprint, Answer answer) {
    return new IdempotencyKeys.Stored(
        fingerprint, answer.status(), answer.body(), answer.location());
  }

  /** Deletes expired keys, at most once a minute; a failure only waits for the next time. */
  private void purgeNowAndThen() {
    Instant now = clock.instant();
    Instant last = lastPurge.get();
    if (now.isBefore(last.plus(PURGE_EVERY)) || !lastPurge.compareAndSet(last, now)) {
      return;
    }
    try (java.sql.Connection db = dataSource.getConnection()) {
      int purged = IdempotencyKeys.purge(db, now.minus(RETENTION));
      if (purged > 0) {
        log.info("idempotency keys purged: count={}", purged);
      }
    } catch (SQLException e) {
      log.warn("idempotency keys not purged: cause={}", e.toString());
    }
  }
}
