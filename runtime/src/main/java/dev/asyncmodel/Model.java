package dev.asyncmodel;

import java.util.List;

/**
 * A model as the runtime sees it: its record class, table and fields. Each companion returns its
 * own from {@code model()}; pass models to {@link Database#createTables}.
 *
 * <pre>{@code
 * db.createTables(Users.model(), Transactions.model())
 * }</pre>
 *
 * @param <T> the record
 */
public interface Model<T extends Record> {
  /**
   * @return the record class
   */
  Class<T> type();

  /**
   * @return the model's name: the record's simple name, as exceptions and delete counts say
   */
  String name();

  /**
   * @return the table name
   */
  String table();

  /**
   * @return the fields, in component order
   */
  List<Field<T>> fields();

  /**
   * @return the {@code @Id} field
   */
  Field<T> primaryKey();
}
