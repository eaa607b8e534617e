package dev.safeguards.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API's behaviour, run against every database the service supports. */
abstract class ConnectionsApiContract {

  abstract Http http();

  static Map<String, Object> connection(String name, Object port) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("host", "db.internal");
    body.put("port", port);
    body.put("protocol", "postgresql");
    body.put("description", "primary");
    return body;
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void createsGetsUpdatesAndDeletesAConnection() {
    String name = unique("orders");
    Http.Reply created = http().post("/api/connections", connection(name, 5432));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(created.header("Location")).isEqualTo("/api/connections/" + id);
    assertThat(created.json().get("status").asText()).isEqualTo("unknown");

    JsonNode fetched = http().get("/api/connections/" + id).json();
    assertThat(fetched.get("name").asText()).isEqualTo(name);
    assertThat(fetched.get("port").asInt()).isEqualTo(5432);

    Map<String, Object> change = connection(name + "-renamed", 6432);
    Http.Reply updated = http().put("/api/connections/" + id, change);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("name").asText()).isEqualTo(name + "-renamed");
    assertThat(http().get("/api/connections/" + id).json().get("port").asInt()).isEqualTo(6432);

    assertThat(http().delete("/api/connections/" + id).status()).isEqualTo(204);
    Http.Reply gone = http().get("/api/connections/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().get("error").asText()).isEqualTo("not_found");
    assertThat(http().delete("/api/connections/" + id).status()).isEqualTo(404);
  }

  @Test
  void whenFieldsAreInvalidThenAnswers400NamingEachField() {
    Map<String, Object> body = connection(" ", 70000);
    body.put("host", "not a host");
    body.put("protocol", "carrier-pigeon");
    body.put("colour", "blue");
    Http.Reply reply = http().post("/api/connections", body);
    assertThat(reply.status()).isEqualTo(400);
    JsonNode fields = reply.json().get("fields");
    assertThat(fields.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("name", "host", "port", "protocol", "colour");
    assertThat(fields.get("port").asText()).isEqualTo("must be from 1 to 65535");
    assertThat(reply.json().get("requestId").asText()).isNotBlank();
  }

  @Test
  void whenRequiredFieldsAreMissingOrOfTheWrongTypeThenEachIsNamed() {
    Http.Reply reply = http().post("/api/connections", Map.of("port", "5432", "name", 7));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("fields").get("host").asText()).isEqualTo("is required");
    assertThat(reply.json().get("fields").get("name").asText()).isEqualTo("must be a string");
    assertThat(reply.json().get("fields").get("port").asText())
        .startsWith("must be a whole number");
  }

  @Test
  void
      whenAWriteIsRetriedWithItsIdempotencyKeyThenTheOriginalAnswerComesBackAndNothingIsWrittenTwice() {
    String name = unique("once");
    Map<String, String> key = Map.of("Idempotency-Key", unique("create"));
    Http.Reply first = http().send("POST", "/api/connections", connection(name, 5432), key);
    Http.Reply again = http().send("POST", "/api/connections", connection(name, 5432), key);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(http().get("/api/connections?name=" + name).json().get("total").asInt())
        .isEqualTo(1);

    String item = first.header("Location");
    Map<String, String> update = Map.of("Idempotency-Key", unique("update"));
    Map<String, Object> changed = connection(name, 6432);
    assertThat(http().send("PUT", item, changed, update).status()).isEqualTo(200);
    Http.Reply updatedAgain = http().send("PUT", item, changed, update);
    assertThat(updatedAgain.status()).isEqualTo(200);
    assertThat(updatedAgain.header("Idempotent-Replayed")).isEqualTo("true");

    Map<String, String> delete = Map.of("Idempotency-Key", unique("delete"));
    assertThat(http().send("DELETE", item, null, delete).status()).isEqualTo(204);
    Http.Reply deletedAgain = http().send("DELETE", item, null, delete);
    assertThat(deletedAgain.status()).isEqualTo(204);
    assertThat(deletedAgain.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(http().send("DELETE", item, null, Map.of()).status()).isEqualTo(404);
  }

  @Test
  void whenAnIdempotencyKeyIsReusedForAnotherRequestThenAnswers422AndWritesNothing() {
    String name = unique("reused");
    Map<String, String> key = Map.of("Idempotency-Key", unique("key"));
    assertThat(http().send("POST", "/api/connections", connection(name, 1), key).status())
        .isEqualTo(201);
    Http.Reply other = http().send("POST", "/api/connections", connection(name + "-2", 1), key);
    assertThat(other.status()).isEqualTo(422);
    assertThat(other.json().get("error").asText()).isEqualTo("idempotency_key_reused");
    assertThat(other.json().get("fields").get("Idempotency-Key").asText())
        .isEqualTo("was used for a different request");
    assertThat(http().get("/api/connections?name=" + name + "-2").json().get("total").asInt())
        .isZero();
  }

  @Test
  void whenAnIdempotencyKeyIsMalformedThenAnswers400NamingIt() {
    Http.Reply reply =
        http()
            .send(
                "POST",
                "/api/connections",
                connection(unique("bad-key"), 1),
                Map.of("Idempotency-Key", "x".repeat(201)));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("fields").get("Idempotency-Key").asText())
        .isEqualTo("must be 1 to 200 visible ASCII characters");
  }

  @Test
  void whenRequestsWithTheSameKeyRaceThenOneWriteHappensAndAllGetItsAnswer() throws Exception {
    String name = unique("race");
    Map<String, String> key = Map.of("Idempotency-Key", unique("race"));
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      java.util.List<java.util.concurrent.Future<Http.Reply>> replies = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(
            clients.submit(
                () -> http().send("POST", "/api/connections", connection(name, 1), key)));
      }
      java.util.Set<String> locations = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Http.Reply> reply : replies) {
        Http.Reply answer = reply.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        locations.add(answer.header("Location"));
      }
      assertThat(locations).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
    assertThat(http().get("/api/connections?name=" + name).json().get("total").asInt())
        .isEqualTo(1);
  }

  /** The services under test probe on their own only once an hour. */
  @Test
  void newAndMovedConnectionsAreProbedAtOnceNotAtTheNextRound() throws Exception {
    try (java.net.ServerSocket listening = new java.net.ServerSocket(0)) {
      Map<String, Object> body = connection(unique("probed-now"), listening.getLocalPort());
      body.put("host", "127.0.0.1");
      String item = http().post("/api/connections", body).header("Location");
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> http().get(item).json().get("status").asText().equals("reachable"));

      body.put("port", TestService.freePort());
      assertThat(http().put(item, body).json().get("status").asText()).isEqualTo("unknown");
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> http().get(item).json().get("status").asText().equals("unreachable"));
    }
  }

  @Test
  void whenNameIsTakenThenAnswers409OnCreateAndOnUpdate() {
    String taken = unique("billing");
    assertThat(http().post("/api/connections", connection(taken, 5432)).status()).isEqualTo(201);
    Http.Reply duplicate = http().post("/api/connections", connection(taken, 5433));
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().get("error").asText()).isEqualTo("duplicate_name");
    assertThat(duplicate.json().get("fields").get("name").asText()).isEqualTo("is taken");

    long other =
        http().post("/api/connections", connection(unique("other"), 1)).json().get("id").asLong();
    assertThat(http().put("/api/connections/" + other, connection(taken, 1)).status())
        .isEqualTo(409);
  }

  @Test
  void whenBodyIsNotJsonThenAnswers415AndWhenMalformedThen400() {
    Http.Reply form =
        http().raw("POST", "/api/connections", "application/x-www-form-urlencoded", "a=b");
    assertThat(form.status()).isEqualTo(415);
    Http.Reply malformed = http().raw("POST", "/api/connections", "application/json", "{\"name\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("fields").get("body").asText()).isEqualTo("is not valid JSON");
  }

  @Test
  void whenTextIsNotValidUnicodeOrHoldsControlCharactersThenAnswers400NamingTheField() {
    String lone = "{\"name\":\"x\\ud800y\",\"host\":\"h\",\"port\":1}";
    Http.Reply surrogate = http().raw("POST", "/api/connections", "application/json", lone);
    assertThat(surrogate.status()).isEqualTo(400);
    assertThat(surrogate.json().get("fields").get("name").asText())
        .isEqualTo("must be valid Unicode text (it holds a lone surrogate)");

    Map<String, Object> nul = connection("x\u0000y", 1);
    nul.put("description", "a\u0000b");
    Http.Reply control = http().post("/api/connections", nul);
    assertThat(control.status()).isEqualTo(400);
    assertThat(control.json().get("fields").get("name").asText())
        .isEqualTo("must not contain control characters");
    assertThat(control.json().get("fields").get("description").asText())
        .isEqualTo("must not contain control characters");

    Map<String, Object> lines = connection(unique("lines"), 1);
    lines.put("description", "first line\n\tsecond line");
    assertThat(http().post("/api/connections", lines).status()).isEqualTo(201);

    Http.Reply query = http().get("/api/connections?name=a%00b");
    assertThat(query.status()).isEqualTo(400);
    assertThat(query.json().get("fields").get("name").asText())
        .isEqualTo("must not contain control characters");
  }

  @Test
  void whenTheBodyIsNotStrictJsonInValidUtf8ThenAnswers400() {
    byte[] overlong =
        "{\"name\":\"a\u0001b\",\"host\":\"h\",\"port\":1}"
            .replace("\u0001", "\u00c0\u00af")
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Http.Reply utf8 = http().rawBytes("POST", "/api/connections", "application/json", overlong);
    assertThat(utf8.status()).isEqualTo(400);
    assertThat(utf8.json().get("fields").get("body").asText()).isEqualTo("is not valid UTF-8");

    String twice =
        "{\"name\":\"" + unique("twice") + "\",\"host\":\"h\",\"port\":70000,\"port\":1}";
    Http.Reply duplicate = http().raw("POST", "/api/connections", "application/json", twice);
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(duplicate.json().get("fields").get("port").asText())
        .isEqualTo("is given more than once");

    String trailing = "{\"name\":\"" + unique("tail") + "\",\"host\":\"h\",\"port\":1} x";
    Http.Reply garbage = http().raw("POST", "/api/connections", "application/json", trailing);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.json().get("fields").get("body").asText()).isEqualTo("is not valid JSON");
  }

  @Test
  void lengthsCountCharactersAsPeopleDoNotUtf16Units() {
    String emoji = "\uD83D\uDE00";
    String name = emoji.repeat(99) + unique("").substring(1, 2);
    Map<String, Object> body = connection(name, 1);
    body.put("description", emoji.repeat(1000));
    Http.Reply created = http().post("/api/connections", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode read = http().get(created.header("Location")).json();
    assertThat(read.get("name").asText()).isEqualTo(name);
    assertThat(read.get("description").asText()).isEqualTo(emoji.repeat(1000));

    Http.Reply tooLong = http().post("/api/connections", connection(emoji.repeat(101), 1));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("fields").get("name").asText())
        .isEqualTo("must be at most 100 characters");
  }

  @Test
  void whenBodyIsTooLargeThenAnswers413() {
    String big = "{\"description\":\"" + "x".repeat(RequestBody.MAX_BODY_BYTES) + "\"}";
    Http.Reply reply = http().raw("POST", "/api/connections", "application/json", big);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().get("error").asText()).isEqualTo("payload_too_large");
  }

  @Test
  void whenMethodIsNotSupportedThenAnswers405WithAllow() {
    Http.Reply reply = http().method("PATCH", "/api/connections/1");
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.header("Allow")).isEqualTo("GET, PUT, DELETE");
    assertThat(http().method("DELETE", "/api/connections").header("Allow")).isEqualTo("GET, POST");
  }

  @Test
  void whenPathIsUnknownThenAnswers404AsJsonWithoutTrace() {
    for (String path : new String[] {"/api/nothing", "/api/connections/abc", "/nothing.php"}) {
      Http.Reply reply = http().get(path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.json().get("error").asText()).isEqualTo("not_found");
      assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void listsPagesAndFiltersByName() {
    String prefix = unique("page");
    for (int i = 0; i < 5; i++) {
      http().post("/api/connections", connection(prefix + "-" + i, 1000 + i));
    }
    JsonNode first = http().get("/api/connections?name=" + prefix + "&limit=2").json();
    assertThat(first.get("total").asLong()).isEqualTo(5);
    assertThat(first.get("items")).hasSize(2);
    assertThat(first.get("items").get(0).get("name").asText()).isEqualTo(prefix + "-0");
    JsonNode last = http().get("/api/connections?name=" + prefix + "&limit=2&offset=4").json();
    assertThat(last.get("items")).hasSize(1);
    assertThat(last.get("items").get(0).get("name").asText()).isEqualTo(prefix + "-4");
    // Each is probed at once; db.internal resolves nowhere.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .until(
            () ->
                http()
                        .get("/api/connections?name=" + prefix + "&status=unreachable")
                        .json()
                        .get("total")
                        .asLong()
                    == 5);
    assertThat(
            http()
                .get("/api/connections?name=" + prefix + "&status=reachable")
                .json()
                .get("total")
                .asLong())
        .isZero();
  }

  @Test
  void whenListParametersAreInvalidThenAnswers400NamingThem() {
    Http.Reply reply = http().get("/api/connections?limit=0&offset=-1&status=sleepy");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("fields").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("limit", "offset", "status");
  }

  @Test
  void whenQueryIsMalformedThenAnswers400() {
    String response = http().rawGet("/api/connections?name=%zz");
    assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"error\":\"bad_request\"");
  }

  @Test
  void nameFilterTreatsWildcardsLiterally() {
    String name = unique("under_score%");
    http().post("/api/connections", connection(name, 1));
    http().post("/api/connections", connection(name.replace("_", "x"), 1));
    JsonNode found = http().get("/api/connections?name=" + name.replace("%", "%25")).json();
    assertThat(found.get("total").asLong()).isEqualTo(1);
  }
}
