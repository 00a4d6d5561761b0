package dev.asyncmodel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.bench.model.Transaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch jobs' own logic, without a database. */
class BatchJobsTest {
  @Test
  void optionsParse() {
    BatchJobs.Options o =
        BatchJobs.Options.parse("--quick", "--only", "queue", "--impls=asyncmodel,jdbc");
    assertEquals(1, o.rounds);
    assertEquals(2_000, o.jobs);
    assertFalse(o.insert);
    assertTrue(o.queue);
    assertEquals(List.of("asyncmodel", "jdbc"), o.chosen(BatchJobs.QUEUE));
    assertEquals(List.of("asyncmodel"), o.chosen(BatchJobs.INSERTS));
    assertEquals(BatchJobs.INSERTS, BatchJobs.Options.parse().chosen(BatchJobs.INSERTS));
    assertThrows(Main.UsageException.class, () -> BatchJobs.Options.parse("--only", "both"));
    assertThrows(Main.UsageException.class, () -> BatchJobs.Options.parse("--impls", "hibernate"));
    assertThrows(Main.UsageException.class, () -> BatchJobs.Options.parse("--workers", "0"));
  }

  @Test
  void handWrittenMultiRowInsertIsAsyncmodelsStatement() {
    // docs/data-at-scale.md, the PostgreSQL statement for two new rows.
    assertEquals(
        "INSERT INTO \"transaction\" (\"user_id\", \"amount\", \"description\", \"category\","
            + " \"created_at\") VALUES ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10) RETURNING \"id\"",
        VertxBatch.multiRowInsert(2));
  }

  @Test
  void copyCsvQuotesEveryString() {
    List<Transaction> rows = BulkInsert.rows(1000);
    StringBuilder csv = new StringBuilder();
    JdbcBatch.csvRow(csv, rows.get(999));
    assertEquals(
        "100,190.00,\"bulk 1000, \"\"ünïcödé\"\"\",\"food\",2024-01-01T16:40:00Z\n",
        csv.toString());
    csv.setLength(0);
    JdbcBatch.csvQuoted(csv, "");
    assertEquals("\"\"", csv.toString());
  }

  @Test
  void theRowsAreTheSameEveryTime() {
    List<Transaction> rows = BulkInsert.rows(3);
    assertEquals(rows, BulkInsert.rows(3));
    assertEquals(1L, rows.get(0).user().id());
    assertEquals("79.19", rows.get(0).amount().toPlainString());
    assertEquals("bulk 3", rows.get(2).description());
  }

  @Test
  void medianOfEvenAndOdd() {
    assertEquals(2.0, BatchReport.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, BatchReport.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }
}
