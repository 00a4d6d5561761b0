package dev.asyncmodel.bench;

import dev.asyncmodel.bench.model.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The streaming job ({@link BatchJobs}): every row of {@code "transaction"}, in id order, read
 * through a cursor a chunk at a time by a consumer that touches every row. Each contender runs in a
 * JVM of its own with the same heap ({@link StreamChild}), which measures the run's heap ({@link
 * HeapMeter}) besides its time.
 */
final class StreamJob {
  private StreamJob() {}

  /** The query: the one {@code Transactions.objects(db).orderBy(ID.asc())} runs. */
  static final String SQL =
      "SELECT " + VertxImpl.COLUMNS + " FROM \"transaction\" ORDER BY \"id\" ASC";

  /** The {@code created_at} of id 0: row {@code g} was created {@code g} minutes later. */
  static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  /** The contender itself: what a run times. */
  @FunctionalInterface
  interface Body {
    /**
     * Reads every row of the query and hands each, as a {@link Transaction}, to a new {@link
     * Tally}.
     *
     * @return the tally, once the stream has ended and its transaction committed
     * @throws Exception when the stream failed
     */
    Tally stream() throws Exception;
  }

  /** The consumer: it counts the rows, sums their amounts and checks each row's id and time. */
  static final class Tally {
    private long rows;
    private long amountSum;
    private long wrong;
    private long lastId;

    /** Takes one row. */
    void add(Transaction t) {
      rows++;
      long id = t.id();
      Instant created = t.createdAt();
      if (id != lastId + 1
          || t.amount().scale() != 2
          || created.getEpochSecond() != EPOCH.getEpochSecond() + 60 * id
          || created.getNano() != 0) {
        wrong++;
      }
      lastId = id;
      amountSum += t.amount().unscaledValue().longValue();
    }

    long rows() {
      return rows;
    }

    /**
     * @return the amounts' unscaled values (amount × 100) summed
     */
    long amountSum() {
      return amountSum;
    }

    /**
     * @return the rows out of id order, or with an amount not of scale 2, or the wrong time
     */
    long wrong() {
      return wrong;
    }
  }

  /**
   * What every run must read.
   *
   * @param rows the table's rows
   * @param amountSum their amounts × 100, summed
   */
  record Expected(long rows, long amountSum) {
    /**
     * @throws Data.CheckFailed when the run read other rows
     */
    void check(Result result) {
      if (result.run().rows() != rows || result.amountSum() != amountSum || result.wrong() != 0) {
        throw new Data.CheckFailed(
            "read "
                + result.run().rows()
                + " rows summing to "
                + result.amountSum()
                + " with "
                + result.wrong()
                + " out of order or wrong; the table has "
                + rows
                + " rows summing to "
                + amountSum);
      }
    }
  }

  /**
   * Empties the table and fills it with {@code rows} rows, ids 1 to {@code rows} ({@link
   * Schema#insertTransactions}), then {@code VACUUM ANALYZE}, so that no run sets hint bits or
   * reads a table the planner does not know (not timed; once for every run).
   *
   * @return what every run must read, as the server counts it
   */
  static Expected fill(Connection admin, int rows) throws SQLException {
    BulkInsert.truncate(admin);
    Schema.insertTransactions(admin, rows);
    try (Statement s = admin.createStatement()) {
      s.execute("VACUUM ANALYZE \"transaction\"");
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), coalesce(sum(\"amount\" * 100), 0)::bigint, min(\"id\"),"
                  + " max(\"id\") FROM \"transaction\"")) {
        rs.next();
        if (rs.getLong(1) != rows || rs.getLong(3) != 1 || rs.getLong(4) != rows) {
          throw new Data.CheckFailed(
              "the table holds "
                  + rs.getLong(1)
                  + " rows, ids "
                  + rs.getLong(3)
                  + " to "
                  + rs.getLong(4)
                  + ", not 1 to "
                  + rows);
        }
        return new Expected(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  /**
   * @return the top of the query's plan, as {@code EXPLAIN} gives it for a prepared statement
   */
  static String plan(Connection admin) throws SQLException {
    try (PreparedStatement s = admin.prepareStatement("EXPLAIN " + SQL);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getString(1).trim().replaceAll(" +\\(cost=.*", "");
    }
  }

  /**
   * One run, as the child JVM reports it.
   *
   * @param run the time and CPU, with the rows read
   * @param amountSum the consumer's sum of the amounts × 100
   * @param wrong the rows the consumer found out of order or wrong
   * @param heap the child's heap during the run
   */
  record Result(BatchRun run, long amountSum, long wrong, HeapMeter.Heap heap) {
    /**
     * @return the run as one line of numbers
     */
    String encode() {
      long[] values = {
        run.rows(),
        run.nanos(),
        run.cpuNanos(),
        run.serverCpuNanos(),
        run.machineCpuNanos(),
        amountSum,
        wrong,
        heap.before(),
        heap.peakUsed(),
        heap.mostAfterGc(),
        heap.collections()
      };
      List<String> words = new ArrayList<>(values.length);
      for (long value : values) {
        words.add(Long.toString(value));
      }
      return String.join(" ", words);
    }

    /**
     * @param line what {@link #encode()} made
     * @return the run
     * @throws IllegalArgumentException when the line is not a run
     */
    static Result decode(String line) {
      String[] words = line.split(" ");
      if (words.length != 11) {
        throw new IllegalArgumentException("not a streaming run: " + line);
      }
      long[] v = new long[words.length];
      for (int i = 0; i < words.length; i++) {
        try {
          v[i] = Long.parseLong(words[i]);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a streaming run: " + line, e);
        }
      }
      return new Result(
          new BatchRun(v[0], v[1], v[2], v[3], v[4], new long[0]),
          v[5],
          v[6],
          new HeapMeter.Heap(v[7], v[8], v[9], v[10]));
    }
  }

  /**
   * @param heap the heap of every child, as {@code -Xmx} takes it
   * @return the child JVMs' options: a fixed heap of that size, the same for every contender, G1,
   *     and an exit at the first OutOfMemoryError
   */
  static List<String> jvmOptions(String heap) {
    return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
  }

  /**
   * @param what a contender, or {@code list} for the {@code aall()} measurement
   * @return the command line of its JVM ({@link StreamChild})
   */
  static List<String> command(String what, BatchJobs.Options o, String database) {
    return ChildJvm.javaCommand(
        jvmOptions(o.heap),
        StreamChild.class.getName(),
        List.of(what, database, Integer.toString(o.chunk), Integer.toString(o.poolSize)));
  }
}
