package dev.safeguards.servlet.internal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The formats the health endpoints speak, chosen from the {@code Accept} header with media ranges
 * and q-values (RFC 9110 section 12.5.1): highest q wins, then the most specific range, then plain
 * JSON.
 */
enum ResponseFormat {
  JSON("application", "json"),
  HEALTH_JSON("application", "health+json");

  private final String type;
  private final String subtype;

  ResponseFormat(String type, String subtype) {
    this.type = type;
    this.subtype = subtype;
  }

  public String contentType() {
    return type + "/" + subtype + ";charset=utf-8";
  }

  /** The format to answer with, or empty when the client accepts neither (HTTP 406). */
  public static Optional<ResponseFormat> negotiate(String accept) {
    return negotiate(accept, EnumSet.allOf(ResponseFormat.class));
  }

  /** The format among {@code offered} to answer with, or empty when none is acceptable. */
  public static Optional<ResponseFormat> negotiate(String accept, Set<ResponseFormat> offered) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(JSON);
    }
    ResponseFormat best = null;
    double bestQ = 0;
    int bestSpecificity = -1;
    for (ResponseFormat format : offered) {
      double q = -1;
      int specificity = -1;
      for (String range : accept.split(",")) {
        int s = format.specificity(range);
        if (s > specificity) {
          specificity = s;
          q = quality(range);
        }
      }
      if (q > bestQ || (q == bestQ && q > 0 && specificity > bestSpecificity)) {
        best = format;
        bestQ = q;
        bestSpecificity = specificity;
      }
    }
    return Optional.ofNullable(best);
  }

  /** 3 for an exact match, 2 for {@code type/*}, 1 for {@code *}{@code /*}, -1 for none. */
  private int specificity(String range) {
    String media = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (media.equals(type + "/" + subtype)) {
      return 3;
    }
    if (media.equals(type + "/*")) {
      return 2;
    }
    return media.equals("*/*") ? 1 : -1;
  }

  private static double quality(String range) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String[] parameter = parts[i].trim().split("=", 2);
      if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
        try {
          double q = Double.parseDouble(parameter[1].trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
