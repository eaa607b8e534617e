package dev.safeguards.config;

import dev.safeguards.config.internal.ValueTypes;
import dev.safeguards.time.Durations;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The form a value must have ({@code config.invalid-type}). The expected form is shown in the
 * violation message, the value never is.
 *
 * @param name a short name, for example {@code port}
 * @param expected the expected form for people, for example {@code a port number from 1 to 65535}
 * @param accepts whether a value has this form
 */
public record ValueType(String name, String expected, Predicate<String> accepts) {

  public ValueType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(accepts, "accepts");
  }

  /** A TCP port: an integer from 1 to 65535. */
  public static ValueType port() {
    return new ValueType("port", "a port number from 1 to 65535, like 8080", ValueTypes::isPort);
  }

  /** An absolute URL with a scheme, such as {@code https://example.com} or a JDBC URL. */
  public static ValueType url() {
    return new ValueType(
        "url", "an absolute URL with a scheme, like https://example.com/path", ValueTypes::isUrl);
  }

  /**
   * A duration: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO {@code PT5S}.
   */
  public static ValueType duration() {
    return new ValueType(
        "duration",
        "a duration like 250ms, 5s, 2m, 1h, 1d or PT5S",
        value -> Durations.parse(value).isPresent());
  }

  /** {@code true} or {@code false}, in any case. */
  public static ValueType bool() {
    return new ValueType("boolean", "true or false", ValueTypes::isBoolean);
  }

  /** A whole number that fits in a {@code long}. */
  public static ValueType integer() {
    return new ValueType("integer", "a whole number, like 42", ValueTypes::isInteger);
  }

  /**
   * One of {@code choices}, ignoring case.
   *
   * @throws IllegalArgumentException if there is no choice
   */
  public static ValueType oneOf(String... choices) {
    List<String> list = List.of(choices);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("'choices' must not be empty, but was []");
    }
    return new ValueType(
        "enum",
        "one of " + String.join(", ", list),
        value -> list.stream().anyMatch(choice -> choice.equalsIgnoreCase(value.strip())));
  }
}
