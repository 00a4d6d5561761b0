package dev.asyncmodel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.asyncmodel.bench.model.Transactions;
import dev.asyncmodel.bench.model.Users;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness's own logic, without a database: the benchmark itself never runs during {@code mvn
 * verify}.
 */
class HarnessTest {
  @Test
  void modelsAreOnTheContractsTables() {
    assertEquals("auth_user", Users.model().table());
    assertEquals("transaction", Transactions.model().table());
    assertEquals("user_id", Transactions.USER.column());
  }

  @Test
  void optionsParse() {
    Main.Options o = Main.Options.parse("--quick", "--impls=asyncmodel,vertx", "--ops", "get");
    assertEquals(1, o.rounds);
    assertEquals(List.of("asyncmodel", "vertx"), o.impls);
    assertEquals(List.of(Op.GET), o.ops);
    assertEquals(16, o.jdbcThreads);
    assertThrows(Main.UsageException.class, () -> Main.Options.parse("--impls", "hibernate"));
    assertThrows(Main.UsageException.class, () -> Main.Options.parse("--rounds", "0"));
  }

  @Test
  void jdbcStatementsAreTheSameSql() {
    assertEquals(
        "UPDATE \"transaction\" SET \"amount\" = ? WHERE \"id\" = ?",
        JdbcImpl.jdbc(VertxImpl.UPDATE));
  }

  @Test
  void quantilesAreNearestRank() {
    assertEquals(49, Stats.quantileIndex(100, 0.50));
    assertEquals(98, Stats.quantileIndex(100, 0.99));
    assertEquals(0, Stats.quantileIndex(1, 0.99));
  }

  @Test
  void checksRejectWrongResults() {
    Data.Request r = new Data.Request(101, 1, new BigDecimal("1.00"), "food", 0);
    assertEquals(1000L, Data.checkCount(r, 1000));
    assertThrows(Data.CheckFailed.class, () -> Data.checkCount(r, 999));
    assertThrows(Data.CheckFailed.class, () -> Data.checkOneRow("delete", 0));
    assertThrows(Data.CheckFailed.class, () -> Data.checkLatest(r, List.of()));
    assertEquals(1L, Data.userOf(101));
  }

  @Test
  void serverProcessTitles() {
    assertEquals(
        "asyncmodel_bench",
        ProcCpu.clientDatabase(
            "postgres: 15/main: postgres asyncmodel_bench 127.0.0.1(4242) idle"));
    assertEquals("test", ProcCpu.clientDatabase("postgres: app test [local] SELECT"));
    assertEquals(null, ProcCpu.clientDatabase("postgres: 15/main: checkpointer"));
    assertEquals(null, ProcCpu.clientDatabase("postgres: autovacuum worker asyncmodel_bench"));
  }
}
