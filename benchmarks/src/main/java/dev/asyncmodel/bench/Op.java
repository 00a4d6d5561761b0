package dev.asyncmodel.bench;

import java.util.List;

/** The operations the issue names, each one request of the closed loop. */
public enum Op {
  GET("get", "get by pk"),
  LATEST("latest50", "latest 50 of a user"),
  LATEST_WITH_USER("feed50", "latest 50 with their user"),
  PREFETCH("prefetch50", "50 users, their recent rows (prefetch)"),
  N_PLUS_ONE("nplus1", "50 users, their recent rows (N+1)"),
  EXISTS_RECENT("active50", "50 users with a recent row (EXISTS)"),
  COUNT("count", "count of a user"),
  SUM_BY_CATEGORY("sumcat", "sum per category of a user"),
  EXISTS("exists", "exists"),
  INSERT("insert", "insert (acreate)"),
  UPDATE("update", "update by pk"),
  INCREMENT("increment", "F-increment by pk"),
  GET_OR_CREATE("getorcreate", "get_or_create, existing row"),
  DELETE("delete", "delete by pk");

  /** The order a round runs them in: reads on the base data first, then the writes. */
  public static final List<Op> RUN_ORDER =
      List.of(
          GET,
          LATEST,
          LATEST_WITH_USER,
          PREFETCH,
          N_PLUS_ONE,
          EXISTS_RECENT,
          COUNT,
          SUM_BY_CATEGORY,
          EXISTS,
          GET_OR_CREATE,
          UPDATE,
          INCREMENT,
          INSERT,
          DELETE);

  private final String key;
  private final String label;

  Op(String key, String label) {
    this.key = key;
    this.label = label;
  }

  /**
   * @return the name on the command line ({@code --ops get,count})
   */
  public String key() {
    return key;
  }

  /**
   * @return the name in the table
   */
  public String label() {
    return label;
  }

  /**
   * @param key a command-line name
   * @return the operation
   * @throws IllegalArgumentException for an unknown name
   */
  public static Op byKey(String key) {
    for (Op op : values()) {
      if (op.key.equals(key)) {
        return op;
      }
    }
    throw new IllegalArgumentException(
        "Unknown operation "
            + key
            + ": one of get, latest50, feed50, prefetch50, nplus1, active50, count, sumcat, exists, insert, update, increment,"
            + " getorcreate, delete");
  }
}
