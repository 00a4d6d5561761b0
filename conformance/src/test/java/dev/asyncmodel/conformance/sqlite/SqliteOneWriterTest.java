package dev.asyncmodel.conformance.sqlite;

import static dev.asyncmodel.conformance.fixture.Await.await;
import static dev.asyncmodel.conformance.fixture.Await.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.conformance.fixture.Backend;
import dev.asyncmodel.conformance.fixture.ConformanceTest;
import dev.asyncmodel.conformance.fixture.SqliteBackend;
import dev.asyncmodel.conformance.model.User;
import dev.asyncmodel.conformance.model.Users;
import org.junit.jupiter.api.Test;

/**
 * SQLite has one writer, which an atomic block holds until it ends. A write through the outer
 * Database from inside the block can only run after the block, which waits for it: instead of
 * hanging, it fails after SQLite's busy timeout, and the block rolls back.
 */
class SqliteOneWriterTest extends ConformanceTest {
  @Override
  protected Backend backend() {
    return SqliteBackend.get();
  }

  @Test
  void aWriteThroughTheOuterDatabaseInsideABlockFailsInsteadOfHanging() {
    DatabaseException busy =
        failure(
            db.atomic(
                tx ->
                    Users.objects(tx)
                        .acreate(new User(null, "inside"))
                        .compose(u -> Users.objects(db).acreate(new User(null, "outside")))),
            DatabaseException.class);
    assertTrue(busy.getMessage().contains("database is locked"), busy.getMessage());
    assertEquals(0, await(Users.objects(db).acount()), "the block rolled back");
    assertEquals("after", await(Users.objects(db).acreate(new User(null, "after"))).username());
  }
}
