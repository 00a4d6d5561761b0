package dev.asyncmodel.internal;

import dev.asyncmodel.Ref;
import dev.asyncmodel.RefField;
import dev.asyncmodel.spi.ModelMeta;
import dev.asyncmodel.spi.RowReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a query with {@code selectRelated} reads its rows: the query's model's columns first, then
 * those of each model it loads, in the order its paths first reach them, all from one row of one
 * statement. Each record is read by its model's generated mapper, through a {@link RowReader} that
 * shifts column numbers to the record's place in the row and answers {@code getRef} of a loaded key
 * with a {@link Ref} that holds the record read from the same row: Django's {@code select_related},
 * with no further statement and no duplicated record.
 *
 * @param <T> the query's model
 */
final class RelatedRows<T extends Record> {
  /** A model the row holds: where its columns start, and the loaded keys among them. */
  private static final class Node {
    final List<RefField<?, ?>> path;
    final ModelMeta<?> model;
    final int offset;
    final int primaryKey;
    final @Nullable Node[] loaded;

    Node(List<RefField<?, ?>> path, ModelMeta<?> model, int offset) {
      this.path = path;
      this.model = model;
      this.offset = offset;
      this.primaryKey = Internals.spec(model.primaryKey()).index();
      this.loaded = new Node[model.fields().size()];
    }
  }

  private final ModelMeta<T> model;
  private final Node root;
  private final List<Node> nodes = new ArrayList<>();

  private RelatedRows(Query<T> q) {
    this.model = q.model();
    this.root = new Node(List.of(), q.model(), 0);
    int width = q.model().fields().size();
    Internals.Api api = Internals.api();
    for (RefField<T, ?> relation : q.related()) {
      List<RefField<?, ?>> hops = api.hops(relation);
      Node node = root;
      for (int i = 1; i <= hops.size(); i++) {
        int key = Internals.spec(hops.get(i - 1)).index();
        Node next = node.loaded[key];
        if (next == null) {
          ModelMeta<?> target = hops.get(i - 1).target();
          next = new Node(List.copyOf(hops.subList(0, i)), target, width);
          width += target.fields().size();
          node.loaded[key] = next;
          nodes.add(next);
        }
        node = next;
      }
    }
  }

  /**
   * @param q a query with {@code selectRelated}
   * @param <T> its model
   * @return how it reads its rows
   */
  static <T extends Record> RelatedRows<T> of(Query<T> q) {
    return new RelatedRows<>(q);
  }

  /**
   * @param q a query
   * @param <T> its model
   * @return the mapper of its rows: the model's own, or one that reads the loaded models too
   */
  static <T extends Record> Function<RowReader, T> reader(Query<T> q) {
    if (q.related().isEmpty()) {
      return q.model()::read;
    }
    RelatedRows<T> plan = q.relatedRows();
    return row -> plan.model.read(new ShiftedRow(row, plan.root));
  }

  /**
   * @return the path to each loaded model, in column order: what the statement joins
   */
  List<List<RefField<?, ?>>> paths() {
    List<List<RefField<?, ?>>> paths = new ArrayList<>(nodes.size());
    for (Node node : nodes) {
      paths.add(node.path);
    }
    return paths;
  }

  /** Appends the columns of every loaded model, each after a comma, in {@link #paths} order. */
  void columns(SqlBuffer b) {
    for (Node node : nodes) {
      for (dev.asyncmodel.Field<?> field : node.model.fields()) {
        b.append(", ").column(Internals.spec(field), node.path);
      }
    }
  }

  /** One model's columns of a row: column {@code i} of the model is {@code offset + i}. */
  private static final class ShiftedRow implements RowReader {
    private final RowReader row;
    private final Node node;
    private final int offset;

    ShiftedRow(RowReader row, Node node) {
      this.row = row;
      this.node = node;
      this.offset = node.offset;
    }

    @Override
    public <M extends Record> @Nullable Ref<M> getRef(int i) {
      Node target = node.loaded[i];
      if (target == null) {
        return row.getRef(offset + i);
      }
      Long id = row.getLong(offset + i);
      if (id == null) {
        return null;
      }
      if (row.getLong(target.offset + target.primaryKey) == null) {
        // The key names a row that is not there: a database without foreign key constraints.
        return Ref.ofId(id);
      }
      @SuppressWarnings("unchecked") // the node of a key to M reads an M
      M loaded = (M) target.model.read(new ShiftedRow(row, target));
      return Internals.api().loaded(id, loaded);
    }

    @Override
    public @Nullable Long getLong(int i) {
      return row.getLong(offset + i);
    }

    @Override
    public @Nullable Integer getInteger(int i) {
      return row.getInteger(offset + i);
    }

    @Override
    public @Nullable Short getShort(int i) {
      return row.getShort(offset + i);
    }

    @Override
    public @Nullable Boolean getBoolean(int i) {
      return row.getBoolean(offset + i);
    }

    @Override
    public @Nullable Double getDouble(int i) {
      return row.getDouble(offset + i);
    }

    @Override
    public @Nullable Float getFloat(int i) {
      return row.getFloat(offset + i);
    }

    @Override
    public @Nullable String getString(int i) {
      return row.getString(offset + i);
    }

    @Override
    public @Nullable BigDecimal getDecimal(int i, int scale) {
      return row.getDecimal(offset + i, scale);
    }

    @Override
    public @Nullable Instant getInstant(int i) {
      return row.getInstant(offset + i);
    }

    @Override
    public @Nullable OffsetDateTime getOffsetDateTime(int i) {
      return row.getOffsetDateTime(offset + i);
    }

    @Override
    public @Nullable LocalDate getLocalDate(int i) {
      return row.getLocalDate(offset + i);
    }

    @Override
    public @Nullable LocalDateTime getLocalDateTime(int i) {
      return row.getLocalDateTime(offset + i);
    }

    @Override
    public @Nullable LocalTime getLocalTime(int i) {
      return row.getLocalTime(offset + i);
    }

    @Override
    public @Nullable UUID getUuid(int i) {
      return row.getUuid(offset + i);
    }

    @Override
    public byte @Nullable [] getBytes(int i) {
      return row.getBytes(offset + i);
    }

    @Override
    public <E extends Enum<E>> @Nullable E getEnum(int i, Function<String, E> valueOf) {
      return row.getEnum(offset + i, valueOf);
    }

    @Override
    public @Nullable Object getJson(int i) {
      return row.getJson(offset + i);
    }

    @Override
    public @Nullable JsonObject getJsonObject(int i) {
      return row.getJsonObject(offset + i);
    }

    @Override
    public @Nullable JsonArray getJsonArray(int i) {
      return row.getJsonArray(offset + i);
    }
  }
}
