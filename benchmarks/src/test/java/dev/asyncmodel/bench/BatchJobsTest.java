package dev.asyncmodel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.Ref;
import dev.asyncmodel.bench.model.Transaction;
import java.math.BigDecimal;
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
  void streamOptionsParse() {
    BatchJobs.Options o = BatchJobs.Options.parse("--quick", "--only", "stream", "--heap", "128m");
    assertEquals(100_000, o.streamRows);
    assertEquals(1_000, o.chunk);
    assertEquals("128m", o.heap);
    assertTrue(o.stream);
    assertFalse(o.insert);
    assertFalse(o.queue);
    assertEquals(BatchJobs.STREAM, o.chosen(BatchJobs.STREAM));
    BatchJobs.Options full = BatchJobs.Options.parse("--chunk=2000", "--impls", "vertx,jdbc");
    assertEquals(1_000_000, full.streamRows);
    assertEquals(2_000, full.chunk);
    assertTrue(full.insert && full.queue && full.stream);
    assertEquals(List.of("vertx", "jdbc"), full.chosen(BatchJobs.STREAM));
    assertThrows(Main.UsageException.class, () -> BatchJobs.Options.parse("--heap", "-1m"));
    assertThrows(Main.UsageException.class, () -> BatchJobs.Options.parse("--heap", "lots"));
    assertThrows(Main.UsageException.class, () -> BatchJobs.Options.parse("--chunk", "0"));
  }

  @Test
  void streamRunsTravelAsOneLine() {
    StreamJob.Result result =
        new StreamJob.Result(
            new BatchRun(1_000_000, 2_500_000_000L, 3_000_000_000L, -1, 7, new long[0]),
            25_000_000_000L,
            0,
            new HeapMeter.Heap(8 << 20, 150 << 20, -1, 31));
    StreamJob.Result back = StreamJob.Result.decode(result.encode());
    assertEquals(result.run().rows(), back.run().rows());
    assertEquals(result.run().nanos(), back.run().nanos());
    assertEquals(result.run().cpuNanos(), back.run().cpuNanos());
    assertEquals(-1, back.run().serverCpuNanos());
    assertEquals(7, back.run().machineCpuNanos());
    assertEquals(result.amountSum(), back.amountSum());
    assertEquals(result.heap(), back.heap());
    assertThrows(IllegalArgumentException.class, () -> StreamJob.Result.decode("1 2 3"));
    new StreamJob.Expected(1_000_000, 25_000_000_000L).check(back);
    assertThrows(
        Data.CheckFailed.class, () -> new StreamJob.Expected(999_999, 25_000_000_000L).check(back));
  }

  @Test
  void theTallyChecksEveryRow() {
    StreamJob.Tally tally = new StreamJob.Tally();
    for (long id = 1; id <= 3; id++) {
      tally.add(
          new Transaction(
              id,
              Ref.ofId(1L),
              BigDecimal.valueOf(id * 100 + 5, 2),
              "payment " + id,
              "food",
              StreamJob.EPOCH.plusSeconds(60 * id)));
    }
    assertEquals(3, tally.rows());
    assertEquals(105 + 205 + 305, tally.amountSum());
    assertEquals(0, tally.wrong());
    // Out of order, then the wrong scale.
    tally.add(
        new Transaction(
            9L,
            Ref.ofId(1L),
            new BigDecimal("1.00"),
            "x",
            "food",
            StreamJob.EPOCH.plusSeconds(540)));
    tally.add(
        new Transaction(
            10L,
            Ref.ofId(1L),
            new BigDecimal("1.0"),
            "x",
            "food",
            StreamJob.EPOCH.plusSeconds(600)));
    assertEquals(2, tally.wrong());
  }

  @Test
  void heapSizesAsXmxTakesThem() {
    assertEquals(256L << 20, BatchReport.heapBytes("256m"));
    assertEquals(1L << 30, BatchReport.heapBytes("1G"));
    assertEquals(4096, BatchReport.heapBytes("4k"));
    assertEquals(1000, BatchReport.heapBytes("1000"));
  }

  @Test
  void medianOfEvenAndOdd() {
    assertEquals(2.0, BatchReport.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, BatchReport.median(List.of(4.0, 1.0, 2.0, 3.0)));
  }
}
