package dev.asyncmodel.internal.telemetry;

import dev.asyncmodel.DatabaseException;
import dev.asyncmodel.TransactionOptions;
import dev.asyncmodel.internal.ChunkSource;
import dev.asyncmodel.internal.ConnectionUrl;
import dev.asyncmodel.internal.Deadline;
import dev.asyncmodel.internal.Dialect;
import dev.asyncmodel.internal.ObservedSource;
import dev.asyncmodel.internal.PoolState;
import dev.asyncmodel.internal.Session;
import dev.asyncmodel.internal.Statement;
import dev.asyncmodel.spi.RowReader;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * OpenTelemetry for a database whose URL says {@code telemetry=opentelemetry}: a CLIENT span per
 * statement and the histogram {@code db.client.operation.duration}, with the stable database
 * semantic conventions ({@code db.system.name}, {@code db.namespace}, {@code db.collection.name},
 * {@code db.operation.name}, {@code db.query.text}, {@code server.address}, {@code server.port},
 * {@code error.type}), and the pool's {@code db.client.connection.count} and {@code
 * db.client.connection.pending_requests}. The query text is the statement with its placeholders:
 * values are never recorded, and neither is a failure's message, which may quote one. Uses {@link
 * GlobalOpenTelemetry}, as the application configured it.
 *
 * <p>The only class that refers to OpenTelemetry: without the setting it is never loaded, so the
 * dependency is optional and costs nothing when absent.
 */
public final class TelemetrySession implements Session {
  private static final String SCOPE = "dev.asyncmodel";

  private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("db.system.name");
  private static final AttributeKey<String> NAMESPACE = AttributeKey.stringKey("db.namespace");
  private static final AttributeKey<String> COLLECTION =
      AttributeKey.stringKey("db.collection.name");
  private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("db.operation.name");
  private static final AttributeKey<String> QUERY = AttributeKey.stringKey("db.query.text");
  private static final AttributeKey<String> SERVER = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
  private static final AttributeKey<String> ERROR = AttributeKey.stringKey("error.type");
  private static final AttributeKey<Long> RETURNED_ROWS =
      AttributeKey.longKey("db.response.returned_rows");
  private static final AttributeKey<String> STATE =
      AttributeKey.stringKey("db.client.connection.state");
  private static final AttributeKey<String> POOL =
      AttributeKey.stringKey("db.client.connection.pool.name");

  /** The buckets the semantic conventions advise for {@code db.client.operation.duration}. */
  private static final List<Double> BUCKETS =
      List.of(0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 10.0);

  /** The first table a statement names: after FROM, INTO, UPDATE or JOIN, quoted or not. */
  private static final Pattern TABLE =
      Pattern.compile(
          "(?i)\\b(?:FROM|INTO|UPDATE|JOIN)\\s+(?:\"([^\"]+)\"|`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))");

  /** What is recorded for every statement of one database. */
  private record Instruments(Tracer tracer, DoubleHistogram duration, Attributes common) {}

  /**
   * A statement's name and low-cardinality attributes, worked out once per SQL text.
   *
   * @param name the span's name
   * @param attributes the database's attributes with the operation and the collection: the span's
   *     (but the query text) and the metric's on success
   */
  private record Summary(String name, Attributes attributes) {}

  private static final int MAX_SUMMARIES = 4096;

  private final Session inner;
  private final Instruments instruments;
  private final Map<String, Summary> summaries;

  private TelemetrySession(Session inner, Instruments instruments, Map<String, Summary> summaries) {
    this.inner = inner;
    this.instruments = instruments;
    this.summaries = summaries;
  }

  /**
   * @param inner the database's session
   * @param url the database's URL: its backend, database, host and port
   * @param pool what its connections are doing
   * @param instrumentsToClose gets the pool's metric callbacks, to close with the database
   * @return the session that records each statement of {@code inner}
   */
  public static Session wrap(
      Session inner, ConnectionUrl url, PoolState pool, List<AutoCloseable> instrumentsToClose) {
    OpenTelemetry otel = GlobalOpenTelemetry.get();
    Tracer tracer = otel.getTracer(SCOPE);
    Meter meter = otel.getMeter(SCOPE);
    AttributesBuilder common =
        Attributes.builder().put(SYSTEM, system(url.backend())).put(NAMESPACE, url.database());
    if (!url.host().isEmpty()) {
      common.put(SERVER, url.host());
      if (url.port() > 0) {
        common.put(PORT, (long) url.port());
      }
    }
    Attributes attributes = common.build();
    DoubleHistogram duration =
        meter
            .histogramBuilder("db.client.operation.duration")
            .setUnit("s")
            .setDescription("Duration of database client operations.")
            .setExplicitBucketBoundariesAdvice(BUCKETS)
            .build();
    String poolName = url.toString();
    Attributes poolAttributes = Attributes.of(SYSTEM, system(url.backend()), POOL, poolName);
    instrumentsToClose.add(
        meter
            .upDownCounterBuilder("db.client.connection.count")
            .setUnit("{connection}")
            .setDescription(
                "The connections open, by whether a statement outside a transaction uses")
            .buildWithCallback(
                counter -> {
                  int open = pool.connections();
                  int running = Math.max(0, pool.outstanding() - pool.waiting());
                  int used = Math.min(open, running);
                  counter.record(used, poolAttributes.toBuilder().put(STATE, "used").build());
                  counter.record(
                      open - used, poolAttributes.toBuilder().put(STATE, "idle").build());
                }));
    instrumentsToClose.add(
        meter
            .upDownCounterBuilder("db.client.connection.pending_requests")
            .setUnit("{request}")
            .setDescription("The statements waiting for a connection")
            .buildWithCallback(counter -> counter.record(pool.waiting(), poolAttributes)));
    return new TelemetrySession(
        inner, new Instruments(tracer, duration, attributes), new ConcurrentHashMap<>());
  }

  /** The semantic conventions' names: MariaDB and MySQL share asyncmodel's {@code mysql}. */
  private static String system(String backend) {
    return switch (backend) {
      case "postgresql" -> "postgresql";
      case "sqlite" -> "sqlite";
      default -> "mysql";
    };
  }

  private Summary summary(String sql) {
    Summary known = summaries.get(sql);
    if (known != null) {
      return known;
    }
    String trimmed = sql.stripLeading();
    int end = 0;
    while (end < trimmed.length() && Character.isLetter(trimmed.charAt(end))) {
      end++;
    }
    String operation = trimmed.substring(0, end).toUpperCase(Locale.ROOT);
    Matcher table = TABLE.matcher(sql);
    String collection = "";
    if (table.find()) {
      for (int group = 1; group <= 3; group++) {
        if (table.group(group) != null) {
          collection = table.group(group);
          break;
        }
      }
    }
    AttributesBuilder attributes = instruments.common().toBuilder();
    if (!operation.isEmpty()) {
      attributes.put(OPERATION, operation);
    }
    if (!collection.isEmpty()) {
      attributes.put(COLLECTION, collection);
    }
    Summary made =
        new Summary(
            collection.isEmpty() ? operation : operation + " " + collection, attributes.build());
    if (summaries.size() < MAX_SUMMARIES) {
      summaries.putIfAbsent(sql, made);
    }
    return made;
  }

  private <X> Future<X> traced(Statement statement, Supplier<Future<X>> call) {
    Summary summary = summary(statement.sql());
    Span span = startSpan(summary, statement);
    long start = System.nanoTime();
    Future<X> result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      finish(span, summary, start, e);
      throw e;
    }
    return result.andThen(done -> finish(span, summary, start, done.cause()));
  }

  /** A CLIENT span for a statement, named and described by its summary, with its text. */
  private Span startSpan(Summary summary, Statement statement) {
    return instruments
        .tracer()
        .spanBuilder(summary.name())
        .setSpanKind(SpanKind.CLIENT)
        .setAllAttributes(summary.attributes())
        .setAttribute(QUERY, statement.sql())
        .startSpan();
  }

  private void finish(Span span, Summary summary, long start, Throwable failure) {
    Attributes attributes = summary.attributes();
    if (failure != null) {
      String type = failure.getClass().getName();
      attributes = attributes.toBuilder().put(ERROR, type).build();
      span.setAttribute(ERROR, type);
      String state =
          failure instanceof DatabaseException db && db.sqlState() != null
              ? " (" + db.sqlState() + ")"
              : "";
      span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName() + state);
    }
    span.end();
    instruments.duration().record((System.nanoTime() - start) / 1e9, attributes);
  }

  @Override
  public Dialect dialect() {
    return inner.dialect();
  }

  @Override
  public <R, X> Future<X> select(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return traced(statement, () -> inner.select(statement, mapper, finish));
  }

  @Override
  public <R, X> Future<X> selectByName(
      Statement statement,
      Function<List<String>, Function<RowReader, R>> mappers,
      Function<List<R>, X> finish) {
    return traced(statement, () -> inner.selectByName(statement, mappers, finish));
  }

  @Override
  public <R, X> Future<X> writeReturning(
      Statement statement, Function<RowReader, R> mapper, Function<List<R>, X> finish) {
    return traced(statement, () -> inner.writeReturning(statement, mapper, finish));
  }

  @Override
  public <R> ChunkSource<R> stream(
      Statement statement, Function<RowReader, R> mapper, int chunkSize) {
    ChunkSource<R> source = inner.stream(statement, mapper, chunkSize);
    Summary summary = summary(statement.sql());
    // The span lasts from the stream's first read to its close and says how many rows it gave;
    // the duration metric leaves streams out, whose length is their consumer's.
    return new ObservedSource<>(
        source,
        new ObservedSource.Watcher() {
          private @Nullable Span span;

          @Override
          public void opened() {
            span = startSpan(summary, statement);
          }

          @Override
          public void closed(
              long nanos, long rows, @Nullable Throwable failure, boolean completed) {
            Span open = Objects.requireNonNull(span, "span");
            open.setAttribute(RETURNED_ROWS, rows);
            if (failure != null) {
              open.setAttribute(ERROR, failure.getClass().getName());
              open.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
            }
            open.end();
          }
        });
  }

  @Override
  public <X> Future<X> update(Statement statement, Function<Long, X> finish) {
    return traced(statement, () -> inner.update(statement, finish));
  }

  @Override
  public <X> Future<X> insert(Statement statement, Function<Long, X> finish) {
    return traced(statement, () -> inner.insert(statement, finish));
  }

  @Override
  public <T> Future<T> atomic(TransactionOptions options, Function<Session, Future<T>> block) {
    return inner.atomic(
        options, tx -> block.apply(new TelemetrySession(tx, instruments, summaries)));
  }

  @Override
  public void onCommit(Runnable callback) {
    inner.onCommit(callback);
  }

  @Override
  public boolean inTransaction() {
    return inner.inTransaction();
  }

  @Override
  public @Nullable IllegalStateException unusable() {
    return inner.unusable();
  }

  @Override
  public Session withDeadline(Deadline deadline) {
    return new TelemetrySession(inner.withDeadline(deadline), instruments, summaries);
  }
}
