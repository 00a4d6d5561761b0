package dev.asyncmodel.conformance.sqlite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.asyncmodel.Database;
import dev.asyncmodel.conformance.model.Transactions;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code sqlite::memory:}: one connection, which every statement takes in turn, so concurrent reads
 * and writes all see the one in-memory database.
 */
class SqliteInMemoryTest {
  @Test
  void anInMemoryDatabaseServesConcurrentReadsAndWrites() {
    Vertx vertx = Vertx.vertx();
    Database db = Database.connect(vertx, "sqlite::memory:");
    try {
      await(db.createTables(Transactions.model()));
      List<Future<User>> writes = new ArrayList<>();
      List<Future<Long>> reads = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        writes.add(Users.objects(db).acreate(new User(null, "user" + i)));
        reads.add(Users.objects(db).acount());
      }
      for (Future<User> write : writes) {
        await(write);
      }
      for (Future<Long> read : reads) {
        await(read);
      }
      assertEquals(20, await(Users.objects(db).acount()));
      assertEquals(
          1L,
          (long)
              await(
                  db.atomic(
                      tx ->
                          Users.objects(tx)
                              .filter(Users.USERNAME.eq("user7"))
                              .aupdate(Users.USERNAME.set("seven")))));
      assertEquals("seven", await(Users.objects(db).aget(Users.USERNAME.eq("seven"))).username());
    } finally {
      await(db.close());
      await(vertx.close());
    }
  }
}
