package dev.asyncmodel.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Django's text formats: dates and times as SQLite stores them, UUIDs as 32 hex digits (SQLite,
 * MySQL). Writing is exact: {@code YYYY-MM-DD HH:MM:SS}, then {@code .ffffff} only when the
 * microseconds are not zero, as Python's {@code str(datetime)}. Reading is lenient: a {@code T} or
 * a space, a fraction of 1 to 9 digits or none, and a trailing {@code Z} or {@code +00:00}.
 */
public final class DjangoText {
  private DjangoText() {}

  public static String dateTime(LocalDateTime value) {
    StringBuilder out = new StringBuilder(26);
    out.append(value.toLocalDate()).append(' ');
    appendTime(out, value.toLocalTime());
    return out.toString();
  }

  public static String time(LocalTime value) {
    StringBuilder out = new StringBuilder(15);
    appendTime(out, value);
    return out.toString();
  }

  private static void appendTime(StringBuilder out, LocalTime value) {
    two(out, value.getHour()).append(':');
    two(out, value.getMinute()).append(':');
    two(out, value.getSecond());
    int micros = value.getNano() / 1000;
    if (micros != 0) {
      String digits = Integer.toString(micros);
      out.append('.').append("000000", 0, 6 - digits.length()).append(digits);
    }
  }

  private static StringBuilder two(StringBuilder out, int n) {
    return out.append(n < 10 ? "0" : "").append(n);
  }

  public static LocalDateTime parseDateTime(String text) {
    String s = stripZone(text.strip());
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay();
    }
    if (s.length() < 19 || (s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
      throw new DateTimeParseException("Not a datetime as Django stores it in text", text, 0);
    }
    return LocalDateTime.of(LocalDate.parse(s.substring(0, 10)), parseTime(s.substring(11)));
  }

  public static LocalTime parseTime(String text) {
    String s = stripZone(text.strip());
    int dot = s.indexOf('.');
    if (dot < 0) {
      return LocalTime.parse(s);
    }
    String fraction = s.substring(dot + 1);
    if (fraction.isEmpty()
        || fraction.length() > 9
        || !fraction.chars().allMatch(Character::isDigit)) {
      throw new DateTimeParseException("Not a time as Django stores it in text", text, dot);
    }
    int nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
    return LocalTime.parse(s.substring(0, dot)).withNano(nanos);
  }

  private static String stripZone(String s) {
    if (s.endsWith("Z")) {
      return s.substring(0, s.length() - 1);
    }
    if (s.endsWith("+00:00")) {
      return s.substring(0, s.length() - 6);
    }
    return s;
  }

  public static String hex(UUID value) {
    String text = value.toString();
    StringBuilder out = new StringBuilder(32);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '-') {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static UUID parseUuid(String text) {
    String s = text.strip();
    if (s.length() == 32) {
      s =
          s.substring(0, 8)
              + '-'
              + s.substring(8, 12)
              + '-'
              + s.substring(12, 16)
              + '-'
              + s.substring(16, 20)
              + '-'
              + s.substring(20);
    }
    return UUID.fromString(s);
  }
}
