package dev.asyncmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link QuerySet#abulkCreate(List, BulkCreate)} inserts: Django's {@code bulk_create}
 * arguments {@code batch_size}, {@code ignore_conflicts} and {@code update_conflicts} with {@code
 * update_fields} and {@code unique_fields}. Immutable.
 *
 * <pre>{@code
 * // Skip rows whose unique key exists already:
 * Transactions.objects(db).abulkCreate(rows, BulkCreate.ignoreConflicts());
 * // Upsert: a row whose external id exists updates that row's amount and description.
 * Transactions.objects(db).abulkCreate(
 *     rows, BulkCreate.updateConflicts(List.of(AMOUNT, DESCRIPTION), List.of(EXTERNAL_ID)));
 * }</pre>
 *
 * <p>The fields are the model's own field constants, so options of another model do not compile.
 *
 * @param <T> the model
 */
public final class BulkCreate<T extends Record> {
  private static final BulkCreate<?> DEFAULTS = new BulkCreate<>(0, false, List.of(), List.of());

  private final int batchSize;
  private final boolean ignoreConflicts;
  private final List<Field<T>> updateFields;
  private final List<Field<T>> uniqueFields;

  private BulkCreate(
      int batchSize,
      boolean ignoreConflicts,
      List<Field<T>> updateFields,
      List<Field<T>> uniqueFields) {
    this.batchSize = batchSize;
    this.ignoreConflicts = ignoreConflicts;
    this.updateFields = updateFields;
    this.uniqueFields = uniqueFields;
  }

  /**
   * Plain inserts: a row a constraint refuses fails the whole call, and nothing is stored.
   *
   * @param <T> the model
   * @return the options
   */
  @SuppressWarnings("unchecked") // holds no field: the same for every model
  public static <T extends Record> BulkCreate<T> defaults() {
    return (BulkCreate<T>) DEFAULTS;
  }

  /**
   * Rows that a unique constraint refuses are skipped, not inserted: Django's {@code
   * ignore_conflicts=True} ({@code ON CONFLICT DO NOTHING}; {@code INSERT IGNORE} on MySQL, which
   * also turns other errors into warnings). The records come back without their generated ids,
   * since the database does not say which rows it skipped.
   *
   * @param <T> the model
   * @return the options
   */
  public static <T extends Record> BulkCreate<T> ignoreConflicts() {
    return new BulkCreate<>(0, true, List.of(), List.of());
  }

  /**
   * A row that conflicts with a stored one on {@code uniqueFields} updates that row's {@code
   * fields} with its own values instead of being inserted: Django's {@code update_conflicts=True,
   * update_fields=..., unique_fields=...} ({@code ON CONFLICT (...) DO UPDATE}; MySQL's {@code ON
   * DUPLICATE KEY UPDATE} reacts to a conflict on any unique key). Where the database returns rows
   * (PostgreSQL, SQLite, MariaDB), each record comes back as stored: the inserted row, or the
   * updated one with its id.
   *
   * @param fields the fields to update on a conflict; not the primary key; at least one
   * @param uniqueFields the fields of the unique constraint (or primary key) that decides a
   *     conflict; at least one
   * @param <T> the model
   * @return the options
   */
  public static <T extends Record> BulkCreate<T> updateConflicts(
      List<? extends Field<T>> fields, List<? extends Field<T>> uniqueFields) {
    List<Field<T>> update = copy(fields, "fields");
    List<Field<T>> unique = copy(uniqueFields, "uniqueFields");
    if (update.isEmpty()) {
      throw new IllegalArgumentException("updateConflicts needs at least one field to update");
    }
    if (unique.isEmpty()) {
      throw new IllegalArgumentException(
          "updateConflicts needs the unique fields that decide a conflict");
    }
    return new BulkCreate<>(0, false, update, unique);
  }

  private static <T extends Record> List<Field<T>> copy(
      List<? extends Field<T>> fields, String what) {
    Objects.requireNonNull(fields, what);
    List<Field<T>> copy = new ArrayList<>(fields.size());
    for (Field<T> field : fields) {
      Field<T> checked = Objects.requireNonNull(field, what + " holds null");
      if (copy.contains(checked)) {
        throw new IllegalArgumentException(what + " names " + checked.column() + " twice");
      }
      copy.add(checked);
    }
    return List.copyOf(copy);
  }

  /**
   * At most {@code n} rows per INSERT statement: Django's {@code batch_size}. Without it a
   * statement carries as many as the database's limit on bound values allows, up to 1,024. Except
   * on PostgreSQL, which binds an array per column, statements carry a power of two of rows, so
   * that few statement shapes are prepared.
   *
   * @param n the most rows in one statement, at least 1
   * @return new options
   */
  public BulkCreate<T> batchSize(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, not " + n);
    }
    return new BulkCreate<>(n, ignoreConflicts, updateFields, uniqueFields);
  }

  /**
   * @return the most rows per statement, or 0 for the default
   */
  public int batchSize() {
    return batchSize;
  }

  /**
   * @return whether rows that conflict are skipped
   */
  public boolean ignoresConflicts() {
    return ignoreConflicts;
  }

  /**
   * @return the fields a conflict updates; empty unless {@link #updateConflicts}
   */
  public List<Field<T>> updateFields() {
    return updateFields;
  }

  /**
   * @return the fields that decide a conflict; empty unless {@link #updateConflicts}
   */
  public List<Field<T>> uniqueFields() {
    return uniqueFields;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("BulkCreate[");
    if (ignoreConflicts) {
      text.append("ignoreConflicts");
    } else if (!updateFields.isEmpty()) {
      text.append("updateConflicts ").append(columns(updateFields));
      text.append(" on ").append(columns(uniqueFields));
    } else {
      text.append("insert");
    }
    if (batchSize > 0) {
      text.append(", batchSize ").append(batchSize);
    }
    return text.append(']').toString();
  }

  private static String columns(List<? extends Field<?>> fields) {
    List<String> names = new ArrayList<>(fields.size());
    for (Field<?> field : fields) {
      names.add(field.column());
    }
    return names.toString();
  }
}
