package dev.safeguards.config.internal;

import dev.safeguards.config.ConfigValue;
import dev.safeguards.config.Configuration;
import dev.safeguards.config.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code .properties} files like {@link java.util.Properties#load(java.io.Reader)} does, but
 * remembers the line each entry starts on, which {@code Properties} cannot tell.
 */
public final class PropertiesFileReader {

  private PropertiesFileReader() {}

  public static Configuration read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    Map<String, ConfigValue> entries = new LinkedHashMap<>();
    int index = 0;
    while (index < lines.size()) {
      int firstLine = index;
      StringBuilder logical = new StringBuilder(lines.get(index).stripLeading());
      index++;
      if (isBlankOrComment(logical)) {
        continue;
      }
      while (endsWithContinuation(logical) && index < lines.size()) {
        logical.setLength(logical.length() - 1);
        logical.append(lines.get(index).stripLeading());
        index++;
      }
      if (endsWithContinuation(logical)) {
        logical.setLength(logical.length() - 1);
      }
      ConfigValue value = parseChecked(logical.toString(), Origin.file(file, firstLine + 1));
      entries.remove(value.key());
      entries.put(value.key(), value);
    }
    return new MapConfiguration(entries);
  }

  private static boolean isBlankOrComment(CharSequence line) {
    return line.length() == 0 || line.charAt(0) == '#' || line.charAt(0) == '!';
  }

  private static boolean endsWithContinuation(CharSequence line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  private static ConfigValue parseChecked(String line, Origin origin) throws IOException {
    try {
      return parse(line, origin);
    } catch (IllegalArgumentException malformed) {
      throw new IOException("malformed \\uXXXX escape in " + origin, malformed);
    }
  }

  static ConfigValue parse(String line, Origin origin) {
    int keyEnd = 0;
    while (keyEnd < line.length() && !isSeparator(line.charAt(keyEnd))) {
      keyEnd += line.charAt(keyEnd) == '\\' ? 2 : 1;
    }
    keyEnd = Math.min(keyEnd, line.length());
    int valueStart = keyEnd;
    while (valueStart < line.length() && Character.isWhitespace(line.charAt(valueStart))) {
      valueStart++;
    }
    if (valueStart < line.length() && "=:".indexOf(line.charAt(valueStart)) >= 0) {
      valueStart++;
    }
    while (valueStart < line.length() && Character.isWhitespace(line.charAt(valueStart))) {
      valueStart++;
    }
    return new ConfigValue(
        unescape(line.substring(0, keyEnd)), unescape(line.substring(valueStart)), origin);
  }

  private static boolean isSeparator(char c) {
    return c == '=' || c == ':' || Character.isWhitespace(c);
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 == text.length()) {
        out.append(c);
        continue;
      }
      char next = text.charAt(++i);
      if (next == 'u') {
        out.append(unicode(text, i + 1));
        i += 4;
        continue;
      }
      out.append(
          switch (next) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 'f' -> '\f';
            default -> next;
          });
    }
    return out.toString();
  }

  /** Throws IllegalArgumentException, as {@link java.util.Properties} does, when malformed. */
  private static char unicode(String text, int start) {
    if (start + 4 > text.length()) {
      throw new IllegalArgumentException("incomplete \\uXXXX escape");
    }
    return (char) Integer.parseInt(text.substring(start, start + 4), 16);
  }
}
