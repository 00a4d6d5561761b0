package dev.asyncmodel.internal;

import dev.asyncmodel.Comparison;
import dev.asyncmodel.Condition;
import dev.asyncmodel.Exists;
import dev.asyncmodel.InSubquery;
import dev.asyncmodel.JsonLookup;
import dev.asyncmodel.Junction;
import dev.asyncmodel.Lookup;
import dev.asyncmodel.Negation;
import dev.asyncmodel.Ordering;
import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ModelMeta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The tables a statement joins to its model's, one per path of foreign keys that its conditions,
 * ordering, selections or {@code selectRelated} follow, and the alias each is read under. Django's
 * rules: a foreign key is followed once however often a path names it (a forward relation is
 * single-valued); a table is named by its own name the first time, then {@code T<n>}, {@code n}
 * counting the tables so far plus one. A join is an {@code INNER JOIN}, except that a nullable key
 * is a {@code LEFT OUTER JOIN}, and so is every key after it on the path, where a row whose key is
 * NULL must be kept: the join is loaded ({@code selectRelated}), ordered by, selected, tested under
 * a NOT or an OR, or tested for NULL (Django's join promotion). A condition ANDed at the top, which
 * a NULL never meets, keeps its join INNER, so that {@code FOR UPDATE} can lock it on PostgreSQL.
 *
 * <p>Computed only when a statement is rendered, never on a cache hit: the joins follow from the
 * statement's shape, which names every path.
 */
final class Joins {
  /** One joined table. */
  private static final class Join {
    final String alias;
    final ModelMeta<?> model;
    final String from;
    final RefField<?, ?> key;
    final @Nullable Join parent;

    /** Whether a use of the join keeps the rows whose key is NULL. */
    boolean keepNulls;

    Join(String alias, ModelMeta<?> model, String from, RefField<?, ?> key, @Nullable Join parent) {
      this.alias = alias;
      this.model = model;
      this.from = from;
      this.key = key;
      this.parent = parent;
    }

    /** A LEFT OUTER JOIN: a nullable key whose NULLs are kept, or after one on the path. */
    boolean outer() {
      return (keepNulls && Internals.spec(key).nullable()) || (parent != null && parent.outer());
    }
  }

  private final ModelMeta<?> base;
  private final Map<List<RefField<?, ?>>, Join> byPath = new HashMap<>();
  private final List<Join> joins = new ArrayList<>();
  private final Set<String> taken = new HashSet<>();

  /** The model's table's alias: its name, or {@code U0} in a correlated subquery. */
  private final String baseAlias;

  /**
   * The letter of a correlated subquery's aliases ({@code U0}, {@code U1}, ...; {@code V0} one
   * level further in), as Django names them; 0 at the top of a statement, where tables go by their
   * names.
   */
  private final char prefix;

  private Joins(ModelMeta<?> base, char prefix) {
    this.base = base;
    this.prefix = prefix;
    this.baseAlias = prefix == 0 ? base.table() : prefix + "0";
    taken.add(baseAlias);
  }

  /**
   * @param q the query: its conditions
   * @param order the ordering the statement renders, the query's or another
   * @param related the paths {@code selectRelated} loads, each to its last key's target
   * @param more expressions the statement also renders: its selections
   * @param having conditions the statement also renders: a projection's {@code HAVING}
   * @return the joins the query needs, or null for none: its columns are then written unqualified
   */
  static @Nullable Joins of(
      Query<?> q,
      List<? extends Ordering<?>> order,
      List<List<RefField<?, ?>>> related,
      List<Expr> more,
      List<? extends Condition<?>> having) {
    Joins joins = new Joins(q.model(), (char) 0);
    for (Condition<?> condition : q.where()) {
      joins.visit(condition, false);
    }
    for (Condition<?> condition : having) {
      joins.visit(condition, true);
    }
    Internals.Api api = Internals.api();
    for (Ordering<?> ordering : order) {
      joins.visit(api.expr(ordering), true);
    }
    for (List<RefField<?, ?>> path : related) {
      joins.follow(path, true);
    }
    for (Expr e : more) {
      joins.visit(e, true);
    }
    return joins.joins.isEmpty() ? null : joins;
  }

  /**
   * The tables of a correlated subquery, which always names its table by an alias of its own, so
   * that a column of the statement around it, named by that statement's alias, is never taken for
   * one of its own.
   *
   * @param q the subquery: its conditions
   * @param key the path to the key that correlates it, from its model; empty for a key of its own
   * @param outer the tables of the level around it, or null for a statement that joins none
   * @param more expressions it also renders: what it aggregates
   * @return the tables
   */
  static Joins correlated(
      Query<?> q, List<RefField<?, ?>> key, @Nullable Joins outer, List<Expr> more) {
    char prefix = outer == null || outer.prefix == 0 ? 'U' : (char) (outer.prefix + 1);
    Joins joins = new Joins(q.model(), prefix);
    joins.follow(key, false);
    for (Condition<?> condition : q.where()) {
      joins.visit(condition, false);
    }
    for (Expr e : more) {
      // An aggregated value: a NULL of it is skipped by the aggregate, not by the join.
      joins.visit(e, true);
    }
    return joins;
  }

  /**
   * @param q a query
   * @return its table alone, by its name: a statement that qualifies its columns and joins nothing
   */
  static Joins plain(Query<?> q) {
    return new Joins(q.model(), (char) 0);
  }

  /**
   * @param q a query
   * @return the joins its conditions need, or null for none
   */
  static @Nullable Joins of(Query<?> q) {
    return of(q, List.of(), List.of(), List.of(), List.of());
  }

  /**
   * Follows the paths a condition names; {@code keep} when a row whose key is NULL may still meet
   * it (under a NOT or an OR).
   */
  private void visit(Condition<?> condition, boolean keep) {
    if (condition instanceof Lookup<?> lookup) {
      follow(Internals.path(lookup.field()), keep || lookup.op() == Lookup.Op.IS_NULL);
    } else if (condition instanceof Comparison<?> comparison) {
      Internals.Api api = Internals.api();
      if (comparison.op() == Lookup.Op.IN && api.right(comparison).isEmpty()) {
        return; // 1 = 0, which reads no column: its shape names none
      }
      boolean nulls = keep || comparison.op() == Lookup.Op.IS_NULL;
      visit(api.left(comparison), nulls);
      for (Expr operand : api.right(comparison)) {
        visit(operand, nulls);
      }
    } else if (condition instanceof JsonLookup<?> json) {
      follow(Internals.path(json.field()), true);
    } else if (condition instanceof Exists<?>) {
      // Nothing of this level: the subquery joins in itself.
    } else if (condition instanceof InSubquery<?> subquery) {
      // Only the key compared: the subquery's own conditions join in the subquery.
      follow(Internals.path(subquery.field()), keep);
    } else if (condition instanceof Junction<?> junction) {
      boolean or = junction.connector() == Junction.Connector.OR;
      for (Condition<?> part : junction.parts()) {
        visit(part, keep || or);
      }
    } else {
      visit(((Negation<?>) condition).condition(), true);
    }
  }

  private void visit(Expr e, boolean keep) {
    follow(e.hops(), keep);
    for (Expr arg : e.args()) {
      visit(arg, keep);
    }
  }

  /** Joins each table of the path not yet joined, in order. */
  private void follow(List<RefField<?, ?>> path, boolean keep) {
    String from = baseAlias;
    Join parent = null;
    for (int i = 1; i <= path.size(); i++) {
      List<RefField<?, ?>> head = path.subList(0, i);
      Join join = byPath.get(head);
      if (join == null) {
        RefField<?, ?> key = path.get(i - 1);
        ModelMeta<?> target = key.target();
        String alias = prefix == 0 ? target.table() : prefix + Integer.toString(taken.size());
        for (int n = taken.size() + 1; !taken.add(alias); n++) {
          alias = (prefix == 0 ? "T" : String.valueOf(prefix)) + n;
        }
        join = new Join(alias, target, from, key, parent);
        byPath.put(List.copyOf(head), join);
        joins.add(join);
      }
      join.keepNulls |= keep;
      from = join.alias;
      parent = join;
    }
  }

  /**
   * @param path foreign keys from the query's model; empty for its own columns
   * @return the alias of the table the path ends at
   */
  String alias(List<RefField<?, ?>> path) {
    if (path.isEmpty()) {
      return baseAlias;
    }
    Join join = byPath.get(path);
    if (join == null) {
      throw new IllegalStateException("No join for " + path + " from " + base);
    }
    return join.alias;
  }

  /** Appends the model's table and the joins: {@code "a" INNER JOIN "b" ON ("a"."b_id" = ...)}. */
  void from(SqlBuffer b) {
    b.quoted(base.table());
    if (!baseAlias.equals(base.table())) {
      b.append(" ").quoted(baseAlias);
    }
    for (Join join : joins) {
      b.append(join.outer() ? " LEFT OUTER JOIN " : " INNER JOIN ").quoted(join.model.table());
      if (!join.alias.equals(join.model.table())) {
        b.append(" ").quoted(join.alias);
      }
      b.append(" ON (")
          .quoted(join.from)
          .append(".")
          .quoted(join.key.column())
          .append(" = ")
          .quoted(join.alias)
          .append(".")
          .quoted(join.model.primaryKey().column())
          .append(")");
    }
  }
}
