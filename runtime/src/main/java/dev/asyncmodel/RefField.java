package dev.asyncmodel;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.spi.ColumnSpec;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
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
   * For generated code.
   *
   * @param spec the column
   * @param targetId the target model's {@code @Id} field; a supplier, since two companions may
   *     refer to each other while they initialize
   */
  public RefField(ColumnSpec spec, Supplier<? extends Field<M>> targetId) {
    super(spec);
    this.targetId = Objects.requireNonNull(targetId, "targetId");
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
