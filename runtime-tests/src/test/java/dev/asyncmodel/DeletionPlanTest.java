package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.internal.Deletion;
import dev.asyncmodel.internal.Deletion.Kind;
import dev.asyncmodel.internal.Deletion.Step;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.Session;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.RowReader;
import dev.asyncmodel.testmodels.Authors;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Loans;
import dev.asyncmodel.testmodels.Members;
import dev.asyncmodel.testmodels.Offline;
import dev.asyncmodel.testmodels.Reviews;
import io.vertx.core.Future;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What {@code adelete} runs: Django's deletion collector as SQL. PROTECT checks first, then
 * SET_NULL updates, then the deletes, the deepest referencing rows first. The models: Book
 * references Author (CASCADE), Review references Book (CASCADE), Loan references Book (PROTECT),
 * Member references Review (SET_NULL).
 */
class DeletionPlanTest {
  private static final String AUTHORS_NAMED = "SELECT \"id\" FROM \"author\" WHERE \"name\" = $1";
  private static final String BOOKS_OF_AUTHORS =
      "SELECT \"id\" FROM \"book\" WHERE \"author_id\" IN (" + AUTHORS_NAMED + ")";
  private static final String REVIEWS_OF_BOOKS =
      "SELECT \"id\" FROM \"review\" WHERE \"book_id\" IN (" + BOOKS_OF_AUTHORS + ")";

  private static Deletion plan(QuerySet<?, ?> qs) {
    return Deletion.plan(Rendered.PG, Rendered.query(qs));
  }

  private static Deletion authorsNamedAnn() {
    return plan(Authors.objects(Offline.DATABASE).filter(Authors.NAME.eq("Ann")));
  }

  @Test
  void cascadeFromAuthorChecksProtectsThenNullifiesThenDeletesDeepestFirst() {
    List<Step> steps = authorsNamedAnn().steps();
    assertEquals(
        List.of(Kind.CHECK, Kind.NULLIFY, Kind.DELETE, Kind.DELETE, Kind.DELETE),
        steps.stream().map(Step::kind).toList());
    assertEquals(
        List.of("Loan", "Member", "Review", "Book", "Author"),
        steps.stream().map(Step::model).toList());
    assertEquals(
        List.of(
            "SELECT 1 FROM \"loan\" WHERE \"book_id\" IN (" + BOOKS_OF_AUTHORS + ") LIMIT 1",
            "UPDATE \"user\" SET \"favorite_id\" = NULL WHERE \"favorite_id\" IN ("
                + REVIEWS_OF_BOOKS
                + ")",
            "DELETE FROM \"review\" WHERE \"book_id\" IN (" + BOOKS_OF_AUTHORS + ")",
            "DELETE FROM \"book\" WHERE \"author_id\" IN (" + AUTHORS_NAMED + ")",
            "DELETE FROM \"author\" WHERE \"name\" = $1"),
        steps.stream().map(Step::sql).toList());
  }

  @Test
  void checkAndNullifyStepsNameTheirForeignKey() {
    List<Step> steps = authorsNamedAnn().steps();
    assertSame(Loans.BOOK, steps.get(0).ref());
    assertSame(Members.FAVORITE, steps.get(1).ref());
    assertNull(steps.get(2).ref());
  }

  @Test
  void cascadeFromBookStartsTheChainsAtBook() {
    List<Step> steps = plan(Books.objects(Offline.DATABASE).filter(Books.ID.eq(5L))).steps();
    String booksById = "SELECT \"id\" FROM \"book\" WHERE \"id\" = $1";
    assertEquals(
        List.of(
            "SELECT 1 FROM \"loan\" WHERE \"book_id\" IN (" + booksById + ") LIMIT 1",
            "UPDATE \"user\" SET \"favorite_id\" = NULL WHERE \"favorite_id\" IN (SELECT \"id\""
                + " FROM \"review\" WHERE \"book_id\" IN ("
                + booksById
                + "))",
            "DELETE FROM \"review\" WHERE \"book_id\" IN (" + booksById + ")",
            "DELETE FROM \"book\" WHERE \"id\" = $1"),
        steps.stream().map(Step::sql).toList());
  }

  @Test
  void unfilteredDeleteSelectsEveryRowInSubqueries() {
    List<Step> steps = plan(Reviews.objects(Offline.DATABASE)).steps();
    assertEquals(
        List.of(
            "UPDATE \"user\" SET \"favorite_id\" = NULL WHERE \"favorite_id\" IN (SELECT \"id\""
                + " FROM \"review\" WHERE 1 = 1)",
            "DELETE FROM \"review\""),
        steps.stream().map(Step::sql).toList());
  }

  @Test
  void modelWithoutDependentsIsDeletedInExactlyOneStatement() {
    List<Step> steps = plan(Members.objects(Offline.DATABASE).filter(Members.ORDER.gt(3))).steps();
    assertEquals(1, steps.size());
    assertEquals(Kind.DELETE, steps.get(0).kind());
    assertEquals("Member", steps.get(0).model());
    assertEquals("DELETE FROM \"user\" WHERE \"order\" > $1", steps.get(0).sql());
    assertEquals(
        List.of("DELETE FROM \"loan\""),
        plan(Loans.objects(Offline.DATABASE)).steps().stream().map(Step::sql).toList());
  }

  @Test
  void planOfTheSameShapeIsRenderedOnce() {
    assertSame(
        authorsNamedAnn().steps(),
        plan(Authors.objects(Offline.DATABASE).filter(Authors.NAME.eq("Bo"))).steps());
  }

  // ---------------------------------------------------------------------------------------------
  // Running a plan, on a session that records statements.

  @Test
  void runBindsTheRootValuesToEveryStatementAndCountsDeletedRowsPerModel() {
    RecordingSession session = new RecordingSession();
    session.rowsFound = 0;
    session.rowsChanged.put("Member", 4L);
    session.rowsChanged.put("Review", 3L);
    session.rowsChanged.put("Book", 2L);
    session.rowsChanged.put("Author", 1L);

    Future<DeleteResult> result = authorsNamedAnn().run(session);

    assertTrue(result.succeeded(), () -> String.valueOf(result.cause()));
    assertEquals(6L, result.result().count());
    assertEquals(
        List.of(Map.entry("Review", 3L), Map.entry("Book", 2L), Map.entry("Author", 1L)),
        List.copyOf(result.result().perModel().entrySet()));
    assertEquals(5, session.statements.size());
    for (Statement statement : session.statements) {
      assertEquals(List.of("Ann"), statement.params(), statement.sql());
    }
  }

  @Test
  void runLeavesModelsThatLostNoRowsOutOfTheCounts() {
    RecordingSession session = new RecordingSession();
    session.rowsChanged.put("Author", 1L);

    DeleteResult result = authorsNamedAnn().run(session).result();

    assertEquals(new DeleteResult(1L, Map.of("Author", 1L)), result);
  }

  @Test
  void runFailsWithProtectedExceptionAndStopsWhenAProtectedRowExists() {
    RecordingSession session = new RecordingSession();
    session.rowsFound = 1;

    Future<DeleteResult> result = authorsNamedAnn().run(session);

    assertTrue(result.failed());
    ProtectedException e = assertInstanceOf(ProtectedException.class, result.cause());
    assertTrue(e.getMessage().contains("Author"), e.getMessage());
    assertTrue(e.getMessage().contains("Loan.book"), e.getMessage());
    assertEquals(1, session.statements.size(), "only the PROTECT check ran");
  }

  /** A session that records each statement and answers from canned row counts, without I/O. */
  private static final class RecordingSession implements Session {
    private static final RowReader NO_COLUMNS =
        (RowReader)
            Proxy.newProxyInstance(
                RowReader.class.getClassLoader(),
                new Class<?>[] {RowReader.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                });

    final List<Statement> statements = new ArrayList<>();
    final Map<String, Long> rowsChanged = new LinkedHashMap<>();
    int rowsFound;

    @Override
    public @Nullable IllegalStateException unusable() {
      return null;
    }

    @Override
    public Dialect dialect() {
      return Rendered.PG;
    }

    @Override
    public Session withDeadline(dev.asyncmodel.internal.Deadline deadline) {
      return this;
    }

    @Override
    public <R, X> Future<X> select(
        Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
      statements.add(statement);
      return Future.succeededFuture(
          finish.apply(Collections.nCopies(rowsFound, mapper.apply(NO_COLUMNS))));
    }

    @Override
    public <X> Future<X> update(Statement statement, Function<Long, X> finish) {
      statements.add(statement);
      return Future.succeededFuture(finish.apply(rowsChanged.getOrDefault(statement.model(), 0L)));
    }

    @Override
    public <X> Future<X> insert(Statement statement, Function<Long, X> finish) {
      throw new UnsupportedOperationException("insert");
    }

    @Override
    public <R, X> Future<X> writeReturning(
        Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
      throw new UnsupportedOperationException("a deletion returns no row");
    }

    @Override
    public <R> dev.asyncmodel.internal.ChunkSource<R> stream(
        Statement statement, Function<RowReader, R> mapper, int chunkSize) {
      throw new UnsupportedOperationException("a deletion streams no row");
    }

    @Override
    public <R, X> Future<X> selectByName(
        Statement statement,
        Function<List<String>, Function<RowReader, R>> mappers,
        Function<List<R>, X> finish) {
      throw new UnsupportedOperationException("a deletion reads no row by name");
    }

    @Override
    public <T> Future<T> atomic(
        dev.asyncmodel.TransactionOptions options, Function<Session, Future<T>> block) {
      return Session.call(block, this);
    }

    @Override
    public <T> Future<T> atomic(Function<Session, Future<T>> block) {
      return Session.call(block, this);
    }

    @Override
    public boolean inTransaction() {
      return false;
    }
  }
}
