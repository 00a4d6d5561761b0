package dev.asyncmodel.spi;

/**
 * The kinds of column asyncmodel maps, one per supported Java type. A dialect encodes values to its
 * driver and decodes them back by this kind; the processor picks it from the component's type.
 */
public enum ColumnType {
  /** {@code long}/{@code Long}: {@code bigint}; also every {@code @Id} and foreign key. */
  LONG,
  /** {@code int}/{@code Integer}: {@code integer}. */
  INT,
  /** {@code short}/{@code Short}: {@code smallint}. */
  SHORT,
  /** {@code boolean}/{@code Boolean}: {@code boolean}. */
  BOOLEAN,
  /** {@code double}/{@code Double}: {@code double precision}. */
  DOUBLE,
  /** {@code float}/{@code Float}: {@code real}. */
  FLOAT,
  /** {@code String}: {@code varchar(n)} with {@code @MaxLength(n)}, else {@code text}. */
  STRING,
  /** {@code BigDecimal} with {@code @Decimal(p, s)}: {@code numeric(p, s)}. */
  DECIMAL,
  /** {@code Instant}: {@code timestamp with time zone}. */
  INSTANT,
  /** {@code OffsetDateTime}: {@code timestamp with time zone}, read back in UTC. */
  OFFSET_DATE_TIME,
  /** {@code LocalDate}: {@code date}. */
  LOCAL_DATE,
  /** {@code LocalDateTime}: {@code timestamp}. */
  LOCAL_DATE_TIME,
  /** {@code LocalTime}: {@code time}. */
  LOCAL_TIME,
  /** {@code UUID}: {@code uuid}. */
  UUID,
  /** {@code byte[]}: {@code bytea}. */
  BYTES,
  /** An enum, stored by {@code name()}: {@code varchar}. */
  ENUM,
  /**
   * A {@code JsonObject} or {@code JsonArray}: Django's {@code JSONField}, {@code jsonb} on
   * PostgreSQL, {@code json} on MySQL and MariaDB, JSON text on SQLite.
   */
  JSON
}
