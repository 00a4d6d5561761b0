package dev.asyncmodel.internal;

import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ModelMeta;
import java.util.Arrays;
import java.util.List;

/**
 * The shape of a statement: its model and a sequence of codes that says everything its SQL text
 * depends on (which statement, which lookups on which fields, how they nest, the ordering, the
 * limit), and nothing its bound values do. Equal shapes render equal SQL, so a shape is the key of
 * the dialect's SQL cache.
 *
 * <p>The codes are written so that no two structures give the same sequence: each condition starts
 * with a tag, and a junction writes its size before its parts.
 *
 * <p>A statement's shape is written into a probe that each thread reuses, so that a query whose SQL
 * is already cached allocates nothing to find it; only a miss copies the probe into a key of its
 * own ({@link #key()}). A probe is used for one lookup at a time and never escapes this package.
 */
final class Shape {
  // Kinds of statement.
  static final int SELECT = 1;
  static final int COUNT = 2;
  static final int EXISTS = 3;
  static final int UPDATE = 4;
  static final int INSERT = 5;
  static final int DELETE = 6;
  static final int BULK_INSERT = 7;
  static final int BULK_UPDATE = 8;
  static final int CONTAINS = 9;
  static final int EXPLAIN = 10;
  static final int VALUES = 11;

  // Tags of the parts of a statement.
  static final int LOOKUP = -1;
  static final int JUNCTION = -2;
  static final int NEGATION = -3;
  static final int ORDER = -4;
  static final int LIMIT = -5;
  static final int OFFSET = -6;
  static final int FOR_UPDATE = -7;
  static final int ASSIGNMENTS = -8;
  static final int EXPLICIT_ID = -9;
  static final int RELATIONS = -10;
  static final int COMPARISON = -11;
  static final int EXPR_ORDER = -12;
  static final int EXPR_ASSIGN = -13;
  static final int GROUPS = -14;
  static final int HAVING = -15;
  static final int SUBQUERY = -17;
  static final int JSON = -16;
  static final int PATH = -18;
  static final int RELATED = -19;
  static final int EXISTS_ROWS = -20;

  /** A number for each model, for shapes that name a model besides their own. */
  private static final java.util.Map<ModelMeta<?>, Integer> MODELS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.concurrent.atomic.AtomicInteger MODEL_COUNT =
      new java.util.concurrent.atomic.AtomicInteger();

  /**
   * @param model a model
   * @return its number, the same for the life of the class loader
   */
  static int model(ModelMeta<?> model) {
    Integer known = MODELS.get(model);
    return known != null
        ? known
        : MODELS.computeIfAbsent(model, m -> MODEL_COUNT.getAndIncrement());
  }

  private static final ThreadLocal<Shape> PROBES = ThreadLocal.withInitial(() -> new Shape(16));

  private ModelMeta<?> model;
  private int[] codes;
  private int length;
  private int hash;

  private Shape(int capacity) {
    this.codes = new int[capacity];
  }

  /**
   * This thread's probe, emptied, for a statement of {@code kind} on {@code model}.
   *
   * @param model the statement's model
   * @param kind {@link #SELECT}, {@link #COUNT}, ...
   * @return the probe
   */
  static Shape probe(ModelMeta<?> model, int kind) {
    Shape probe = PROBES.get();
    probe.model = model;
    probe.length = 0;
    probe.hash = 0;
    return probe.add(kind);
  }

  /**
   * @param code the next code
   * @return this shape
   */
  Shape add(int code) {
    if (length == codes.length) {
      codes = Arrays.copyOf(codes, length * 2);
    }
    codes[length++] = code;
    hash = 0;
    return this;
  }

  /**
   * Adds a path of foreign keys, before the code of the column it reaches: nothing for a column of
   * the query's model, else {@link #PATH}, the number of keys and each key's index in its model.
   *
   * @param hops the foreign keys
   * @return this shape
   */
  Shape path(List<RefField<?, ?>> hops) {
    if (!hops.isEmpty()) {
      add(PATH, hops.size());
      for (RefField<?, ?> hop : hops) {
        add(Internals.spec(hop).index());
      }
    }
    return this;
  }

  /**
   * @param first the next code
   * @param second the one after it
   * @return this shape
   */
  Shape add(int first, int second) {
    return add(first).add(second);
  }

  /**
   * A key of its own with this probe's contents, to keep in the cache.
   *
   * @return a new shape, never changed again
   */
  Shape key() {
    Shape key = new Shape(0);
    key.model = model;
    key.codes = Arrays.copyOf(codes, length);
    key.length = length;
    key.hash = hashCode();
    return key;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = System.identityHashCode(model);
      for (int i = 0; i < length; i++) {
        h = 31 * h + codes[i];
      }
      hash = h;
    }
    return h;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Shape that
        && that.model == model
        && Arrays.equals(codes, 0, length, that.codes, 0, that.length);
  }

  @Override
  public String toString() {
    return model.name() + Arrays.toString(Arrays.copyOf(codes, length));
  }
}
