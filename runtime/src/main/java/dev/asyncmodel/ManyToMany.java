package dev.asyncmodel;

import dev.asyncmodel.internal.Executor;
import dev.asyncmodel.internal.Internals;
import dev.asyncmodel.internal.Query;
import dev.asyncmodel.spi.ModelMeta;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A many-to-many relation between models {@code M} and {@code N} through a model {@code X} whose
 * rows each link one {@code M} to one {@code N}: Django's {@code ManyToManyField(through=X)}, or
 * the table Django makes for a {@code ManyToManyField} without one ({@code auth_user_groups}:
 * {@code id}, {@code user_id}, {@code group_id}, unique together), declared as a record. Declare it
 * once, as a constant beside the models:
 *
 * <pre>{@code
 * @AsyncModel(table = "auth_user_groups")
 * record UserGroup(
 *     @Id Long id,
 *     @ForeignKey(onDelete = OnDelete.CASCADE) Ref<User> user,
 *     @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Group> group) {}
 *
 * static final ManyToMany<User, Group, UserGroup> GROUPS =
 *     ManyToMany.through(UserGroups.USER, UserGroups.GROUP, (u, g) -> new UserGroup(null, u, g));
 *
 * Groups.objects(db).filter(GROUPS.of(user))                       // user.groups.all()
 * Users.objects(db).filter(GROUPS.has(Groups.NAME.eq("admins")))   // filter(groups__name="admins")
 * GROUPS.aadd(db, user, List.of(admins))                           // user.groups.add(admins)
 * }</pre>
 *
 * <p>Every method is one statement or, for a write of several, one transaction; none reads or
 * writes more than it says. Deleting an {@code M} or an {@code N} deletes its links through the
 * foreign keys' {@code onDelete = CASCADE}, as Django does.
 *
 * @param <M> the model on this side ({@code User})
 * @param <N> the model on the other side ({@code Group})
 * @param <X> the model of the links ({@code UserGroup})
 */
public final class ManyToMany<M extends Record, N extends Record, X extends Record> {
  private final RefField<X, M> from;
  private final RefField<X, N> to;
  private final BiFunction<Ref<M>, Ref<N>, X> link;

  /** The links with their targets, in the order they were made: what {@link #aprefetch} reads. */
  private volatile @Nullable Query<X> prefetchQuery;

  private ManyToMany(RefField<X, M> from, RefField<X, N> to, BiFunction<Ref<M>, Ref<N>, X> link) {
    this.from = from;
    this.to = to;
    this.link = link;
  }

  /**
   * The relation through a model of links.
   *
   * @param from the links' foreign key to this side
   * @param to the links' foreign key to the other side
   * @param link makes a new link (its id null) from a reference to each side, for {@link #aadd}
   * @param <M> this side's model
   * @param <N> the other side's model
   * @param <X> the links' model
   * @return the relation
   * @throws IllegalArgumentException if a key is reached across a relation or nullable, or both are
   *     the same
   */
  public static <M extends Record, N extends Record, X extends Record> ManyToMany<M, N, X> through(
      RefField<X, M> from, RefField<X, N> to, BiFunction<Ref<M>, Ref<N>, X> link) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(link, "link");
    if (!from.path().isEmpty() || !to.path().isEmpty()) {
      throw new IllegalArgumentException(
          "ManyToMany.through takes the links' own foreign keys, not " + from + " and " + to);
    }
    if (from == to) {
      throw new IllegalArgumentException(
          "ManyToMany.through needs two foreign keys of the links, not " + from + " twice");
    }
    if (Internals.spec(from).nullable() || Internals.spec(to).nullable()) {
      // Django's tables of links have NOT NULL keys: a link without one links nothing.
      throw new IllegalArgumentException(
          "ManyToMany.through needs NOT NULL foreign keys, as Django's tables of links have: "
              + (Internals.spec(from).nullable() ? from : to)
              + " is nullable");
    }
    return new ManyToMany<>(from, to, link);
  }

  /**
   * @return the same relation read from the other side: Django's reverse accessor ({@code
   *     group.user_set})
   */
  public ManyToMany<N, M, X> reversed() {
    return new ManyToMany<>(to, from, (n, m) -> link.apply(m, n));
  }

  // ---------------------------------------------------------------------------------------------
  // Conditions: one statement each.

  /**
   * The other side's rows linked to a record: Django's {@code user.groups.all()}, as a condition of
   * the other side's QuerySet, so that it filters, orders and slices as any other.
   *
   * <pre>{@code
   * // WHERE EXISTS (SELECT 1 FROM "auth_user_groups" "U0" WHERE "U0"."group_id" = "auth_group"."id"
   * //   AND "U0"."user_id" = $1)
   * Groups.objects(db).filter(GROUPS.of(user)).orderBy(Groups.NAME.asc()).aall()
   * }</pre>
   *
   * @param record a saved record of this side
   * @return the condition, on the other side's model
   */
  public Condition<N> of(M record) {
    return to.exists(from.eq(record));
  }

  /**
   * This side's rows linked to at least one row of the other side that matches every condition:
   * Django's {@code User.objects.filter(groups__name="admins")}. The conditions hold for the same
   * linked row; two calls may be met by two. Without a condition, the rows linked to any.
   *
   * <pre>{@code
   * // WHERE EXISTS (SELECT 1 FROM "auth_user_groups" "U0" WHERE "U0"."user_id" = "auth_user"."id"
   * //   AND "U0"."group_id" IN (SELECT "id" FROM "auth_group" WHERE "name" = $1))
   * Users.objects(db).filter(GROUPS.has(Groups.NAME.eq("admins")))
   * }</pre>
   *
   * @param conditions conditions on the other side's rows, ANDed
   * @return the condition, on this side's model
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // Query.and only reads the array
  public final Condition<M> has(Condition<N>... conditions) {
    if (conditions.length == 0) {
      return from.exists();
    }
    Query<N> targets = Query.all(to.target()).and(conditions);
    return from.exists(new InSubquery<>(to, targets));
  }

  // ---------------------------------------------------------------------------------------------
  // Writes: Django's add, remove, set and clear.

  /**
   * Links a record to each of {@code targets} it is not linked to yet: Django's {@code
   * user.groups.add(a, b)}. In a transaction: the links there are, then one {@code abulkCreate} of
   * the missing ones, ignoring a conflict with a link another transaction made meanwhile where the
   * links' table has Django's unique pair. A target given twice is linked once; no target, no
   * statement.
   *
   * @param db the database, or an atomic block's
   * @param record a saved record of this side
   * @param targets saved records of the other side
   * @return a Future of the number of links it found missing and wrote
   */
  public Future<Integer> aadd(Database db, M record, Collection<? extends N> targets) {
    try {
      Ref<M> self = Ref.ofId(idOf(from.target(), record));
      List<Long> wanted = ids(to.target(), targets);
      if (wanted.isEmpty()) {
        return Future.succeededFuture(0);
      }
      return db.atomic(
          tx -> linked(tx, self, wanted).compose(have -> addMissing(tx, self, wanted, have)));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Unlinks a record from each of {@code targets}: Django's {@code user.groups.remove(a, b)}. One
   * {@code DELETE} of the links; the targets themselves stay. No target, no statement.
   *
   * @param db the database, or an atomic block's
   * @param record a saved record of this side
   * @param targets saved records of the other side
   * @return a Future of the number of links deleted
   */
  public Future<Long> aremove(Database db, M record, Collection<? extends N> targets) {
    try {
      Ref<M> self = Ref.ofId(idOf(from.target(), record));
      List<Long> unwanted = ids(to.target(), targets);
      if (unwanted.isEmpty()) {
        return Future.succeededFuture(0L);
      }
      return deleteLinks(db, self, refs(unwanted));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Unlinks a record from every row of the other side: Django's {@code user.groups.clear()}. One
   * {@code DELETE} of its links.
   *
   * @param db the database, or an atomic block's
   * @param record a saved record of this side
   * @return a Future of the number of links deleted
   */
  public Future<Long> aclear(Database db, M record) {
    try {
      return deleteLinks(db, Ref.ofId(idOf(from.target(), record)), null);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Makes a record's links exactly {@code targets}: Django's {@code user.groups.set([a, b])}. In a
   * transaction: the links there are, a {@code DELETE} of those not wanted, an {@code abulkCreate}
   * of those missing; links already there are kept as they are.
   *
   * @param db the database, or an atomic block's
   * @param record a saved record of this side
   * @param targets saved records of the other side; empty clears
   * @return a Future of the links after the change, as the other side's ids, in the targets' order
   */
  public Future<List<Long>> aset(Database db, M record, Collection<? extends N> targets) {
    try {
      Ref<M> self = Ref.ofId(idOf(from.target(), record));
      List<Long> wanted = ids(to.target(), targets);
      return db.atomic(
          tx ->
              linked(tx, self, null)
                  .compose(
                      have -> {
                        List<Long> stale = new ArrayList<>(have);
                        stale.removeAll(new HashSet<>(wanted));
                        Future<Long> removed =
                            stale.isEmpty()
                                ? Future.succeededFuture(0L)
                                : deleteLinks(tx, self, refs(stale));
                        return removed.compose(n -> addMissing(tx, self, wanted, have));
                      })
                  .map(added -> wanted));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reads of many records' sets.

  /**
   * The other side's rows linked to each of {@code records}, in one statement (a chunk of records
   * at a time): Django's {@code prefetch_related("groups")}. The links are read with their targets
   * ({@code selectRelated}), in the order they were made.
   *
   * <pre>{@code
   * // SELECT "auth_user_groups"."id", "auth_user_groups"."user_id", "auth_user_groups"."group_id",
   * //   "auth_group"."id", "auth_group"."name" FROM "auth_user_groups" INNER JOIN "auth_group"
   * //   ON (...) WHERE "auth_user_groups"."user_id" = ANY($1) ORDER BY "auth_user_groups"."id" ASC
   * Future<Prefetched<User, Group>> groups = GROUPS.aprefetch(db, users);
   * }</pre>
   *
   * @param db the database
   * @param records saved records of this side; one given twice is read once
   * @return a Future of each record's linked rows, empty for a record linked to none
   */
  public Future<Prefetched<M, N>> aprefetch(Database db, Collection<? extends M> records) {
    try {
      Query<X> query = prefetchQuery;
      if (query == null) {
        ModelMeta<X> links = linksModel();
        query =
            Query.all(links)
                .withRelated(List.<RefField<X, ?>>of(to))
                .withOrder(List.of(links.primaryKey().asc()));
        prefetchQuery = query;
      }
      return Executor.prefetch(db, query, from, records)
          .map(
              sets -> {
                Map<Long, List<N>> targets = new LinkedHashMap<>();
                sets.asMap()
                    .forEach(
                        (id, rows) -> {
                          List<N> set = new ArrayList<>(rows.size());
                          for (X row : rows) {
                            Ref<N> ref = Objects.requireNonNull(targetOf(row));
                            set.add(ref.model().orElseThrow());
                          }
                          targets.put(id, Collections.unmodifiableList(set));
                        });
                return new Prefetched<>(Collections.unmodifiableMap(targets));
              });
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public String toString() {
    return "ManyToMany["
        + from.target().name()
        + " <- "
        + linksModel().name()
        + " -> "
        + to.target().name()
        + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Implementation.

  private ModelMeta<X> linksModel() {
    return from.model();
  }

  @SuppressWarnings("unchecked") // the component at the key's index is a Ref<N>
  private Ref<N> targetOf(X row) {
    return (Ref<N>) linksModel().values(row)[Internals.spec(to).index()];
  }

  /** The other side's ids that {@code self} is linked to, among {@code among} (null: all). */
  private Future<List<Long>> linked(Database db, Ref<M> self, @Nullable List<Long> among) {
    List<Condition<X>> where = new ArrayList<>(2);
    where.add(from.eq(self));
    if (among != null) {
      where.add(to.inRefs(refs(among)));
    }
    Query<X> query = Query.all(linksModel()).withWhere(List.copyOf(where));
    return Executor.all(db, query)
        .map(
            rows -> {
              List<Long> ids = new ArrayList<>(rows.size());
              for (X row : rows) {
                ids.add(targetOf(row).id());
              }
              return ids;
            });
  }

  private Future<Integer> addMissing(Database db, Ref<M> self, List<Long> wanted, List<Long> have) {
    Set<Long> present = new HashSet<>(have);
    List<X> missing = new ArrayList<>();
    for (Long id : wanted) {
      if (present.add(id)) {
        missing.add(Objects.requireNonNull(link.apply(self, Ref.ofId(id)), "link"));
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(0);
    }
    // As Django's add(): a link made meanwhile by another transaction is not an error.
    return Executor.bulkCreate(db, linksModel(), missing, BulkCreate.ignoreConflicts())
        .map(rows -> missing.size());
  }

  private Future<Long> deleteLinks(Database db, Ref<M> self, @Nullable List<Ref<N>> targets) {
    List<Condition<X>> where = new ArrayList<>(2);
    where.add(from.eq(self));
    if (targets != null) {
      where.add(to.inRefs(targets));
    }
    return Executor.delete(db, Query.all(linksModel()).withWhere(List.copyOf(where)))
        .map(DeleteResult::count);
  }

  private static <R extends Record> long idOf(ModelMeta<R> model, R record) {
    return model.idOf(Objects.requireNonNull(record, "record"));
  }

  private static <R extends Record> List<Long> ids(
      ModelMeta<R> model, Collection<? extends R> records) {
    Set<Long> ids = new LinkedHashSet<>();
    for (R record : Objects.requireNonNull(records, "targets")) {
      ids.add(model.idOf(Objects.requireNonNull(record, "a null target")));
    }
    return new ArrayList<>(ids);
  }

  private static <R extends Record> List<Ref<R>> refs(List<Long> ids) {
    List<Ref<R>> refs = new ArrayList<>(ids.size());
    for (Long id : ids) {
      refs.add(Ref.ofId(id));
    }
    return refs;
  }
}
