package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.internal.Expr;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A foreign key of model {@code T} to model {@code M}: the column {@code <name>_id}, holding the
 * target's id. It compares with the target record itself, or with a {@link Ref} to it.
 *
 * <pre>{@code
 * Transactions.objects(db).filter(USER.eq(user))          // user is a User
 * Transactions.objects(db).filter(USER.in(List.of(a, b)))
 * }</pre>
 *
 * @param <T> the model holding the key
 * @param <M> the model it references
 */
public final class RefField<T extends Record, M extends Record> extends Field<T> {
  private final Supplier<? extends Field<M>> targetId;

  /**
   * The fields {@link #to} made, by their hops and the companion's field they reach: a path is one
   * object however often, and however, it is written ({@code A.to(B).to(C)} or {@code
   * A.to(B.to(C))}).
   */
  private static final Map<List<Object>, Field<?>> PATHS = new ConcurrentHashMap<>();

  /** {@link #hops()}, made once. */
  private final List<RefField<?, ?>> hops;

  /** The fields {@link #to} made from this one: found without allocating, once made. */
  private final Map<Field<?>, Field<?>> reached = new ConcurrentHashMap<>();

  /**
   * For generated code.
   *
   * @param spec the column
   * @param targetId the target model's {@code @Id} field; a supplier, since two companions may
   *     refer to each other while they initialize
   */
  public RefField(ColumnSpec spec, Supplier<? extends Field<M>> targetId) {
    super(spec);
    this.targetId = Objects.requireNonNull(targetId, "targetId");
    this.hops = List.of(this);
  }

  private RefField(RefField<?, M> origin, List<RefField<?, ?>> path) {
    super(origin, path);
    this.targetId = origin.targetId;
    this.hops = List.copyOf(hops(this, null));
  }

  @Override
  RefField<?, ?> reached(List<RefField<?, ?>> hops) {
    @SuppressWarnings("unchecked") // the origin of a RefField<?, M> is one
    RefField<?, M> self = (RefField<?, M>) origin();
    return new RefField<>(self, hops);
  }

  // ---------------------------------------------------------------------------------------------
  // Paths across the relation: Django's user__username.

  /**
   * A field of the referenced model, reached from this model through this foreign key: Django's
   * {@code user__username}. It works wherever a field of this model does: in {@code filter} and
   * {@code exclude}, in {@code orderBy}, in {@code values} and in aggregates; the query joins the
   * referenced table ({@code INNER JOIN}, or {@code LEFT JOIN} for a nullable key). A field of
   * another model does not compile.
   *
   * <pre>{@code
   * // SELECT ... FROM "transaction" INNER JOIN "auth_user"
   * //   ON ("transaction"."user_id" = "auth_user"."id") WHERE "auth_user"."username" LIKE $1
   * Transactions.objects(db).filter(USER.to(Users.USERNAME).startsWith("a"))
   * }</pre>
   *
   * <p>The same path is the same object, however often it is written, so that a {@link ValuesRow}
   * finds it by identity.
   *
   * @param field a field of the referenced model
   * @return the field, as one of this model
   */
  public StringField<T> to(StringField<M> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @param <V> its Java type
   * @return the field, as one of this model
   */
  public <V extends Number & Comparable<? super V>> IntegerField<T, V> to(
      IntegerField<M, V> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @param <V> its Java type
   * @return the field, as one of this model
   */
  public <V extends Number & Comparable<? super V>> FloatField<T, V> to(FloatField<M, V> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @return the field, as one of this model
   */
  public DecimalField<T> to(DecimalField<M> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @return the field, as one of this model
   */
  public DateField<T> to(DateField<M> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @param <V> its Java type
   * @return the field, as one of this model
   */
  public <V extends Temporal & Comparable<? super V>> DateTimeField<T, V> to(
      DateTimeField<M, V> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @param <V> its Java type
   * @return the field, as one of this model
   */
  public <V extends Comparable<? super V>> ComparableField<T, V> to(ComparableField<M, V> field) {
    return reach(field);
  }

  /**
   * A field of the referenced model, reached through this foreign key; see {@link
   * #to(StringField)}.
   *
   * @param field a field of the referenced model
   * @param <V> its Java type
   * @return the field, as one of this model
   */
  public <V> ValueField<T, V> to(ValueField<M, V> field) {
    return reach(field);
  }

  /**
   * A foreign key of the referenced model, reached through this one: a chain, Django's {@code
   * order__customer}. Follow it further with its own {@code to}, or load both with {@code
   * selectRelated}.
   *
   * <pre>{@code
   * LineItems.objects(db).filter(ORDER.to(Orders.CUSTOMER).to(Customers.NAME).eq("ann"))
   * LineItems.objects(db).selectRelated(ORDER.to(Orders.CUSTOMER))
   * }</pre>
   *
   * @param field a foreign key of the referenced model
   * @param <N> the model it references
   * @return the key, as one of this model
   */
  public <N extends Record> RefField<T, N> to(RefField<M, N> field) {
    return reach(field);
  }

  @SuppressWarnings("unchecked") // reached() keeps the class and the value type; the owner is T
  private <F extends Field<?>> F reach(Field<?> field) {
    Field<?> known = reached.get(Objects.requireNonNull(field, "field"));
    if (known != null) {
      return (F) known;
    }
    return (F) reached.computeIfAbsent(field, f -> canonical(f));
  }

  /** The one field of a path, by its hops and the companion's field it reaches. */
  private Field<?> canonical(Field<?> field) {
    List<RefField<?, ?>> hops = hops(this, field);
    List<Object> key = new ArrayList<>(hops.size() + 1);
    key.addAll(hops);
    key.add(field.origin());
    return PATHS.computeIfAbsent(key, k -> field.reached(hops));
  }

  /**
   * @return the foreign keys from this field's model to the one it references, this one last: one
   *     hop for a companion's own field, more for one reached through {@link #to}
   */
  List<RefField<?, ?>> hops() {
    return hops;
  }

  /**
   * @return the referenced model; for the runtime and tools
   */
  public ModelMeta<M> target() {
    return targetId.get().model();
  }

  /**
   * Rows referencing this record.
   *
   * @param target a saved record of the target model
   * @return {@code column = target's id}
   */
  public Condition<T> eq(M target) {
    return Lookup.of(this, Op.EQ, Ref.of(target));
  }

  /**
   * Rows holding this reference; {@code eq((Ref<M>) null)} is {@code IS NULL}.
   *
   * @param ref the reference
   * @return the condition
   */
  public Condition<T> eq(@Nullable Ref<M> ref) {
    return ref == null ? isNull(true) : Lookup.of(this, Op.EQ, ref);
  }

  /**
   * Rows not referencing this record, NULLs included (Django's {@code exclude}).
   *
   * @param target a saved record of the target model
   * @return the condition
   */
  public Condition<T> ne(M target) {
    return eq(target).not();
  }

  /**
   * Rows not holding this reference, NULLs included (Django's {@code exclude}).
   *
   * @param ref the reference
   * @return the condition
   */
  public Condition<T> ne(@Nullable Ref<M> ref) {
    return eq(ref).not();
  }

  /**
   * Rows whose target is among the rows of a QuerySet of the target model, in the same statement:
   * Django's {@code filter(user__in=User.objects.filter(...))}. The QuerySet's filters apply, and
   * its slice with its ordering when it has one; only its query is used, not its database.
   *
   * <pre>{@code
   * // WHERE "user_id" IN (SELECT "id" FROM "auth_user" WHERE "username" LIKE $1)
   * Transactions.objects(db).filter(USER.in(Users.objects(db).filter(USERNAME.startsWith("a"))));
   * }</pre>
   *
   * @param targets the target rows
   * @return the condition
   */
  public Condition<T> in(QuerySet<M, ?> targets) {
    return new InSubquery<>(this, Objects.requireNonNull(targets, "targets").state().query);
  }

  // ---------------------------------------------------------------------------------------------
  // The reverse relation: the referenced model's rows, by the rows that reference them.

  /**
   * Rows of the referenced model that at least one row of this model references through this key,
   * matching every condition given: Django's lookups across a reverse relation, {@code
   * User.objects.filter(transaction__amount__gt=100)}. One correlated {@code EXISTS} subquery, so a
   * user is selected once however many of its transactions match, where Django's join repeats it.
   *
   * <pre>{@code
   * // WHERE EXISTS (SELECT 1 FROM "transaction" "U0" WHERE "U0"."user_id" = "auth_user"."id"
   * //   AND "U0"."amount" > $1 AND "U0"."category" = $2)
   * Users.objects(db).filter(Transactions.USER.exists(AMOUNT.gt(hundred), CATEGORY.eq("food")))
   * }</pre>
   *
   * <p>Django's rule for multi-valued relations holds: the conditions of one call must hold for the
   * same referencing row; two calls, {@code filter(USER.exists(a)).filter(USER.exists(b))}, may be
   * satisfied by different rows. With no condition, the rows referenced at all: Django's {@code
   * filter(transaction__isnull=False).distinct()}. Under {@code exclude}, {@code NOT EXISTS}: the
   * rows that no matching row references.
   *
   * @param conditions conditions on the referencing rows, ANDed
   * @return the condition, on the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final Condition<M> exists(Condition<T>... conditions) {
    @SuppressWarnings("unchecked") // the companion's ModelMeta of T, attached to this field
    Query<T> rows = Query.all((ModelMeta<T>) referencing());
    return new Exists<>(this, rows.and(conditions));
  }

  /**
   * Rows of the referenced model that at least one row of a QuerySet of this model references:
   * Django's {@code Exists(Transaction.objects.filter(user=OuterRef("pk"), ...))}. The QuerySet's
   * conditions apply, correlated to each referenced row through this key; only its query is used,
   * not its database. A QuerySet with a slice is refused: a slice has no meaning per referenced
   * row.
   *
   * @param rows the referencing rows
   * @return the condition, on the referenced model
   * @throws IllegalArgumentException if the QuerySet has a limit or an offset
   */
  public Condition<M> exists(QuerySet<T, ?> rows) {
    Query<T> query = Objects.requireNonNull(rows, "rows").state().query;
    if (query.sliced()) {
      throw new IllegalArgumentException(
          "exists(" + rows + "): a QuerySet with limit or offset cannot be correlated to each row");
    }
    return new Exists<>(this, query.withOrder(List.of()));
  }

  /**
   * The number of rows of this model that reference each row of the referenced model through this
   * key, among those matching every condition: Django's {@code annotate(n=Count("transaction",
   * filter=Q(...)))}, as a correlated subquery, so that it works in {@code filter}, {@code orderBy}
   * and {@code values} of the referenced model's QuerySet with no {@code GROUP BY}. 0 for a row
   * nothing references.
   *
   * <pre>{@code
   * // WHERE (SELECT COUNT(*) FROM "transaction" "U0" WHERE "U0"."user_id" = "auth_user"."id"
   * //   AND "U0"."category" = $1) > $2
   * Users.objects(db).filter(USER.count(CATEGORY.eq("food")).gt(5L))
   * }</pre>
   *
   * @param conditions conditions on the referencing rows, ANDed
   * @return the count, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final IntegerExpression<M, Long> count(Condition<T>... conditions) {
    return new Computed.IntegerNode<>(
        Expr.related(Expr.Aggregate.COUNT_ALL, correlated(null, conditions)));
  }

  /**
   * The sum of a decimal of the rows of this model that reference each row of the referenced model,
   * among those matching every condition: Django's {@code
   * annotate(total=Sum("transaction__amount"))}, a correlated subquery; NULL (empty) for a row
   * nothing references, as Django's {@code Sum} is {@code None}.
   *
   * @param value what to add up, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @return the sum, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final DecimalExpression<M> sum(DecimalExpression<T> value, Condition<T>... conditions) {
    return new Computed.DecimalNode<>(
        Expr.related(Expr.Aggregate.SUM, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The sum of an integer of the rows of this model that reference each row of the referenced
   * model; see {@link #sum(DecimalExpression, Condition[])}.
   *
   * @param value what to add up, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @param <V> its Java type
   * @return the sum, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final <V extends Number & Comparable<? super V>> IntegerExpression<M, Long> sum(
      IntegerExpression<T, V> value, Condition<T>... conditions) {
    return new Computed.IntegerNode<>(
        Expr.related(Expr.Aggregate.SUM, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The average of a decimal of the rows that reference each row, among those matching every
   * condition: Django's {@code Avg("transaction__amount")}, read at four more decimal places, as an
   * aggregate's average is; empty for a row nothing references.
   *
   * @param value what to average, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @return the average, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final DecimalExpression<M> avg(DecimalExpression<T> value, Condition<T>... conditions) {
    return new Computed.DecimalNode<>(
        Expr.related(Expr.Aggregate.AVG, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The average of an integer of the rows that reference each row, as a {@code Double}: Django's
   * {@code Avg}; empty for a row nothing references.
   *
   * @param value what to average, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @param <V> its Java type
   * @return the average, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final <V extends Number & Comparable<? super V>> FloatExpression<M, Double> avg(
      IntegerExpression<T, V> value, Condition<T>... conditions) {
    return new Computed.FloatNode<>(
        Expr.related(Expr.Aggregate.AVG, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The latest date and time of the rows that reference each row, among those matching every
   * condition: Django's {@code Max("transaction__created_at")}; empty for a row nothing references.
   *
   * <pre>{@code
   * // Users by their last transaction, most recent first, those without one last.
   * DateTimeExpression<User, Instant> last = USER.max(CREATED_AT);
   * Users.objects(db).orderBy(last.desc().nullsLast())
   * }</pre>
   *
   * @param value the date and time, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @param <V> its Java type
   * @return the greatest value, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final <V extends Temporal & Comparable<? super V>> DateTimeExpression<M, V> max(
      DateTimeExpression<T, V> value, Condition<T>... conditions) {
    return new Computed.DateTimeNode<>(
        Expr.related(Expr.Aggregate.MAX, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The earliest date and time of the rows that reference each row; see {@link
   * #max(DateTimeExpression, Condition[])}.
   *
   * @param value the date and time, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @param <V> its Java type
   * @return the least value, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final <V extends Temporal & Comparable<? super V>> DateTimeExpression<M, V> min(
      DateTimeExpression<T, V> value, Condition<T>... conditions) {
    return new Computed.DateTimeNode<>(
        Expr.related(Expr.Aggregate.MIN, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The greatest decimal of the rows that reference each row; see {@link #max(DateTimeExpression,
   * Condition[])}.
   *
   * @param value the decimal, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @return the greatest value, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final DecimalExpression<M> max(DecimalExpression<T> value, Condition<T>... conditions) {
    return new Computed.DecimalNode<>(
        Expr.related(Expr.Aggregate.MAX, correlated(Exprs.of(value), conditions)));
  }

  /**
   * The least decimal of the rows that reference each row; see {@link #max(DateTimeExpression,
   * Condition[])}.
   *
   * @param value the decimal, an expression of this model
   * @param conditions conditions on the referencing rows, ANDed
   * @return the least value, as an expression of the referenced model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final DecimalExpression<M> min(DecimalExpression<T> value, Condition<T>... conditions) {
    return new Computed.DecimalNode<>(
        Expr.related(Expr.Aggregate.MIN, correlated(Exprs.of(value), conditions)));
  }

  /** The referencing rows of an aggregate across the reverse relation. */
  private Expr.Correlated correlated(@Nullable Expr source, Condition<T>[] conditions) {
    @SuppressWarnings("unchecked") // the companion's ModelMeta of T, attached to this field
    Query<T> rows = Query.all((ModelMeta<T>) referencing());
    return new Expr.Correlated(this, rows.and(conditions), source);
  }

  /** The model of this key's first hop: the model that holds the reference. */
  private ModelMeta<?> referencing() {
    List<RefField<?, ?>> path = path();
    return path.isEmpty() ? model() : path.get(0).model();
  }

  /**
   * Rows referencing any of these records; an empty collection matches nothing.
   *
   * @param targets saved records of the target model
   * @return the condition
   */
  public Condition<T> in(Collection<? extends M> targets) {
    List<Ref<M>> refs = new ArrayList<>(targets.size());
    for (M target : targets) {
      refs.add(Ref.of(target));
    }
    return Lookup.in(this, refs);
  }

  /**
   * Django's {@code in} lookup with references: the ones a query read back ({@code
   * transaction.user()}) or {@link Ref#ofId}. An empty collection matches nothing.
   *
   * <pre>{@code
   * List<Ref<User>> owners = page.stream().map(Transaction::user).toList();
   * Transactions.objects(db).filter(USER.inRefs(owners))
   * }</pre>
   *
   * @param refs the references; none of them {@code null}
   * @return the condition
   */
  public Condition<T> inRefs(Collection<? extends Ref<M>> refs) {
    return Lookup.in(this, refs);
  }

  /**
   * An assignment for {@code aupdate}.
   *
   * @param target the record to reference
   * @return the assignment
   */
  public Assignment<T> set(M target) {
    return Assignment.of(this, Ref.of(target));
  }

  /**
   * An assignment for {@code aupdate}; {@code null} only for a nullable key.
   *
   * @param ref the reference
   * @return the assignment
   */
  public Assignment<T> set(@Nullable Ref<M> ref) {
    return Assignment.of(this, ref);
  }

  /**
   * An assignment for {@code aupdate} that clears a nullable key: Django's {@code
   * update(user=None)}. ({@code set(null)} does not compile: it would match both {@code set}s.)
   *
   * @return the assignment
   */
  public Assignment<T> setNull() {
    return Assignment.of(this, null);
  }

  @Override
  @Nullable Object columnValue(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    Ref<?> ref = (Ref<?>) value;
    Long id = ref.knownId();
    if (id != null) {
      return id;
    }
    @SuppressWarnings("unchecked") // a Ref held by this field references M
    M model = (M) Objects.requireNonNull(ref.knownModel());
    return target().idOf(model);
  }
}
