package dev.asyncmodel.bench;

import dev.asyncmodel.Ref;
import dev.asyncmodel.bench.model.Transaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One contender of the bulk insert ({@link BatchJobs}): a way to store the same list of new
 * transactions in one transaction.
 *
 * @param name its name in the table
 * @param statements what it sends, for the table
 * @param returnsIds whether it gives back the id of each row
 * @param body the insert
 */
record BulkInsert(String name, String statements, boolean returnsIds, Body body) {
  /** The insert itself, timed from its call to its return. */
  @FunctionalInterface
  interface Body {
    /**
     * Inserts the rows in one transaction and commits.
     *
     * @param rows the records, without ids
     * @return the id of each row, in the order of {@code rows}; empty when the contender returns
     *     none
     * @throws Exception when the insert failed
     */
    long[] insert(List<Transaction> rows) throws Exception;
  }

  /** The rows' first {@code created_at}: row {@code i} was created {@code i} minutes later. */
  static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  /**
   * @param i the row's number, from 1
   * @return its description: unique, and every 1,000th has a comma, quotes and non-ASCII letters,
   *     which COPY's CSV must carry
   */
  static String description(int i) {
    return i % 1000 == 0 ? "bulk " + i + ", \"ünïcödé\"" : "bulk " + i;
  }

  /**
   * The rows every contender inserts: row {@code i} belongs to user {@code (i - 1) % 100 + 1}, as
   * in the base data, with an amount of scale 2 and a {@code created_at} of its own, so that
   * asyncmodel stores it as given.
   *
   * @param n how many
   * @return the records, without ids
   */
  static List<Transaction> rows(int n) {
    List<Transaction> rows = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      rows.add(
          new Transaction(
              null,
              Ref.ofId(Data.userOf(i)),
              BigDecimal.valueOf((i * 7919L) % 100_000, 2),
              description(i),
              Data.CATEGORIES.get(i % Data.CATEGORIES.size()),
              EPOCH.plusSeconds(60L * i)));
    }
    return List.copyOf(rows);
  }

  /**
   * Empties the table and restarts its ids (not timed), so that every run starts from the same
   * table.
   */
  static void truncate(Connection admin) throws SQLException {
    try (Statement s = admin.createStatement()) {
      s.execute("TRUNCATE \"transaction\" RESTART IDENTITY");
    }
  }

  /**
   * Reads the table back (not timed) and checks that it holds exactly {@code rows}, each with the
   * values given, and that each returned id is the id of the row inserted from that record.
   *
   * @param ids what the contender returned: one id per row, or none
   * @throws Data.CheckFailed when it does not
   */
  static void verify(Connection admin, List<Transaction> rows, long[] ids) throws SQLException {
    if (ids.length != 0 && ids.length != rows.size()) {
      throw new Data.CheckFailed(ids.length + " ids returned for " + rows.size() + " rows");
    }
    Map<String, Integer> byDescription = new HashMap<>(rows.size() * 2);
    for (int i = 0; i < rows.size(); i++) {
      byDescription.put(rows.get(i).description(), i);
    }
    boolean[] seen = new boolean[rows.size()];
    int count = 0;
    try (Statement s = admin.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT \"id\", \"user_id\", \"amount\", \"description\", \"category\","
                  + " \"created_at\" FROM \"transaction\"")) {
        while (rs.next()) {
          count++;
          long id = rs.getLong(1);
          String description = rs.getString(4);
          Integer index = byDescription.get(description);
          if (index == null || seen[index]) {
            throw new Data.CheckFailed(
                "row " + id + " (" + description + ") was not inserted once from the list");
          }
          seen[index] = true;
          Transaction expected = rows.get(index);
          BigDecimal amount = rs.getBigDecimal(3);
          if (rs.getLong(2) != expected.user().id()
              || amount.scale() != 2
              || amount.compareTo(expected.amount()) != 0
              || !rs.getString(5).equals(expected.category())
              || !rs.getObject(6, OffsetDateTime.class).toInstant().equals(expected.createdAt())) {
            throw new Data.CheckFailed("row " + id + " does not hold " + expected);
          }
          if (ids.length != 0 && ids[index] != id) {
            throw new Data.CheckFailed(
                "record " + index + " was given id " + ids[index] + ", but its row is " + id);
          }
        }
      }
    }
    if (count != rows.size()) {
      throw new Data.CheckFailed("the table holds " + count + " rows, not " + rows.size());
    }
  }
}
