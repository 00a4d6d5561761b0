package dev.asyncmodel.internal;

import dev.asyncmodel.DeleteResult;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.ProtectedException;
import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ModelMeta;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The statements of one {@code adelete}, as Django's deletion collector would run them, but in SQL:
 * rows of other models that reference the deleted rows are selected by nested {@code IN (SELECT
 * ...)} subqueries, so no id is ever read into memory. Order: every {@link OnDelete#PROTECT} check,
 * then every {@link OnDelete#SET_NULL} update, then the deletes, referencing rows first.
 */
public final class Deletion {
  /** What a step does. */
  public enum Kind {
    /** Fails the delete with {@link ProtectedException} when it finds a row. */
    CHECK,
    /** Sets referencing foreign keys to NULL. */
    NULLIFY,
    /** Deletes rows; its count goes into the result. */
    DELETE
  }

  /**
   * One statement.
   *
   * @param kind what it does
   * @param sql its text; every step binds the same values, the root query's
   * @param model the model whose table it reads or writes
   * @param ref the foreign key a CHECK or NULLIFY is about
   */
  public record Step(Kind kind, String sql, String model, @Nullable RefField<?, ?> ref) {}

  private final List<Step> steps;
  private final List<Object> params;
  private final String model;

  private Deletion(List<Step> steps, List<Object> params, String model) {
    this.steps = steps;
    this.params = params;
    this.model = model;
  }

  /**
   * @return the values every step binds: the deleted query's
   */
  public List<Object> params() {
    return params;
  }

  /**
   * @return the statements, in the order they run
   */
  public List<Step> steps() {
    return steps;
  }

  /**
   * The statements that delete the query's rows and apply every {@link OnDelete} rule that
   * references them; cached per query shape, like a query's SQL.
   *
   * @param dialect the database's dialect
   * @param root the rows to delete
   * @param <T> the model
   * @return the plan
   */
  public static <T extends Record> Deletion plan(Dialect dialect, Query<T> root) {
    List<Object> params = new ArrayList<>(root.where().size());
    Shape shape = Shape.probe(root.model(), Shape.DELETE);
    Compiler.shapeWhere(root, shape, params, dialect);
    // A model loaded later may add a foreign key to this one: a new plan.
    shape.add(Shape.RELATIONS, ModelMeta.relationsVersion());
    List<Step> steps = dialect.cached(shape);
    if (steps == null) {
      Shape key = shape.key();
      Planner<T> planner = new Planner<>(dialect, root);
      planner.visit(root.model(), new ArrayList<>(), new ArrayList<>());
      List<Step> all = new ArrayList<>(planner.checks);
      all.addAll(planner.nullifies);
      all.addAll(planner.deletes);
      steps = dialect.cache(key, List.copyOf(all));
    }
    return new Deletion(steps, params, root.model().name());
  }

  /**
   * Runs the plan: in a transaction when it has more than one step (the caller opens it).
   *
   * @param session where it runs
   * @return the total and per-model counts
   */
  public Future<DeleteResult> run(Session session) {
    if (steps.size() == 1 && steps.get(0).kind() == Kind.DELETE) {
      // Nothing references the model: one DELETE, its count the result.
      Step step = steps.get(0);
      return session.update(
          new Statement(step.sql(), params, step.model()),
          n -> new DeleteResult(n, n > 0 ? Map.of(step.model(), n) : Map.of()));
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    Future<Void> done = Future.succeededFuture();
    for (Step step : steps) {
      Statement statement = new Statement(step.sql(), params, step.model());
      done =
          done.compose(
              ignored ->
                  switch (step.kind()) {
                    case CHECK ->
                        session
                            .select(statement, row -> 1)
                            .compose(
                                rows -> {
                                  if (rows.isEmpty()) {
                                    return Future.<Void>succeededFuture();
                                  }
                                  RefField<?, ?> ref = step.ref();
                                  return Future.<Void>failedFuture(
                                      new ProtectedException(
                                          model, step.model(), ref == null ? "?" : ref.name()));
                                });
                    case NULLIFY -> session.update(statement).<Void>mapEmpty();
                    case DELETE ->
                        session
                            .update(statement)
                            .map(
                                n -> {
                                  if (n > 0) {
                                    counts.merge(step.model(), n, Long::sum);
                                  }
                                  return null;
                                });
                  });
    }
    return done.map(
        ignored -> {
          long total = 0;
          for (long n : counts.values()) {
            total += n;
          }
          return new DeleteResult(total, counts);
        });
  }

  /** Walks the foreign keys that reference the deleted model, depth first. */
  private static final class Planner<T extends Record> {
    final Dialect dialect;
    final Query<T> root;
    final List<Step> checks = new ArrayList<>();
    final List<Step> nullifies = new ArrayList<>();
    final List<Step> deletes = new ArrayList<>();

    Planner(Dialect dialect, Query<T> root) {
      this.dialect = dialect;
      this.root = root;
    }

    void visit(ModelMeta<?> model, List<RefField<?, ?>> chain, List<ModelMeta<?>> path) {
      if (path.contains(model)) {
        throw new IllegalStateException(
            "adelete() cannot cascade through the cycle of foreign keys "
                + path
                + " -> "
                + model
                + " yet: delete the referencing rows first");
      }
      path.add(model);
      for (RefField<?, ?> ref : model.dependents()) {
        OnDelete rule = Internals.spec(ref).onDelete();
        ModelMeta<?> child = Internals.model(ref);
        List<RefField<?, ?>> childChain = new ArrayList<>(chain);
        childChain.add(ref);
        if (rule == OnDelete.PROTECT) {
          SqlBuffer b = new SqlBuffer(dialect);
          b.append("SELECT 1 FROM ").quoted(child.table()).append(" WHERE ");
          predicate(b, childChain, childChain.size());
          dialect.limitOffset(b, 1, false);
          checks.add(new Step(Kind.CHECK, b.toString(), child.name(), ref));
        } else if (rule == OnDelete.SET_NULL) {
          SqlBuffer b = new SqlBuffer(dialect);
          b.append("UPDATE ")
              .quoted(child.table())
              .append(" SET ")
              .quoted(ref.column())
              .append(" = NULL WHERE ");
          predicate(b, childChain, childChain.size());
          nullifies.add(new Step(Kind.NULLIFY, b.toString(), child.name(), ref));
        } else if (rule == OnDelete.CASCADE) {
          visit(child, childChain, path);
        }
      }
      path.remove(path.size() - 1);
      SqlBuffer b = new SqlBuffer(dialect);
      b.append("DELETE FROM ").quoted(model.table());
      if (!chain.isEmpty() || !root.where().isEmpty()) {
        b.append(" WHERE ");
        predicate(b, chain, chain.size());
      }
      deletes.add(new Step(Kind.DELETE, b.toString(), model.name(), null));
    }

    /**
     * Renders the condition selecting the rows at {@code depth} of the chain: the root's own
     * conditions at depth 0, else {@code fk IN (SELECT pk FROM parent WHERE <depth - 1>)}.
     */
    void predicate(SqlBuffer b, List<RefField<?, ?>> chain, int depth) {
      if (depth == 0) {
        Compiler.renderConditions(b, root);
        return;
      }
      RefField<?, ?> ref = chain.get(depth - 1);
      ModelMeta<?> parent = ref.target();
      // MySQL refuses a subquery that reads the table the statement writes (error 1093), as a
      // key of a model to itself makes it: the keys are read through a derived table first.
      boolean derived =
          !dialect.writesReadTheirTable() && Internals.model(chain.get(chain.size() - 1)) == parent;
      Runnable select =
          () -> {
            b.quoted(parent.primaryKey().column())
                .append(" FROM ")
                .quoted(parent.table())
                .append(" WHERE ");
            predicate(b, chain, depth - 1);
          };
      b.quoted(ref.column());
      if (derived) {
        Compiler.inDerivedTable(b, select);
      } else {
        b.append(" IN (SELECT ");
        select.run();
        b.append(")");
      }
    }
  }
}
