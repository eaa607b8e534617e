package dev.safeguards.notifications.internal;

import dev.safeguards.health.CheckTransition;
import dev.safeguards.health.ProbeTransition;
import dev.safeguards.internal.Causes;
import dev.safeguards.internal.Json;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One notification, its body written once so that every attempt sends the same bytes under the same
 * id.
 *
 * @param id unique per change; the receiver deduplicates on it
 * @param sequence the notifier's count, from 1, so a receiver can order notifications and see gaps
 * @param body the JSON body
 */
record Notification(String id, long sequence, String body) {

  /** Reasons can quote exception text; a notification stays small whatever a check says. */
  private static final int REASON_LIMIT = 1_000;

  static Notification of(CheckTransition t, long sequence, String source) {
    String id = UUID.randomUUID().toString();
    StringBuilder body = start(id, sequence, source, "check");
    field(body, "check", t.check());
    field(body, "from", t.from().name());
    field(body, "to", t.to().name());
    field(body, "cause", t.cause().name());
    reason(body, t.reason());
    return new Notification(id, sequence, end(body, t.time()));
  }

  static Notification of(ProbeTransition t, long sequence, String source) {
    String id = UUID.randomUUID().toString();
    StringBuilder body = start(id, sequence, source, "probe");
    field(body, "probe", t.probe().name().toLowerCase(Locale.ROOT));
    field(body, "from", t.from().name());
    field(body, "to", t.to().name());
    reason(body, t.reason());
    return new Notification(id, sequence, end(body, t.time()));
  }

  private static StringBuilder start(String id, long sequence, String source, String type) {
    StringBuilder body = new StringBuilder(256).append('{');
    field(body, "id", id);
    body.append("\"sequence\":").append(sequence).append(',');
    field(body, "source", source);
    field(body, "type", type);
    return body;
  }

  private static void reason(StringBuilder body, String reason) {
    if (reason != null) {
      String masked = Causes.mask(reason);
      field(
          body,
          "reason",
          masked.length() <= REASON_LIMIT ? masked : masked.substring(0, REASON_LIMIT) + "…");
    }
  }

  private static void field(StringBuilder body, String name, String value) {
    body.append(Json.quote(name)).append(':').append(Json.quote(value)).append(',');
  }

  private static String end(StringBuilder body, Instant time) {
    return body.append("\"time\":").append(Json.quote(time.toString())).append('}').toString();
  }
}
