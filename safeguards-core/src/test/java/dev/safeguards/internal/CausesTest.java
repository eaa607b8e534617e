package dev.safeguards.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CausesTest {

  @Test
  void describesClassAndMessageAndTheRootCause() {
    SQLException error =
        new SQLException("no connection", new IOException(new ConnectException("refused")));

    assertThat(Causes.describe(error))
        .isEqualTo(
            "java.sql.SQLException: no connection (root: java.net.ConnectException: refused)");
  }

  @Test
  void whenThereIsNoMessageThenOnlyTheClassIsShown() {
    assertThat(Causes.describe(new IllegalStateException()))
        .isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void masksPasswordsInUrlsAndSecretParameters() {
    String text =
        "cannot reach postgresql://app:s3cret@db:5432/x?password=hunter2&user=app token=abc123";

    assertThat(Causes.mask(text))
        .isEqualTo(
            "cannot reach postgresql://app:****@db:5432/x?password=****&user=app token=****");
  }

  @Test
  void leavesUrlsWithoutPasswordsAlone() {
    String text = "cannot reach http://db:5432/x and https://user@host/path";

    assertThat(Causes.mask(text)).isEqualTo(text);
  }
}
