package dev.asyncmodel;

import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Internals;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Gives the engine ({@code dev.asyncmodel.internal}) what the API keeps from users: a field's
 * column spec and model, and lookups and assignments built without a typed value. Installed once,
 * when {@link Field} initializes; the engine's {@link Internals} is in a package the module does
 * not export, so this reaches no user.
 */
final class ApiAccess implements Internals.Api {
  private ApiAccess() {}

  static void install() {
    Internals.install(new ApiAccess());
  }

  @Override
  public ColumnSpec spec(Field<?> field) {
    return field.spec();
  }

  @Override
  public <T extends Record> ModelMeta<T> model(Field<T> field) {
    return field.model();
  }

  @Override
  public <T extends Record> void attach(Field<T> field, ModelMeta<T> model) {
    field.attach(model);
  }

  @Override
  public @Nullable Object columnValue(Field<?> field, @Nullable Object value) {
    return field.columnValue(value);
  }

  @Override
  public <T extends Record> Condition<T> equal(Field<T> field, Object value) {
    // A JSON column compares as JSON, not as text, as DATA.eq(value) does.
    return field instanceof JsonField<T, ?> json
        ? new JsonLookup<>(
            json, List.of(), JsonLookup.Op.EQ, JsonLookup.Kind.STRUCTURE, value, List.of())
        : Lookup.of(field, Lookup.Op.EQ, value);
  }

  @Override
  public <T extends Record> Condition<T> in(Field<T> field, Collection<?> values) {
    return Lookup.in(field, values);
  }

  @Override
  public <T extends Record> Assignment<T> assignment(Field<T> field, @Nullable Object value) {
    return Assignment.of(field, value);
  }

  @Override
  public <T extends Record> Condition<T> allOf(java.util.List<Condition<T>> conditions) {
    return conditions.size() == 1
        ? conditions.get(0)
        : new Junction<>(Junction.Connector.AND, conditions);
  }

  @Override
  public Expr left(Comparison<?> comparison) {
    return comparison.left();
  }

  @Override
  public List<Expr> right(Comparison<?> comparison) {
    return comparison.right();
  }

  @Override
  public Expr expr(Ordering<?> ordering) {
    return ordering.expr();
  }

  @Override
  public @Nullable Expr expression(Assignment<?> assignment) {
    return assignment.expression();
  }

  @Override
  public Query<?> rows(InSubquery<?> subquery) {
    return subquery.rows();
  }

  @Override
  public Query<?> rows(Exists<?> exists) {
    return exists.rows();
  }

  @Override
  public List<RefField<?, ?>> path(Field<?> field) {
    return field.path();
  }

  @Override
  public List<RefField<?, ?>> hops(RefField<?, ?> field) {
    return field.hops();
  }

  @Override
  public <M extends Record, T extends Record> Prefetched<M, T> prefetched(Map<Long, List<T>> sets) {
    return new Prefetched<>(sets);
  }

  @Override
  public <M extends Record> Ref<M> loaded(long id, M model) {
    return Ref.loaded(id, model);
  }
}
