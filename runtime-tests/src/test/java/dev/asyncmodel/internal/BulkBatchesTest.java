package dev.asyncmodel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How bulk methods cut their rows into statements: few sizes, so few prepared statements. */
class BulkBatchesTest {
  private static List<String> cut(int from, int count, int most) {
    List<String> batches = new ArrayList<>();
    for (int[] batch : Executor.batches(from, count, most)) {
      batches.add(batch[0] + "+" + batch[1]);
    }
    return batches;
  }

  @Test
  void fullBatchesThenThePowersOfTwoOfTheRest() {
    assertEquals(
        List.of("0+1024", "1024+1024", "2048+256", "2304+128", "2432+64", "2496+4"),
        cut(0, 2_500, 1_024));
  }

  @Test
  void fewerRowsThanABatchTakeTheirPowersOfTwo() {
    assertEquals(List.of("10+4", "14+2", "16+1"), cut(10, 7, 8));
    assertEquals(List.of("0+8"), cut(0, 8, 8));
    assertEquals(List.of("0+1", "1+1", "2+1"), cut(0, 3, 1));
  }

  @Test
  void noRowsNoStatement() {
    assertEquals(List.of(), cut(0, 0, 1_024));
  }
}
