package dev.asyncmodel.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.asyncmodel.Ref;
import dev.asyncmodel.bench.Data.CategorySum;
import dev.asyncmodel.bench.Data.Request;
import dev.asyncmodel.bench.model.Transaction;
import dev.asyncmodel.bench.model.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations on the blocking stack users would pick instead: pgjdbc behind HikariCP, one thread
 * per request in flight. pgjdbc prepares a statement on the server from its fifth execution on a
 * connection ({@code prepareThreshold=5}) and caches it: the equivalent of the reactive client's
 * prepared-statement cache.
 */
final class JdbcImpl implements Impl.Blocking {
  private static final String GET = jdbc(VertxImpl.GET);
  private static final String LATEST = jdbc(VertxImpl.LATEST);
  private static final String COUNT = jdbc(VertxImpl.COUNT);
  private static final String FEED = VertxImpl.FEED;
  private static final String USERS_PAGE = jdbc(VertxImpl.USERS_PAGE);
  private static final String RECENT_OF_USERS = jdbc(VertxImpl.RECENT_OF_USERS);
  private static final String RECENT_OF_USER = jdbc(VertxImpl.RECENT_OF_USER);
  private static final String ACTIVE_USERS = jdbc(VertxImpl.ACTIVE_USERS);
  private static final String EXISTS = jdbc(VertxImpl.EXISTS);
  private static final String INSERT = jdbc(VertxImpl.INSERT);
  private static final String INSERT_WITH_ID = jdbc(VertxImpl.INSERT_WITH_ID);
  private static final String UPDATE = jdbc(VertxImpl.UPDATE);
  private static final String SUM_BY_CATEGORY = jdbc(VertxImpl.SUM_BY_CATEGORY);
  private static final String INCREMENT = jdbc(VertxImpl.INCREMENT);
  private static final String DELETE = jdbc(VertxImpl.DELETE);

  private final HikariDataSource pool;
  private final DeletePool deletable;

  JdbcImpl(PgServer server, int poolSize, DeletePool deletable) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.user());
    if (!server.password().isEmpty()) {
      config.setPassword(server.password());
    }
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(poolSize);
    config.setPoolName("bench-jdbc");
    this.pool = new HikariDataSource(config);
    this.deletable = deletable;
  }

  private static List<User> usersPage(Connection c, Request r) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(USERS_PAGE)) {
      s.setLong(1, Data.firstOfPage(r));
      try (ResultSet rs = s.executeQuery()) {
        List<User> page = new ArrayList<>(Data.USER_PAGE);
        while (rs.next()) {
          page.add(new User(rs.getLong(1), rs.getString(2)));
        }
        return page;
      }
    }
  }

  /** The same statement with JDBC's {@code ?} placeholders. */
  static String jdbc(String sql) {
    return sql.replaceAll("\\$[0-9]+", "?");
  }

  @Override
  public String name() {
    return "jdbc";
  }

  static Transaction map(ResultSet rs) throws SQLException {
    return new Transaction(
        rs.getLong(1),
        Ref.ofId(rs.getLong(2)),
        rs.getBigDecimal(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, OffsetDateTime.class).toInstant());
  }

  @Override
  public void call(Op op, Request r) throws SQLException {
    try (Connection c = pool.getConnection()) {
      switch (op) {
        case GET -> {
          try (PreparedStatement s = c.prepareStatement(GET)) {
            s.setLong(1, r.id());
            try (ResultSet rs = s.executeQuery()) {
              if (!rs.next()) {
                throw new Data.CheckFailed("get by pk " + r.id() + ": no row");
              }
              Data.checkGet(r, map(rs));
            }
          }
        }
        case LATEST -> {
          try (PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setLong(1, r.user());
            try (ResultSet rs = s.executeQuery()) {
              List<Transaction> page = new ArrayList<>(Data.PAGE);
              while (rs.next()) {
                page.add(map(rs));
              }
              Data.checkLatest(r, page);
            }
          }
        }
        case LATEST_WITH_USER -> {
          try (PreparedStatement s = c.prepareStatement(FEED);
              ResultSet rs = s.executeQuery()) {
            List<Transaction> page = new ArrayList<>(Data.PAGE);
            while (rs.next()) {
              User owner = new User(rs.getLong(7), rs.getString(8));
              page.add(
                  new Transaction(
                      rs.getLong(1),
                      Ref.of(owner),
                      rs.getBigDecimal(3),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getObject(6, OffsetDateTime.class).toInstant()));
            }
            Data.checkFeed(page);
          }
        }
        case PREFETCH -> {
          List<User> page = usersPage(c, r);
          Long[] ids = new Long[page.size()];
          Map<Long, List<Transaction>> byUser = new HashMap<>();
          for (int i = 0; i < ids.length; i++) {
            ids[i] = page.get(i).id();
            byUser.put(ids[i], new ArrayList<>());
          }
          try (PreparedStatement s = c.prepareStatement(RECENT_OF_USERS)) {
            s.setObject(1, Data.RECENT.atOffset(ZoneOffset.UTC));
            s.setArray(2, c.createArrayOf("bigint", ids));
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                Transaction t = map(rs);
                byUser.get(t.user().id()).add(t);
              }
            }
          }
          Data.checkSets(r, page, u -> byUser.get(u.id()));
        }
        case N_PLUS_ONE -> {
          List<User> page = usersPage(c, r);
          Map<Long, List<Transaction>> byUser = new HashMap<>();
          for (User u : page) {
            try (PreparedStatement s = c.prepareStatement(RECENT_OF_USER)) {
              s.setObject(1, Data.RECENT.atOffset(ZoneOffset.UTC));
              s.setLong(2, u.id());
              List<Transaction> set = new ArrayList<>();
              try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                  set.add(map(rs));
                }
              }
              byUser.put(u.id(), set);
            }
          }
          Data.checkSets(r, page, u -> byUser.get(u.id()));
        }
        case EXISTS_RECENT -> {
          try (PreparedStatement s = c.prepareStatement(ACTIVE_USERS)) {
            s.setObject(1, Data.RECENT.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
              List<User> users = new ArrayList<>(Data.USER_PAGE);
              while (rs.next()) {
                users.add(new User(rs.getLong(1), rs.getString(2)));
              }
              Data.checkActive(users);
            }
          }
        }
        case COUNT -> {
          try (PreparedStatement s = c.prepareStatement(COUNT)) {
            s.setLong(1, r.user());
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              Data.checkCount(r, rs.getLong(1));
            }
          }
        }
        case EXISTS -> {
          try (PreparedStatement s = c.prepareStatement(EXISTS)) {
            s.setLong(1, r.user());
            try (ResultSet rs = s.executeQuery()) {
              Data.checkExists(r, rs.next());
            }
          }
        }
        case INSERT -> {
          Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
          try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, r.user());
            s.setBigDecimal(2, r.amount());
            s.setString(3, "inserted");
            s.setString(4, r.category());
            s.setObject(5, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
              rs.next();
              Data.checkInsert(
                  r,
                  new Transaction(
                      rs.getLong(1), Ref.ofId(r.user()), r.amount(), "inserted", r.category(), now),
                  deletable);
            }
          }
        }
        case SUM_BY_CATEGORY -> {
          try (PreparedStatement s = c.prepareStatement(SUM_BY_CATEGORY)) {
            s.setLong(1, r.user());
            try (ResultSet rs = s.executeQuery()) {
              List<CategorySum> groups = new ArrayList<>();
              while (rs.next()) {
                groups.add(new CategorySum(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
              }
              Data.checkSumByCategory(r, groups);
            }
          }
        }
        case INCREMENT -> {
          try (PreparedStatement s = c.prepareStatement(INCREMENT)) {
            s.setBigDecimal(1, Data.INCREMENT);
            s.setLong(2, r.id());
            Data.checkOneRow("increment", s.executeUpdate());
          }
        }
        case UPDATE -> {
          try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setBigDecimal(1, r.amount());
            s.setLong(2, r.id());
            Data.checkOneRow("update", s.executeUpdate());
          }
        }
        case GET_OR_CREATE -> getOrCreate(c, r);
        case DELETE -> {
          try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setLong(1, r.deleteId());
            Data.checkOneRow("delete", s.executeUpdate());
          }
        }
      }
    }
  }

  private static void getOrCreate(Connection c, Request r) throws SQLException {
    Transaction template = Data.template(r);
    try (PreparedStatement s = c.prepareStatement(GET)) {
      s.setLong(1, template.id());
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          Data.checkGetOrCreate(r, map(rs), false);
          return;
        }
      }
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement s = c.prepareStatement(INSERT_WITH_ID)) {
      s.setLong(1, template.id());
      s.setLong(2, template.user().id());
      s.setBigDecimal(3, template.amount());
      s.setString(4, template.description());
      s.setString(5, template.category());
      s.setObject(6, now.atOffset(ZoneOffset.UTC));
      s.executeQuery().close();
    }
    Data.checkGetOrCreate(
        r,
        new Transaction(
            template.id(),
            template.user(),
            template.amount(),
            template.description(),
            template.category(),
            now),
        true);
  }

  @Override
  public void close() {
    pool.close();
  }
}
