package dev.safeguards.checks.clients.internal;

import dev.safeguards.checks.clients.TlsCertificateCheck;
import dev.safeguards.checks.internal.Scrubber;
import dev.safeguards.health.HealthResult;
import dev.safeguards.health.Status;
import dev.safeguards.time.Clock;
import dev.safeguards.time.Durations;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Judges the certificate that expires first; remembers its days left for the gauge. */
public final class TlsProbe implements TlsCertificateCheck {

  private static final double SECONDS_PER_DAY = 86_400.0;

  private final CertificateSource source;
  private final Duration warnBefore;
  private final Clock clock;
  private volatile double daysLeft = Double.NaN;

  public TlsProbe(CertificateSource source, Duration warnBefore, Clock clock) {
    this.source = source;
    this.warnBefore = warnBefore;
    this.clock = clock;
  }

  @Override
  public double daysLeft() {
    return daysLeft;
  }

  @Override
  public String target() {
    return source.target();
  }

  @Override
  public HealthResult check() throws Exception {
    CertificateSource.Found found;
    try {
      found = source.collect();
    } catch (SocketTimeoutException e) {
      return HealthResult.down("no TLS handshake with " + target() + " in time");
    } catch (IOException | GeneralSecurityException e) {
      return HealthResult.down("no TLS handshake with " + target() + ": " + Scrubber.describe(e));
    }
    X509Certificate first =
        found.certificates().stream()
            .min(Comparator.comparing(X509Certificate::getNotAfter))
            .orElse(null);
    if (first == null) {
      return HealthResult.down("no certificate found in the " + target());
    }
    Instant now = clock.instant();
    Instant notAfter = first.getNotAfter().toInstant();
    Duration left = Duration.between(now, notAfter);
    daysLeft = left.toSeconds() / SECONDS_PER_DAY;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("target", target());
    details.put("subject", first.getSubjectX500Principal().getName());
    details.put("notAfter", notAfter.toString());
    details.put("daysLeft", left.toDays());
    return verdict(first, now, left, found.problem(), details);
  }

  private HealthResult verdict(
      X509Certificate first,
      Instant now,
      Duration left,
      String problem,
      Map<String, Object> details) {
    String subject = "certificate '" + first.getSubjectX500Principal().getName() + "'";
    if (left.isNegative()) {
      return result(
          Status.DOWN,
          subject + " of " + target() + " expired on " + details.get("notAfter"),
          details);
    }
    Instant notBefore = first.getNotBefore().toInstant();
    if (now.isBefore(notBefore)) {
      return result(
          Status.DOWN, subject + " of " + target() + " is not valid before " + notBefore, details);
    }
    if (problem != null) {
      return result(Status.DOWN, "certificate of " + target() + " " + problem, details);
    }
    if (left.compareTo(warnBefore) < 0) {
      return result(
          Status.DEGRADED,
          subject
              + " of "
              + target()
              + " expires on "
              + details.get("notAfter")
              + ", in "
              + days(left)
              + " (warning from "
              + days(warnBefore)
              + ")",
          details);
    }
    return result(Status.UP, null, details);
  }

  /** {@code 3 days}, or below a day {@code 5h12m}. */
  private static String days(Duration duration) {
    return duration.toDays() >= 1
        ? duration.toDays() + " days"
        : Durations.format(duration.withNanos(0));
  }

  private static HealthResult result(Status status, String reason, Map<String, Object> details) {
    return new HealthResult(status, reason, details);
  }

  @Override
  public boolean isDependency() {
    return true;
  }
}
