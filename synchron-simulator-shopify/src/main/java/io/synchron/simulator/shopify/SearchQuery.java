package io.synchron.simulator.shopify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The subset of Shopify's search syntax the simulator understands: {@code field:value} terms with
 * bare or quoted values, range comparators ({@code field:>value}, {@code >=}, {@code <}, {@code
 * <=}) for date fields, implicit or explicit {@code AND}, {@code OR} (binding looser than AND),
 * negation with {@code -} or {@code NOT}, and a trailing {@code *} for prefix matches. Free text
 * and parentheses are refused with an error rather than silently ignored.
 */
final class SearchQuery {

  /**
   * One {@code field:value} term.
   *
   * @param comparator {@code ""} for a plain match, else one of {@code >}, {@code >=}, {@code <},
   *     {@code <=}
   */
  record Term(String field, String value, boolean negated, String comparator) {

    /** Case-insensitive equality, or a prefix match when the value ends with {@code *}. */
    boolean matches(String actual) {
      if (actual == null) {
        return false;
      }
      if (!comparator.isEmpty()) {
        throw new SimulatorGraphQlException(
            SimulatorGraphQlException.BAD_REQUEST,
            "search filter '" + field + "' does not take a range comparator");
      }
      if (value.endsWith("*")) {
        String prefix = value.substring(0, value.length() - 1).toLowerCase(Locale.ROOT);
        return actual.toLowerCase(Locale.ROOT).startsWith(prefix);
      }
      return actual.equalsIgnoreCase(value);
    }

    /**
     * Compares a timestamp with this term's date or date-time value. A bare date stands for that
     * whole UTC day: {@code :2026-11-26} matches the day, {@code :>2026-11-26} starts after it and
     * {@code :<2026-11-26} ends before it.
     */
    boolean matches(Instant actual) {
      if (actual == null) {
        return false;
      }
      Instant start;
      Instant end;
      try {
        LocalDate day = LocalDate.parse(value);
        start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        end = start.plus(1, ChronoUnit.DAYS);
      } catch (DateTimeParseException notADate) {
        start = dateTime(value);
        end = start.plusNanos(1);
      }
      return switch (comparator) {
        case ">" -> !actual.isBefore(end);
        case ">=" -> !actual.isBefore(start);
        case "<" -> actual.isBefore(start);
        case "<=" -> actual.isBefore(end);
        default -> !actual.isBefore(start) && actual.isBefore(end);
      };
    }

    private Instant dateTime(String text) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notOffset) {
        try {
          return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notLocal) {
          throw new SimulatorGraphQlException(
              SimulatorGraphQlException.BAD_REQUEST,
              "search filter '" + field + "' needs a date or date-time, not '" + text + "'");
        }
      }
    }
  }

  private final List<List<Term>> disjuncts;

  private SearchQuery(List<List<Term>> disjuncts) {
    this.disjuncts = disjuncts;
  }

  static SearchQuery parse(String query) {
    List<List<Term>> disjuncts = new ArrayList<>();
    List<Term> current = new ArrayList<>();
    int i = 0;
    boolean negateNext = false;
    String text = query == null ? "" : query;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '(' || c == ')') {
        throw unsupported("parentheses are not supported in search queries: " + text);
      }
      int wordEnd = i;
      while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
        wordEnd++;
      }
      String word = text.substring(i, wordEnd);
      if (word.equals("OR")) {
        if (!current.isEmpty()) {
          disjuncts.add(current);
          current = new ArrayList<>();
        }
        i = wordEnd;
        continue;
      }
      if (word.equals("AND")) {
        i = wordEnd;
        continue;
      }
      if (word.equals("NOT")) {
        negateNext = true;
        i = wordEnd;
        continue;
      }
      boolean negated = negateNext;
      negateNext = false;
      if (c == '-') {
        negated = true;
        i++;
      }
      int colon = text.indexOf(':', i);
      if (colon < 0 || colon > wordEnd || colon == i) {
        throw unsupported(
            "free-text search terms are not supported by the simulator: '" + word + "'");
      }
      String field = text.substring(i, colon).toLowerCase(Locale.ROOT);
      i = colon + 1;
      String comparator = "";
      if (text.startsWith(">=", i) || text.startsWith("<=", i)) {
        comparator = text.substring(i, i + 2);
        i += 2;
      } else if (i < text.length() && (text.charAt(i) == '>' || text.charAt(i) == '<')) {
        comparator = text.substring(i, i + 1);
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < text.length() && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
        char quote = text.charAt(i++);
        boolean closed = false;
        while (i < text.length()) {
          char v = text.charAt(i++);
          if (v == '\\' && i < text.length()) {
            value.append(text.charAt(i++));
          } else if (v == quote) {
            closed = true;
            break;
          } else {
            value.append(v);
          }
        }
        if (!closed) {
          throw new SimulatorGraphQlException(
              SimulatorGraphQlException.BAD_REQUEST, "unterminated quote in search query: " + text);
        }
      } else {
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          value.append(text.charAt(i++));
        }
      }
      current.add(new Term(field, value.toString(), negated, comparator));
    }
    if (!current.isEmpty()) {
      disjuncts.add(current);
    }
    return new SearchQuery(disjuncts);
  }

  /**
   * A predicate over {@code T}; {@code termMatcher} builds the positive predicate of one term and
   * throws {@link SimulatorGraphQlException} for fields it does not support.
   */
  <T> Predicate<T> toPredicate(Function<Term, Predicate<T>> termMatcher) {
    if (disjuncts.isEmpty()) {
      return item -> true;
    }
    List<Predicate<T>> ors = new ArrayList<>();
    for (List<Term> conjunct : disjuncts) {
      Predicate<T> and = item -> true;
      for (Term term : conjunct) {
        Predicate<T> positive = termMatcher.apply(term);
        and = and.and(term.negated() ? positive.negate() : positive);
      }
      ors.add(and);
    }
    return item -> ors.stream().anyMatch(p -> p.test(item));
  }

  static SimulatorGraphQlException unsupportedField(String field, String connection) {
    return unsupported(
        "search filter '" + field + "' on " + connection + " is not supported by the simulator");
  }

  private static SimulatorGraphQlException unsupported(String message) {
    return new SimulatorGraphQlException(SimulatorGraphQlException.NOT_IMPLEMENTED, message);
  }
}
