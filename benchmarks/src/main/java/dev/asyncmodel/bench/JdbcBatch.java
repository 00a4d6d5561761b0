package dev.asyncmodel.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.asyncmodel.bench.model.Transaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The batch jobs on pgjdbc 42.7, the blocking stack users would pick instead. The bulk inserts run
 * on one connection with {@code reWriteBatchedInserts=true} and autocommit off, each in one
 * transaction; the job queue on HikariCP with one thread per worker.
 */
final class JdbcBatch {
  /** Rows per {@code executeBatch}, and per write of COPY's data. */
  static final int CHUNK = VertxBatch.CHUNK;

  private static final String COLUMNS =
      "\"user_id\", \"amount\", \"description\", \"category\", \"created_at\"";
  private static final String INSERT =
      "INSERT INTO \"transaction\" (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)";
  private static final String COPY =
      "COPY \"transaction\" (" + COLUMNS + ") FROM STDIN (FORMAT csv)";
  private static final String TAKE = JdbcImpl.jdbc(JobQueue.TAKE);
  private static final String MARK_DONE = JdbcImpl.jdbc(JobQueue.MARK_DONE);

  private final PgServer server;
  private final Connection bulk;
  private HikariDataSource pool;

  JdbcBatch(PgServer server) throws SQLException {
    this.server = server;
    Properties settings = new Properties();
    settings.setProperty("reWriteBatchedInserts", "true");
    this.bulk = server.connect(settings);
    bulk.setAutoCommit(false);
  }

  /**
   * @return addBatch per row, executeBatch every {@link #CHUNK} rows, asking for the ids: pgjdbc
   *     then sends one INSERT per row, and the run fails if it ever rewrites such a batch
   */
  BulkInsert batch() {
    return new BulkInsert(
        "jdbc-batch",
        "addBatch per row, executeBatch per 1,024, generated keys (\"id\"): pgjdbc sends one"
            + " INSERT ... RETURNING \"id\" per row, not rewritten",
        true,
        rows -> insertBatch(rows, true));
  }

  /**
   * @return the same batches without asking for ids: pgjdbc rewrites them into multi-row INSERTs,
   *     and the run fails if it does not
   */
  BulkInsert batchWithoutIds() {
    return new BulkInsert(
        "jdbc-batch-no-ids",
        "addBatch per row, executeBatch per 1,024, no keys: rewritten by pgjdbc into multi-row"
            + " INSERTs",
        false,
        rows -> insertBatch(rows, false));
  }

  /**
   * @return COPY FROM STDIN in CSV, written {@link #CHUNK} rows at a time
   */
  BulkInsert copy() {
    return new BulkInsert(
        "jdbc-copy", "COPY ... FROM STDIN (FORMAT csv), 1,024 rows per write", false, this::copy);
  }

  private static void bind(PreparedStatement s, Transaction t) throws SQLException {
    s.setLong(1, t.user().id());
    s.setBigDecimal(2, t.amount());
    s.setString(3, t.description());
    s.setString(4, t.category());
    s.setObject(5, t.createdAt().atOffset(ZoneOffset.UTC));
  }

  private long[] insertBatch(List<Transaction> rows, boolean withIds) throws SQLException {
    int n = rows.size();
    long[] ids = new long[withIds ? n : 0];
    int at = 0;
    try (PreparedStatement s =
        withIds
            ? bulk.prepareStatement(INSERT, new String[] {"id"})
            : bulk.prepareStatement(INSERT)) {
      int pending = 0;
      for (int i = 0; i < n; i++) {
        bind(s, rows.get(i));
        s.addBatch();
        if (++pending == CHUNK || i == n - 1) {
          checkCounts(s.executeBatch(), pending, withIds);
          pending = 0;
          if (withIds) {
            try (ResultSet keys = s.getGeneratedKeys()) {
              while (keys.next()) {
                ids[at++] = keys.getLong(1);
              }
            }
          }
        }
      }
      bulk.commit();
    } catch (SQLException | RuntimeException e) {
      bulk.rollback();
      throw e;
    }
    if (withIds && at != n) {
      throw new Data.CheckFailed("pgjdbc returned " + at + " generated keys for " + n + " rows");
    }
    return ids;
  }

  /**
   * What executeBatch says about each row tells whether pgjdbc rewrote the batch: 1 for a row
   * inserted by a statement of its own, {@code SUCCESS_NO_INFO} for a row of a rewritten, multi-row
   * statement.
   */
  private static void checkCounts(int[] counts, int rows, boolean withIds) {
    if (counts.length != rows) {
      throw new Data.CheckFailed("executeBatch of " + rows + " rows gave " + counts.length);
    }
    int expected = withIds ? 1 : Statement.SUCCESS_NO_INFO;
    for (int count : counts) {
      if (count != expected) {
        throw new Data.CheckFailed(
            "executeBatch "
                + (withIds ? "with" : "without")
                + " generated keys gave a count of "
                + count
                + " for a row, not "
                + expected
                + ": pgjdbc "
                + (withIds ? "rewrote" : "did not rewrite")
                + " the batch, and the table's description of it is wrong");
      }
    }
  }

  private long[] copy(List<Transaction> rows) throws SQLException {
    CopyIn in = bulk.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
    try {
      StringBuilder csv = new StringBuilder(CHUNK * 80);
      for (int i = 0; i < rows.size(); i++) {
        csvRow(csv, rows.get(i));
        if ((i + 1) % CHUNK == 0 || i == rows.size() - 1) {
          byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          csv.setLength(0);
        }
      }
      long copied = in.endCopy();
      if (copied != rows.size()) {
        throw new Data.CheckFailed("COPY stored " + copied + " rows of " + rows.size());
      }
      bulk.commit();
    } catch (SQLException | RuntimeException e) {
      if (in.isActive()) {
        in.cancelCopy();
      }
      bulk.rollback();
      throw e;
    }
    return new long[0];
  }

  /** Appends one row of COPY's CSV: every string quoted, so none is read as a null. */
  static void csvRow(StringBuilder csv, Transaction t) {
    csv.append(t.user().id()).append(',').append(t.amount().toPlainString()).append(',');
    csvQuoted(csv, t.description());
    csv.append(',');
    csvQuoted(csv, t.category());
    csv.append(',').append(t.createdAt()).append('\n');
  }

  /** Appends {@code value} in CSV's quotes, a quote inside doubled. */
  static void csvQuoted(StringBuilder csv, String value) {
    csv.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      csv.append(c);
      if (c == '"') {
        csv.append('"');
      }
    }
    csv.append('"');
  }

  /**
   * @param poolSize HikariCP's connections
   * @return a worker's step: {@link JobQueue#TAKE}, then {@link JobQueue#MARK_DONE} of the job
   *     taken, on a connection of the pool with autocommit off, then commit
   */
  JobQueue.Contender queue(int poolSize) {
    if (pool == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(server.jdbcUrl());
      config.setUsername(server.user());
      if (!server.password().isEmpty()) {
        config.setPassword(server.password());
      }
      config.setMaximumPoolSize(poolSize);
      config.setMinimumIdle(poolSize);
      config.setAutoCommit(false);
      config.setPoolName("bench-jobs-jdbc");
      pool = new HikariDataSource(config);
    }
    return new JobQueue.Contender("jdbc", (JobQueue.BlockingStep) this::takeOne);
  }

  private long takeOne() throws SQLException {
    try (Connection c = pool.getConnection()) {
      try {
        long id;
        try (PreparedStatement s = c.prepareStatement(TAKE)) {
          s.setString(1, JobQueue.QUEUED);
          try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
              c.commit();
              return 0;
            }
            id = JdbcImpl.map(rs).id();
          }
        }
        try (PreparedStatement s = c.prepareStatement(MARK_DONE)) {
          s.setString(1, JobQueue.DONE);
          s.setLong(2, id);
          s.setString(3, JobQueue.QUEUED);
          Data.checkOneRow("marking job " + id + " done", s.executeUpdate());
        }
        c.commit();
        return id;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * @param chunk the rows of each fetch
   * @return on the bulk inserts' connection, autocommit off: {@code prepareStatement(SQL)}, {@code
   *     setFetchSize(chunk)} (pgjdbc then reads through a portal, {@code chunk} rows at a time),
   *     every row mapped by hand to the record, then {@code commit()}
   */
  StreamJob.Body stream(int chunk) {
    return () -> {
      StreamJob.Tally tally = new StreamJob.Tally();
      try (PreparedStatement s = bulk.prepareStatement(StreamJob.SQL)) {
        s.setFetchSize(chunk);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            tally.add(JdbcImpl.map(rs));
          }
        }
        bulk.commit();
      } catch (SQLException | RuntimeException e) {
        bulk.rollback();
        throw e;
      }
      return tally;
    };
  }

  /** Closes its pools and connections. */
  void close() throws Exception {
    bulk.close();
    if (pool != null) {
      pool.close();
    }
  }
}
