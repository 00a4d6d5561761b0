package dev.asyncmodel.bench;

import static dev.asyncmodel.bench.model.Transactions.AMOUNT;
import static dev.asyncmodel.bench.model.Transactions.CATEGORY;
import static dev.asyncmodel.bench.model.Transactions.CREATED_AT;
import static dev.asyncmodel.bench.model.Transactions.ID;
import static dev.asyncmodel.bench.model.Transactions.USER;

import dev.asyncmodel.Aggregate;
import dev.asyncmodel.Database;
import dev.asyncmodel.Ref;
import dev.asyncmodel.bench.Data.CategorySum;
import dev.asyncmodel.bench.Data.Request;
import dev.asyncmodel.bench.model.Transaction;
import dev.asyncmodel.bench.model.TransactionQuerySet;
import dev.asyncmodel.bench.model.Transactions;
import dev.asyncmodel.bench.model.User;
import dev.asyncmodel.bench.model.Users;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The operations as a user writes them with asyncmodel: the generated QuerySets, nothing else. */
final class AsyncmodelImpl implements Impl.Async {
  private final String name;
  private final Database db;
  private final DeletePool deletable;
  private final User[] users;

  /** The aggregates of "sum per category", made once as a user keeps them in constants. */
  private static final Aggregate<Transaction, Long> GROUP_COUNT = ID.count();

  private static final Aggregate<Transaction, BigDecimal> GROUP_SUM = AMOUNT.sum();

  AsyncmodelImpl(String name, Vertx vertx, String url, DeletePool deletable) throws Exception {
    this.name = name;
    this.db = Database.connect(vertx, url);
    this.deletable = deletable;
    List<User> all =
        Users.objects(db)
            .orderBy(Users.ID.asc())
            .aall()
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    if (all.size() != Data.USERS) {
      throw new IllegalStateException("expected " + Data.USERS + " users, found " + all.size());
    }
    this.users = all.toArray(new User[0]);
  }

  @Override
  public String name() {
    return name;
  }

  private User user(long id) {
    return users[(int) id - 1];
  }

  @Override
  public Future<?> call(Op op, Request r) {
    return switch (op) {
      case GET -> Transactions.objects(db).aget(ID.eq(r.id())).map(t -> Data.checkGet(r, t));
      case LATEST ->
          Transactions.objects(db)
              .filter(USER.eq(user(r.user())))
              .orderBy(CREATED_AT.desc())
              .limit(Data.PAGE)
              .aall()
              .map(page -> Data.checkLatest(r, page));
      case LATEST_WITH_USER ->
          Transactions.objects(db)
              .selectRelated(USER)
              .orderBy(CREATED_AT.desc())
              .limit(Data.PAGE)
              .aall()
              .map(Data::checkFeed);
      case PREFETCH ->
          usersPage(r)
              .compose(
                  page ->
                      recent()
                          .aprefetch(USER, page)
                          .map(sets -> Data.checkSets(r, page, sets::of)));
      case N_PLUS_ONE ->
          usersPage(r)
              .compose(
                  page -> {
                    List<Future<List<Transaction>>> sets = new ArrayList<>(page.size());
                    for (User u : page) {
                      sets.add(recent().filter(USER.eq(u)).aall());
                    }
                    return Future.all(sets).map(all -> Data.checkSetsInOrder(r, page, sets));
                  });
      case EXISTS_RECENT ->
          Users.objects(db)
              .filter(USER.exists(CREATED_AT.gte(Data.RECENT)))
              .orderBy(Users.ID.asc())
              .limit(Data.USER_PAGE)
              .aall()
              .map(Data::checkActive);
      case COUNT ->
          Transactions.objects(db)
              .filter(USER.eq(user(r.user())))
              .acount()
              .map(n -> Data.checkCount(r, n));
      case SUM_BY_CATEGORY ->
          Transactions.objects(db)
              .filter(USER.eq(user(r.user())))
              .values(CATEGORY, GROUP_COUNT, GROUP_SUM)
              .orderBy(CATEGORY.asc())
              .aall(
                  row ->
                      new CategorySum(row.get(CATEGORY), row.get(GROUP_COUNT), row.get(GROUP_SUM)))
              .map(groups -> Data.checkSumByCategory(r, groups));
      case INCREMENT ->
          Transactions.objects(db)
              .filter(ID.eq(r.id()))
              .aupdate(AMOUNT.setTo(AMOUNT.plus(Data.INCREMENT)))
              .map(n -> Data.checkOneRow("increment", n));
      case EXISTS ->
          Transactions.objects(db)
              .filter(USER.eq(user(r.user())))
              .aexists()
              .map(b -> Data.checkExists(r, b));
      case INSERT ->
          Transactions.objects(db)
              .acreate(
                  new Transaction(
                      null, Ref.of(user(r.user())), r.amount(), "inserted", r.category(), null))
              .map(t -> Data.checkInsert(r, t, deletable));
      case UPDATE ->
          Transactions.objects(db)
              .filter(ID.eq(r.id()))
              .aupdate(AMOUNT.set(r.amount()))
              .map(n -> Data.checkOneRow("update", n));
      case GET_OR_CREATE ->
          Transactions.objects(db)
              .agetOrCreate(Data.template(r), ID)
              .map(c -> Data.checkGetOrCreate(r, c.object(), c.created()));
      case DELETE ->
          Transactions.objects(db)
              .filter(ID.eq(r.deleteId()))
              .adelete()
              .map(d -> Data.checkOneRow("delete", d.count()));
    };
  }

  private Future<List<User>> usersPage(Request r) {
    return Users.objects(db)
        .filter(Users.ID.gte(Data.firstOfPage(r)))
        .orderBy(Users.ID.asc())
        .limit(Data.USER_PAGE)
        .aall();
  }

  private TransactionQuerySet recent() {
    return Transactions.objects(db).filter(CREATED_AT.gte(Data.RECENT)).orderBy(CREATED_AT.desc());
  }

  @Override
  public void close() throws Exception {
    db.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
