package dev.asyncmodel.sample;

import static dev.asyncmodel.sample.fixture.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asyncmodel.sample.fixture.DocExample;
import dev.asyncmodel.sample.fixture.HostileBodies;
import dev.asyncmodel.sample.fixture.Http;
import dev.asyncmodel.sample.fixture.Http.Login;
import dev.asyncmodel.sample.fixture.Http.Reply;
import dev.asyncmodel.sample.fixture.RawHttp;
import dev.asyncmodel.sample.fixture.RawHttp.Answer;
import dev.asyncmodel.sample.model.Transaction;
import dev.asyncmodel.sample.model.Transactions;
import dev.asyncmodel.sample.model.User;
import dev.asyncmodel.sample.model.Users;
import dev.asyncmodel.testfixtures.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * The API over real HTTP, on one backend: each subclass names its database. The app is started in
 * this JVM, as {@code main} would start it, on a free port, with few PBKDF2 iterations; its tables
 * are dropped first, so it creates them as on a first start. Each test makes its own users, so the
 * tests do not see each other's transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
  /** Few iterations: the tests sign in often. The hash format is the same. */
  static final int TEST_ITERATIONS = 1000;

  private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,8}\\.[0-9]{2}");
  private static final Set<String> TRANSACTION_KEYS =
      Set.of("id", "amount", "description", "category", "created_at");

  private final AtomicInteger users = new AtomicInteger();
  private Vertx vertx;
  private App app;
  private Http http;
  private RawHttp raw;
  private String skipped;
  private String databaseUrl;

  /**
   * @return the database to run on; may skip the class with an assumption
   */
  abstract TestDatabase database();

  @BeforeAll
  void start() {
    TestDatabase database;
    try {
      database = database();
    } catch (TestAbortedException e) {
      // Skip every test, each with the reason, rather than the class without one.
      skipped = String.valueOf(e.getMessage()).replaceFirst("^Assumption failed: ", "");
      System.out.println("[sample-app] " + getClass().getSimpleName() + ": " + skipped);
      return;
    }
    System.out.println(
        "[sample-app] "
            + getClass().getSimpleName()
            + ": "
            + database.name()
            + ", "
            + database.description());
    // The conformance suite uses tables of the same names on a shared server; it drops and
    // creates its own at its start, and test modules run one after the other.
    database.dropTables("transaction", "auth_user");
    databaseUrl = database.url();
    vertx = Vertx.vertx();
    app = await(App.start(vertx, new Config("127.0.0.1", 0, databaseUrl, TEST_ITERATIONS, 1024)));
    http = new Http(vertx, app.port());
    raw = new RawHttp(app.port());
  }

  @BeforeEach
  void skipWithoutDatabase() {
    assumeTrue(skipped == null, skipped);
  }

  @AfterAll
  void stop() {
    if (http != null) {
      http.close();
    }
    if (app != null) {
      await(app.stop());
    }
    if (vertx != null) {
      await(vertx.close());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private Login signUp() {
    Login login = new Login("user" + users.incrementAndGet(), "pass-" + users.get() + "-word");
    Reply reply =
        http.post(
            "/api/users",
            null,
            new JsonObject()
                .put("username", login.username())
                .put("password", login.password())
                .encode());
    assertEquals(201, reply.status(), reply::toString);
    return login;
  }

  private JsonObject create(Login login, String amount, String description, String category) {
    Reply reply =
        http.post(
            "/api/transactions",
            login,
            new JsonObject()
                .put("amount", amount)
                .put("description", description)
                .put("category", category)
                .encode());
    assertEquals(201, reply.status(), reply::toString);
    return reply.json();
  }

  /**
   * A transaction made through the library, with a {@code created_at} of the test's choosing, which
   * the API does not take; answered as the API shows it.
   */
  private JsonObject createAt(Login login, String amount, String category, String createdAt) {
    Transaction made =
        await(
            Transactions.objects(app.database())
                .acreate(
                    new Transaction(
                        null,
                        dev.asyncmodel.Ref.of(user(login)),
                        new BigDecimal(amount),
                        "made at " + createdAt,
                        category,
                        Instant.parse(createdAt))));
    JsonObject json = http.get("/api/transactions/" + made.id(), login).json();
    assertEquals(createdAt, json.getString("created_at"), "stored as given");
    return json;
  }

  private User user(Login login) {
    return await(Users.objects(app.database()).aget(Users.USERNAME.eq(login.username())));
  }

  private long rows(Login login) {
    return await(
        Transactions.objects(app.database()).filter(Transactions.USER.eq(user(login))).acount());
  }

  private static JsonArray list(Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return reply.json().getJsonArray("transactions");
  }

  private static void assertTransactionShape(JsonObject json) {
    assertEquals(TRANSACTION_KEYS, json.fieldNames(), json::encode);
    assertTrue(AMOUNT.matcher(json.getString("amount")).matches(), json::encode);
    assertNotNull(json.getLong("id"));
    java.time.Instant.parse(json.getString("created_at"));
  }

  /** A 400 whose {@code errors} name exactly these fields. */
  private static JsonObject assertBadRequest(Reply reply, String... fields) {
    assertEquals(400, reply.status(), reply::toString);
    assertEquals("application/json; charset=utf-8", reply.headers().get("content-type"));
    JsonObject errors = reply.json().getJsonObject("errors");
    assertNotNull(errors, reply::toString);
    assertEquals(Set.of(fields), errors.fieldNames(), reply::toString);
    for (String field : fields) {
      JsonArray messages = errors.getJsonArray(field);
      assertFalse(messages.isEmpty(), reply::toString);
      messages.forEach(m -> assertTrue(m instanceof String s && !s.isBlank(), reply::toString));
    }
    return errors;
  }

  private static String message(JsonObject errors, String field) {
    return errors.getJsonArray(field).getString(0);
  }

  private static String query(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------------------------------------
  // POST /api/users

  @Test
  void signUpAnswers201WithTheUserAndStoresADjangoHashNeverThePassword() {
    Reply reply =
        http.post("/api/users", null, "{\"username\": \"sam.o+k@-_\", \"password\": \"hunter22\"}");
    assertEquals(201, reply.status(), reply::toString);
    JsonObject json = reply.json();
    assertEquals(Set.of("id", "username"), json.fieldNames());
    assertEquals("sam.o+k@-_", json.getString("username"));
    User stored = await(Users.objects(app.database()).aget(Users.ID.eq(json.getLong("id"))));
    assertTrue(
        stored.password().matches("pbkdf2_sha256\\$1000\\$[A-Za-z0-9]{22}\\$[A-Za-z0-9+/]{43}="),
        stored.password());
    assertFalse(stored.password().contains("hunter22"));
    Login login = new Login("sam.o+k@-_", "hunter22");
    assertEquals(200, http.get("/api/transactions", login).status());
  }

  @Test
  void signUpRefusesADuplicateUsername() {
    Login login = signUp();
    Reply again =
        http.post(
            "/api/users",
            null,
            new JsonObject()
                .put("username", login.username())
                .put("password", "other-pass")
                .encode());
    JsonObject errors = assertBadRequest(again, "username");
    assertEquals("A user with that username already exists.", message(errors, "username"));
    // The first password still works, the second does not.
    assertEquals(200, http.get("/api/transactions", login).status());
    assertEquals(
        401, http.get("/api/transactions", new Login(login.username(), "other-pass")).status());
  }

  @Test
  void signUpRefusesInvalidInput() {
    assertBadRequest(
        http.post("/api/users", null, "{\"username\": \"has space\", \"password\": \"pw\"}"),
        "username");
    JsonObject tooLong =
        assertBadRequest(
            http.post(
                "/api/users",
                null,
                new JsonObject().put("username", "u".repeat(151)).put("password", "pw").encode()),
            "username");
    assertEquals(
        "Ensure this value has at most 150 characters (it has 151).", message(tooLong, "username"));
    assertBadRequest(http.post("/api/users", null, "{\"username\": \"nopass\"}"), "password");
    assertBadRequest(
        http.post("/api/users", null, "{\"username\": \"x\", \"password\": \"\"}"), "password");
    assertBadRequest(
        http.post("/api/users", null, "{\"username\": 5, \"password\": [\"pw\"]}"),
        "username",
        "password");
    assertBadRequest(
        http.post(
            "/api/users", null, "{\"username\": \"ok\", \"password\": \"pw\", \"is_staff\": true}"),
        "is_staff");
    assertBadRequest(http.post("/api/users", null, "{\"username\": "), "__all__");
    assertEquals(
        0L,
        await(Users.objects(app.database()).filter(Users.USERNAME.eq("ok")).acount()),
        "nothing was stored");
  }

  // ---------------------------------------------------------------------------------------------
  // Authentication

  @Test
  void everyTransactionRouteNeedsValidCredentials() {
    Login alice = signUp();
    long id = create(alice, "1.00", "a", "b").getLong("id");
    List<Login> wrong =
        List.of(
            new Login(alice.username(), alice.password() + "x"),
            new Login("nobody-" + alice.username(), alice.password()),
            new Login("", ""),
            new Login("u".repeat(200), "x"));
    String[][] routes = {
      {"GET", "/api/transactions"},
      {"GET", "/api/transactions/stats"},
      {"POST", "/api/transactions"},
      {"GET", "/api/transactions/" + id},
      {"PATCH", "/api/transactions/" + id},
      {"DELETE", "/api/transactions/" + id},
      {"POST", "/api/transactions/" + id + "/adjust"},
    };
    String body = "{\"amount\": \"1.00\", \"description\": \"x\", \"category\": \"y\"}";
    for (String[] route : routes) {
      HttpMethod method = HttpMethod.valueOf(route[0]);
      String sent =
          method == HttpMethod.GET || method == HttpMethod.DELETE
              ? null
              : route[1].endsWith("/adjust") ? "{\"delta\": \"1.00\"}" : body;
      Reply none = http.call(method, route[1], null, sent);
      assertEquals(401, none.status(), route[1] + ": " + none);
      assertEquals(
          "Basic realm=\"asyncmodel sample\", charset=\"UTF-8\"",
          none.headers().get("WWW-Authenticate"));
      assertEquals("Authentication credentials were not provided.", none.json().getString("error"));
      for (Login login : wrong) {
        Reply reply = http.call(method, route[1], login, sent);
        assertEquals(401, reply.status(), route[1] + " as " + login + ": " + reply);
        assertEquals("Invalid username or password.", reply.json().getString("error"));
      }
    }
    for (String header : List.of("Bearer abc", "Basic !!!", "Basic " + b64("no-colon"), "Basic")) {
      Reply reply = http.withAuthorization("/api/transactions", header);
      assertEquals(401, reply.status(), header + ": " + reply);
    }
    assertEquals(1L, rows(alice), "nothing was written without valid credentials");
    assertEquals(
        "1.00",
        http.get("/api/transactions/" + id, alice).json().getString("amount"),
        "nothing was adjusted without valid credentials");
  }

  private static String b64(String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // POST /api/transactions

  @Test
  void createAnswers201WithTheToDictAndALocation() {
    Login login = signUp();
    Reply reply =
        http.post(
            "/api/transactions",
            login,
            "{\"amount\": \"12.5\", \"description\": \"Coffee\", \"category\": \"food\"}");
    assertEquals(201, reply.status(), reply::toString);
    JsonObject created = reply.json();
    assertTransactionShape(created);
    assertEquals("12.50", created.getString("amount"));
    assertEquals("Coffee", created.getString("description"));
    assertEquals("food", created.getString("category"));
    assertEquals("/api/transactions/" + created.getLong("id"), reply.headers().get("Location"));
    // As stored: the same JSON comes back from GET.
    Reply got = http.get("/api/transactions/" + created.getLong("id"), login);
    assertEquals(created, got.json());

    Transaction row =
        await(Transactions.objects(app.database()).aget(Transactions.ID.eq(created.getLong("id"))));
    assertEquals(new BigDecimal("12.50"), row.amount());
    assertEquals(user(login).id(), row.user().id());
  }

  @Test
  void createTakesAmountsAsJsonNumbersOrDecimalStrings() {
    Login login = signUp();
    String[][] cases = {
      {"7", "7.00"},
      {"-3.1", "-3.10"},
      {"\"0.10\"", "0.10"},
      {"99999999.99", "99999999.99"},
      {"\"-99999999.99\"", "-99999999.99"},
      {"1e3", "1000.00"},
      {"\" 4.2 \"", "4.20"},
      {"12.500", "12.50"},
    };
    for (String[] c : cases) {
      Reply reply =
          http.post(
              "/api/transactions",
              login,
              "{\"amount\": " + c[0] + ", \"description\": \"d\", \"category\": \"c\"}");
      assertEquals(201, reply.status(), c[0] + ": " + reply);
      assertEquals(c[1], reply.json().getString("amount"), c[0]);
    }
  }

  @Test
  void createRefusesEachBadInputWithA400NamingTheFieldAndWritesNothing() {
    Login login = signUp();
    String ok = "\"description\": \"d\", \"category\": \"c\"";
    // Malformed or not an object.
    for (String body :
        List.of(
            "",
            "{",
            "{\"amount\": }",
            "not json",
            "[]",
            "\"text\"",
            "12",
            "null",
            "{\"amount\": \"1\", " + ok + "} trailing",
            "{'amount': '1'}")) {
      JsonObject errors = assertBadRequest(http.post("/api/transactions", login, body), "__all__");
      assertFalse(message(errors, "__all__").isBlank());
    }
    // Missing fields, each named.
    JsonObject missing =
        assertBadRequest(
            http.post("/api/transactions", login, "{}"), "amount", "description", "category");
    assertEquals("This field is required.", message(missing, "amount"));
    assertBadRequest(
        http.post("/api/transactions", login, "{\"amount\": \"1.00\", \"description\": \"d\"}"),
        "category");
    // Unknown and read-only fields.
    assertBadRequest(
        http.post("/api/transactions", login, "{\"amount\": \"1\", " + ok + ", \"tip\": 1}"),
        "tip");
    assertBadRequest(
        http.post(
            "/api/transactions",
            login,
            "{\"amount\": \"1\", " + ok + ", \"user\": 1, \"id\": 5, \"created_at\": \"x\"}"),
        "user",
        "id",
        "created_at");
    // Wrong JSON types.
    JsonObject types =
        assertBadRequest(
            http.post(
                "/api/transactions",
                login,
                "{\"amount\": true, \"description\": 5, \"category\": [\"a\"]}"),
            "amount",
            "description",
            "category");
    assertEquals("A valid number is required.", message(types, "amount"));
    assertEquals("Not a valid string.", message(types, "description"));
    assertBadRequest(
        http.post("/api/transactions", login, "{\"amount\": {\"v\": 1}, " + ok + "}"), "amount");
    // Null values: NOT NULL, from the model.
    JsonObject nulls =
        assertBadRequest(
            http.post(
                "/api/transactions",
                login,
                "{\"amount\": null, \"description\": null, \"category\": null}"),
            "amount",
            "description",
            "category");
    assertEquals("This field cannot be null.", message(nulls, "amount"));
    // Not numbers.
    for (String amount :
        List.of(
            "\"abc\"",
            "\"12,50\"",
            "\"NaN\"",
            "\"Infinity\"",
            "\"\"",
            "\"0x10\"",
            "\"1e99999999999\"")) {
      JsonObject errors =
          assertBadRequest(
              http.post("/api/transactions", login, "{\"amount\": " + amount + ", " + ok + "}"),
              "amount");
      assertEquals("A valid number is required.", message(errors, "amount"), amount);
    }
    // More than 10 digits, more than 2 places, more than 8 before the point: the model's rules.
    JsonObject digits =
        assertBadRequest(
            http.post("/api/transactions", login, "{\"amount\": \"123456789.123\", " + ok + "}"),
            "amount");
    assertEquals(
        "Ensure that there are no more than 10 digits in total.", message(digits, "amount"));
    JsonObject places =
        assertBadRequest(
            http.post("/api/transactions", login, "{\"amount\": 1.234, " + ok + "}"), "amount");
    assertEquals("Ensure that there are no more than 2 decimal places.", message(places, "amount"));
    JsonObject whole =
        assertBadRequest(
            http.post("/api/transactions", login, "{\"amount\": 123456789, " + ok + "}"), "amount");
    assertEquals(
        "Ensure that there are no more than 8 digits before the decimal point.",
        message(whole, "amount"));
    assertBadRequest(
        http.post("/api/transactions", login, "{\"amount\": 1e300, " + ok + "}"), "amount");
    // Lengths: the model's @MaxLength, in characters (an emoji is one).
    JsonObject description =
        assertBadRequest(
            http.post(
                "/api/transactions",
                login,
                "{\"amount\": \"1\", \"description\": \""
                    + "d".repeat(201)
                    + "\", \"category\": \"c\"}"),
            "description");
    assertEquals(
        "Ensure this value has at most 200 characters (it has 201).",
        message(description, "description"));
    JsonObject category =
        assertBadRequest(
            http.post(
                "/api/transactions",
                login,
                "{\"amount\": \"1\", \"description\": \"d\", \"category\": \""
                    + "\uD83D\uDE00".repeat(51)
                    + "\"}"),
            "category");
    assertEquals(
        "Ensure this value has at most 50 characters (it has 51).", message(category, "category"));
    // Several at once: each named.
    assertBadRequest(
        http.post(
            "/api/transactions",
            login,
            "{\"amount\": \"12.345\", \"description\": \""
                + "d".repeat(201)
                + "\", \"category\": \""
                + "c".repeat(51)
                + "\", \"extra\": 1}"),
        "amount",
        "description",
        "category",
        "extra");
    // Text no database can store, and blank text.
    assertBadRequest(
        http.post(
            "/api/transactions",
            login,
            "{\"amount\": \"1\", \"description\": \"a\\u0000b\", \"category\": \"\\ud800\"}"),
        "description",
        "category");
    assertBadRequest(
        http.post(
            "/api/transactions",
            login,
            "{\"amount\": \"1\", \"description\": \"\", \"category\": \"c\"}"),
        "description");
    // A member twice.
    assertBadRequest(
        http.post("/api/transactions", login, "{\"amount\": \"1\", \"amount\": \"2\", " + ok + "}"),
        "amount");

    assertEquals(0L, rows(login), "nothing was stored");
    // The limits themselves are fine.
    create(login, "-99999999.99", "d".repeat(200), "\uD83D\uDE00".repeat(50));
    assertEquals(1L, rows(login));
  }

  @Test
  void aBodyOverTheLimitIs413() {
    Login login = signUp();
    String body =
        "{\"amount\": \"1\", \"description\": \"" + "d".repeat(70_000) + "\", \"category\": \"c\"}";
    Reply reply = http.post("/api/transactions", login, body);
    assertEquals(413, reply.status(), reply::toString);
    assertNotNull(reply.json().getString("error"));
    assertEquals(0L, rows(login));
  }

  // ---------------------------------------------------------------------------------------------
  // POST /api/transactions/import

  private static JsonObject item(int i) {
    return new JsonObject()
        .put("amount", i + ".5")
        .put("description", "imported " + i)
        .put("category", i % 2 == 0 ? "food" : "rent");
  }

  @Test
  void importStoresEveryItemAt201() {
    Login login = signUp();
    JsonArray items = new JsonArray();
    for (int i = 0; i < 2_500; i++) {
      items.add(item(i));
    }
    Reply reply = http.post("/api/transactions/import", login, items.encode());
    assertEquals(201, reply.status(), reply::toString);
    assertEquals(new JsonObject().put("created", 2_500), reply.json());
    assertEquals(2_500L, rows(login));
    JsonArray newest = list(http.get("/api/transactions?search=imported%202499", login));
    assertEquals(1, newest.size());
    assertTransactionShape(newest.getJsonObject(0));
    assertEquals("2499.50", newest.getJsonObject(0).getString("amount"));
  }

  @Test
  void anImportWithOneBadItemIs400ByIndexAndStoresNothing() {
    Login login = signUp();
    JsonArray items = new JsonArray();
    for (int i = 0; i < 1_500; i++) {
      items.add(item(i));
    }
    items.set(1, item(1).put("amount", "a lot"));
    items.set(7, item(7).put("description", "d".repeat(201)).put("id", 5));
    String body = items.encode();
    // An item that is no object, and one with a member twice: still by index.
    body =
        body.substring(0, body.length() - 1)
            + ", \"text\", {\"amount\": \"1\", \"amount\": \"2\"}]";
    Reply reply = http.post("/api/transactions/import", login, body);
    assertEquals(400, reply.status(), reply::toString);
    JsonObject errors = reply.json().getJsonObject("errors");
    assertEquals(Set.of("1", "7", "1500", "1501"), errors.fieldNames(), reply::toString);
    assertEquals(Set.of("amount"), errors.getJsonObject("1").fieldNames());
    assertEquals(Set.of("description", "id"), errors.getJsonObject("7").fieldNames());
    assertEquals(
        "Each item must be a JSON object, not a string.",
        errors.getJsonObject("1500").getJsonArray("__all__").getString(0));
    assertEquals(Set.of("amount"), errors.getJsonObject("1501").fieldNames());
    assertEquals(0L, rows(login), "nothing stored");
  }

  @Test
  void anImportRefusesWhatIsNotAnArrayOfAtMostTenThousand() {
    Login login = signUp();
    assertBadRequest(
        http.post("/api/transactions/import", login, "{\"amount\": \"1\"}"), "__all__");
    assertBadRequest(http.post("/api/transactions/import", login, "[{]"), "__all__");
    JsonArray many = new JsonArray();
    for (int i = 0; i < 10_001; i++) {
      many.add(new JsonObject());
    }
    JsonObject errors =
        assertBadRequest(http.post("/api/transactions/import", login, many.encode()), "__all__");
    assertEquals("Send at most 10000 items in one request.", message(errors, "__all__"));
    // A body past 4 MiB is refused from its Content-Length, before it is read.
    Answer tooLarge =
        raw.send(
            "POST /api/transactions/import HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString(
                        (login.username() + ":" + login.password())
                            .getBytes(StandardCharsets.UTF_8))
                + "\r\nContent-Length: "
                + (4 * 1024 * 1024 + 1)
                + "\r\n",
            null);
    assertEquals(413, tooLarge.status(), tooLarge::toString);
    assertEquals(401, http.post("/api/transactions/import", null, "[]").status());
    Reply empty = http.post("/api/transactions/import", login, "[]");
    assertEquals(201, empty.status(), empty::toString);
    assertEquals(0, empty.json().getInteger("created"));
    assertEquals(0L, rows(login));
  }

  // ---------------------------------------------------------------------------------------------
  // GET /api/transactions/export

  @Test
  void exportIsEveryTransactionOfTheCallerByIdAsNdjson() {
    Login login = signUp();
    Login other = signUp();
    List<JsonObject> made = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      made.add(create(login, i + ".25", "export " + i, "c"));
    }
    create(other, "9.00", "not mine", "c");
    Reply reply = http.get("/api/transactions/export", login);
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/x-ndjson", reply.headers().get("content-type"));
    List<String> lines = reply.body().lines().toList();
    assertEquals(3, lines.size(), reply::toString);
    assertTrue(reply.body().endsWith("\n"), "every line ends in a newline");
    for (int i = 0; i < 3; i++) {
      JsonObject line = new JsonObject(lines.get(i));
      assertTransactionShape(line);
      assertEquals(made.get(i), line, "by id, as the API shows it");
    }
    Reply none = http.get("/api/transactions/export", signUp());
    assertEquals(200, none.status(), none::toString);
    assertEquals("application/x-ndjson", none.headers().get("content-type"));
    assertEquals("", none.body());
    assertEquals(401, http.get("/api/transactions/export", null).status());
  }

  /**
   * A client that goes away mid-export closes its stream: on an app with two connections, three
   * exports of 100,000 rows (12 MB, more than the sockets buffer, so each is paused on a full write
   * queue when its client leaves) leave the app answering at once, and no transaction open.
   */
  @Test
  void anExportWhoseClientGoesAwayGivesItsConnectionBack() throws Exception {
    Login login = signUp();
    User user = user(login);
    List<Transaction> rows = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      rows.add(
          new Transaction(
              null, dev.asyncmodel.Ref.of(user), new BigDecimal("1.00"), "row " + i, "c", null));
    }
    await(Transactions.objects(app.database()).abulkCreate(rows));
    String url = databaseUrl;
    App small =
        await(
            App.start(
                vertx,
                new Config(
                    "127.0.0.1",
                    0,
                    url + (url.contains("?") ? "&" : "?") + "pool_size=2",
                    TEST_ITERATIONS,
                    1024)));
    try {
      String authorization =
          "Authorization: Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString(
                      (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < 3; i++) {
        try (java.net.Socket socket = new java.net.Socket()) {
          socket.setReceiveBufferSize(8_192);
          socket.connect(new java.net.InetSocketAddress("127.0.0.1", small.port()));
          socket.setSoTimeout(10_000);
          socket
              .getOutputStream()
              .write(
                  ("GET /api/transactions/export HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          + authorization
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
          byte[] some;
          try {
            some = socket.getInputStream().readNBytes(8_192);
          } catch (java.net.SocketTimeoutException e) {
            throw new AssertionError("export " + i + " did not answer", e);
          }
          assertTrue(
              new String(some, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"),
              () -> new String(some, StandardCharsets.ISO_8859_1));
        } // gone, with most of the export unread
      }
      Http client = new Http(vertx, small.port());
      try {
        long start = System.nanoTime();
        Reply reply = client.get("/api/transactions", login);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(tookMs < 3_000, "answered after " + tookMs + " ms");
      } finally {
        client.close();
      }
      if (database().name().equals("postgresql")) {
        long open = 1;
        for (int i = 0; i < 100 && open > 0; i++) {
          open =
              await(
                  app.database()
                      .execute(
                          "SELECT 1 FROM pg_stat_activity WHERE datname = current_database()"
                              + " AND state LIKE 'idle in transaction%'"));
          if (open > 0) {
            Thread.sleep(20);
          }
        }
        assertEquals(0L, open, "an export's transaction is still open");
      }
    } finally {
      await(small.stop());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // GET /api/transactions

  @Test
  void listIsNewestFirstAtMost50WithPaging() {
    Login login = signUp();
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      ids.add(create(login, i + ".00", "item " + i, "c").getLong("id"));
    }
    JsonArray first = list(http.get("/api/transactions", login));
    assertEquals(50, first.size());
    for (int i = 0; i < 50; i++) {
      JsonObject t = first.getJsonObject(i);
      assertTransactionShape(t);
      assertEquals(ids.get(54 - i), t.getLong("id"), "newest first");
    }
    JsonArray rest = list(http.get("/api/transactions?offset=50", login));
    assertEquals(5, rest.size());
    assertEquals(ids.get(4), rest.getJsonObject(0).getLong("id"));
    assertEquals(ids.get(0), rest.getJsonObject(4).getLong("id"));
    assertEquals(0, list(http.get("/api/transactions?offset=1000", login)).size());
  }

  @Test
  void listFiltersByCategoryAmountAndSearch() {
    Login login = signUp();
    create(login, "5.00", "Coffee at Joe's", "food");
    create(login, "25.50", "Groceries", "food");
    create(login, "900.00", "Rent for MARCH", "rent");
    create(login, "-20.00", "Refund: coffee machine", "refund");
    create(login, "3.00", "50% off tea_bags", "food");

    assertEquals(3, list(http.get("/api/transactions?category=food", login)).size());
    assertEquals(0, list(http.get("/api/transactions?category=foo", login)).size());
    assertEquals(
        2, list(http.get("/api/transactions?min_amount=25.50", login)).size(), "gte, inclusive");
    assertEquals(
        3, list(http.get("/api/transactions?max_amount=5", login)).size(), "lte, inclusive");
    assertEquals(
        2, list(http.get("/api/transactions?min_amount=0&max_amount=10", login)).size(), "both");
    JsonArray coffee = list(http.get("/api/transactions?search=COFFEE", login));
    assertEquals(2, coffee.size(), "icontains");
    assertEquals(
        1, list(http.get("/api/transactions?search=" + query("50%"), login)).size(), "literal %");
    assertEquals(
        1, list(http.get("/api/transactions?search=" + query("a_b"), login)).size(), "literal _");
    assertEquals(
        1,
        list(http.get("/api/transactions?search=coffee&category=food&max_amount=10", login)).size(),
        "filters AND");
    assertEquals(
        "Coffee at Joe's",
        list(http.get("/api/transactions?search=" + query("joe's"), login))
            .getJsonObject(0)
            .getString("description"));
    assertEquals(
        5,
        list(http.get("/api/transactions?category=&search=", login)).size(),
        "empty parameters are no filter");
    assertEquals(
        0,
        list(http.get("/api/transactions?search=" + query("' OR '1'='1"), login)).size(),
        "text, not SQL");
  }

  @Test
  void listRefusesBadQueryParameters() {
    Login login = signUp();
    assertEquals(
        "A valid number is required.",
        message(
            assertBadRequest(http.get("/api/transactions?min_amount=abc", login), "min_amount"),
            "min_amount"));
    assertBadRequest(http.get("/api/transactions?max_amount=1e999", login), "max_amount");
    assertBadRequest(http.get("/api/transactions?max_amount=1.001", login), "max_amount");
    assertEquals(
        "Ensure this value is greater than or equal to 0.",
        message(
            assertBadRequest(http.get("/api/transactions?offset=-1", login), "offset"), "offset"));
    assertBadRequest(http.get("/api/transactions?offset=abc", login), "offset");
    assertBadRequest(http.get("/api/transactions?offset=99999999999", login), "offset");
    assertBadRequest(http.get("/api/transactions?limit=5", login), "limit");
    assertBadRequest(http.get("/api/transactions?category=a&category=b", login), "category");
    assertBadRequest(http.get("/api/transactions?search=a%00b", login), "search");
    assertBadRequest(
        http.get("/api/transactions?min_amount=x&offset=-5&page=2", login),
        "min_amount",
        "offset",
        "page");
  }

  @Test
  void listFiltersByTheYearAndTheMonthOfCreatedAtInUtc() {
    Login login = signUp();
    Login other = signUp();
    JsonObject march2025 = createAt(login, "1.00", "food", "2025-03-10T12:00:00Z");
    JsonObject lastOfMarch = createAt(login, "2.00", "food", "2026-03-31T23:30:00Z");
    JsonObject firstOfApril = createAt(login, "3.00", "rent", "2026-04-01T00:30:00Z");
    JsonObject newYearsEve = createAt(login, "4.00", "food", "2026-12-31T23:59:59.999999Z");
    createAt(other, "5.00", "food", "2026-03-15T10:00:00Z");

    assertEquals(
        new JsonArray(List.of(newYearsEve, firstOfApril, lastOfMarch)),
        list(http.get("/api/transactions?year=2026", login)),
        "newest first");
    assertEquals(
        new JsonArray(List.of(march2025)), list(http.get("/api/transactions?year=2025", login)));
    assertEquals(
        new JsonArray(List.of(lastOfMarch, march2025)),
        list(http.get("/api/transactions?month=3", login)),
        "a month of any year; 23:30 UTC on the 31st is still March");
    assertEquals(
        new JsonArray(List.of(lastOfMarch)),
        list(http.get("/api/transactions?year=2026&month=3", login)));
    assertEquals(
        new JsonArray(List.of(firstOfApril)),
        list(http.get("/api/transactions?month=4&year=2026", login)),
        "00:30 UTC on the 1st is April");
    assertEquals(
        new JsonArray(List.of(newYearsEve)), list(http.get("/api/transactions?month=12", login)));
    assertEquals(0, list(http.get("/api/transactions?year=2025&month=4", login)).size());
    assertEquals(0, list(http.get("/api/transactions?year=2027", login)).size());
    assertEquals(
        new JsonArray(List.of(lastOfMarch)),
        list(http.get("/api/transactions?year=2026&category=food&max_amount=3", login)),
        "with the other filters, AND");
    assertEquals(
        new JsonArray(List.of(lastOfMarch)),
        list(http.get("/api/transactions?year=2026&month=3&offset=0", login)));
    assertEquals(0, list(http.get("/api/transactions?year=2026&month=3&offset=1", login)).size());
    assertEquals(
        new JsonArray(List.of(lastOfMarch)),
        list(http.get("/api/transactions?year=" + query(" 2026 ") + "&month=%2B03", login)),
        "whitespace around, a sign and leading zeros are fine");
    assertEquals(
        4, list(http.get("/api/transactions?year=&month=", login)).size(), "empty: no filter");
  }

  @Test
  void listRefusesAMalformedYearOrMonthNamingIt() {
    Login login = signUp();
    createAt(login, "1.00", "food", "2026-03-31T23:30:00Z");
    String[][] cases = {
      {"year=abc", "year", "A valid integer is required."},
      {"year=2026.0", "year", "A valid integer is required."},
      {"year=1e3", "year", "A valid integer is required."},
      {"year=0", "year", "Ensure this value is greater than or equal to 1."},
      {"year=-2026", "year", "Ensure this value is greater than or equal to 1."},
      {"year=10000", "year", "Ensure this value is less than or equal to 9999."},
      {"year=99999999999999999999", "year", "Ensure this value is less than or equal to 9999."},
      {"month=0", "month", "Ensure this value is greater than or equal to 1."},
      {"month=13", "month", "Ensure this value is less than or equal to 12."},
      {"month=march", "month", "A valid integer is required."},
      {"month=1.5", "month", "A valid integer is required."},
      {"month=" + query("\u0663"), "month", "A valid integer is required."},
      {"month=" + query("1 2"), "month", "A valid integer is required."},
      {"year=2026&year=2025", "year", "This parameter appears more than once."},
    };
    for (String[] c : cases) {
      JsonObject errors = assertBadRequest(http.get("/api/transactions?" + c[0], login), c[1]);
      assertEquals(c[2], message(errors, c[1]), c[0]);
    }
    JsonObject both =
        assertBadRequest(
            http.get("/api/transactions?year=x&month=13&min_amount=y", login),
            "min_amount",
            "year",
            "month");
    assertEquals("A valid integer is required.", message(both, "year"));
    assertEquals("Ensure this value is less than or equal to 12.", message(both, "month"));
    assertEquals(
        List.of("min_amount", "year", "month"),
        List.copyOf(both.fieldNames()),
        "in the parameters' order");
    JsonObject unknown = assertBadRequest(http.get("/api/transactions?day=3", login), "day");
    assertEquals(
        "Unknown query parameter: use category, min_amount, max_amount, search, offset, year,"
            + " month.",
        message(unknown, "day"));
  }

  // ---------------------------------------------------------------------------------------------
  // GET /api/transactions/stats

  private static final Set<String> STATS_KEYS =
      Set.of(
          "total",
          "has_transactions",
          "latest",
          "oldest",
          "sum",
          "average",
          "by_category",
          "by_month");

  @Test
  void statsAreTheSpecsTotalExistsLatestAndOldest() {
    Login login = signUp();
    JsonObject empty = http.get("/api/transactions/stats", login).json();
    assertEquals(
        new JsonObject()
            .put("total", 0)
            .put("has_transactions", false)
            .putNull("latest")
            .putNull("oldest")
            .putNull("sum")
            .putNull("average")
            .put("by_category", new JsonArray())
            .put("by_month", new JsonArray()),
        empty,
        "no transaction: no sum, no average, no groups");
    JsonObject oldest = create(login, "1.00", "first", "c");
    create(login, "2.00", "second", "c");
    JsonObject latest = create(login, "3.00", "third", "c");
    Reply reply = http.get("/api/transactions/stats", login);
    assertEquals(200, reply.status());
    JsonObject stats = reply.json();
    assertEquals(STATS_KEYS, stats.fieldNames());
    assertEquals(3, stats.getInteger("total"));
    assertTrue(stats.getBoolean("has_transactions"));
    assertEquals(latest, stats.getJsonObject("latest"));
    assertEquals(oldest, stats.getJsonObject("oldest"));
    assertEquals("6.00", stats.getString("sum"));
    assertEquals("2.00", stats.getString("average"));
  }

  /**
   * The sums, counts and averages, overall, by category and by month in UTC, against what the test
   * computes from the transactions it made: several categories, months on both sides of midnight
   * UTC at the end of a month and of a year, negative amounts, and another user's transactions that
   * must not count.
   */
  @Test
  void statsSumAverageAndGroupsAreTheCallersByCategoryAndByMonthInUtc() {
    Login login = signUp();
    Login other = signUp();
    String[][] made = {
      // amount, category, created_at
      {"12.50", "food", "2026-01-31T23:30:00Z"},
      {"4.20", "food", "2026-02-01T00:30:00Z"},
      {"950.00", "rent", "2026-01-31T23:59:59.999999Z"},
      {"950.00", "rent", "2026-02-28T23:30:00Z"},
      {"-20.00", "refund", "2026-03-01T00:00:00Z"},
      {"0.05", "fees", "2025-12-31T23:30:00Z"},
      {"0.05", "fees", "2026-01-01T00:00:00Z"},
      {"7.75", "bills", "2026-02-14T12:00:00Z"},
      {"7.75", "books", "2026-02-14T12:00:00Z"},
      {"3.33", "food", "2026-03-31T23:59:59Z"},
    };
    for (String[] m : made) {
      createAt(login, m[0], m[1], m[2]);
    }
    createAt(other, "1000.00", "food", "2026-01-15T10:00:00Z");
    createAt(other, "1.00", "other", "2026-05-15T10:00:00Z");

    // What the answer should be, computed here from the rows made.
    java.util.Map<String, BigDecimal> sumByCategory = new java.util.TreeMap<>();
    java.util.Map<String, Long> countByCategory = new java.util.TreeMap<>();
    java.util.Map<String, BigDecimal> sumByMonth = new java.util.TreeMap<>();
    java.util.Map<String, Long> countByMonth = new java.util.TreeMap<>();
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (String[] m : made) {
      BigDecimal amount = new BigDecimal(m[0]);
      String month =
          java.time.YearMonth.from(Instant.parse(m[2]).atOffset(java.time.ZoneOffset.UTC))
              .toString();
      sum = sum.add(amount);
      sumByCategory.merge(m[1], amount, BigDecimal::add);
      countByCategory.merge(m[1], 1L, Long::sum);
      sumByMonth.merge(month, amount, BigDecimal::add);
      countByMonth.merge(month, 1L, Long::sum);
    }
    List<String> categories = new ArrayList<>(sumByCategory.keySet());
    categories.sort(
        java.util.Comparator.comparing((String c) -> sumByCategory.get(c))
            .reversed()
            .thenComparing(java.util.Comparator.naturalOrder()));
    JsonArray byCategory = new JsonArray();
    for (String c : categories) {
      byCategory.add(
          new JsonObject()
              .put("category", c)
              .put("count", countByCategory.get(c))
              .put("sum", sumByCategory.get(c).toPlainString()));
    }
    JsonArray byMonth = new JsonArray();
    sumByMonth.forEach(
        (month, monthSum) ->
            byMonth.add(
                new JsonObject()
                    .put("month", month)
                    .put("count", countByMonth.get(month))
                    .put("sum", monthSum.toPlainString())));

    JsonObject stats = http.get("/api/transactions/stats", login).json();
    assertEquals(STATS_KEYS, stats.fieldNames());
    assertEquals(made.length, stats.getInteger("total"));
    assertEquals(sum.toPlainString(), stats.getString("sum"));
    assertEquals("1915.63", stats.getString("sum"), "the figures the test expects");
    assertEquals(
        sum.divide(BigDecimal.valueOf(made.length), 2, java.math.RoundingMode.HALF_EVEN)
            .toPlainString(),
        stats.getString("average"));
    assertEquals(byCategory, stats.getJsonArray("by_category"), stats::encode);
    assertEquals(byMonth, stats.getJsonArray("by_month"), stats::encode);
    // Spelled out once, so that a mistake shared by the test's own computation shows too.
    assertEquals(
        List.of("rent", "food", "bills", "books", "fees", "refund"),
        stats.getJsonArray("by_category").stream()
            .map(g -> ((JsonObject) g).getString("category"))
            .toList(),
        "by sum descending, then category ascending");
    assertEquals(
        new JsonArray()
            .add(new JsonObject().put("month", "2025-12").put("count", 1).put("sum", "0.05"))
            .add(new JsonObject().put("month", "2026-01").put("count", 3).put("sum", "962.55"))
            .add(new JsonObject().put("month", "2026-02").put("count", 4).put("sum", "969.70"))
            .add(new JsonObject().put("month", "2026-03").put("count", 2).put("sum", "-16.67")),
        stats.getJsonArray("by_month"));
    JsonObject others = http.get("/api/transactions/stats", other).json();
    assertEquals("1001.00", others.getString("sum"));
    assertEquals("500.50", others.getString("average"));
    assertEquals(2, others.getJsonArray("by_category").size());
    assertEquals(2, others.getJsonArray("by_month").size());
  }

  /** The average of each set of amounts, exactly at a half cent, rounded half to even. */
  @Test
  void statsAverageIsRoundedHalfEvenFromTheExactSumAndCount() {
    String[][] cases = {
      // amounts, average: a half-up rounding would give the other neighbour where noted
      {"0.02 0.03", "0.02"}, // 0.025: half-up 0.03
      {"0.01 0.02", "0.02"}, // 0.015
      {"1.00 1.05", "1.02"}, // 1.025: half-up 1.03
      {"-0.02 -0.03", "-0.02"}, // -0.025: half-up (away from zero) -0.03
      {"2.00 2.01 2.02 2.01", "2.01"}, // 2.01 exactly
      {"0.01 0.01 0.02", "0.01"}, // 0.01333...
      {"0.01 0.02 0.02", "0.02"}, // 0.01666...
      {"10.00 0.01 0.01 0.00", "2.50"}, // 2.505: half-up 2.51
      {"99999999.99 99999999.98", "99999999.98"}, // 99999999.985, the sum past the column
    };
    for (String[] c : cases) {
      Login login = signUp();
      for (String amount : c[0].split(" ")) {
        create(login, amount, "avg", "c");
      }
      JsonObject stats = http.get("/api/transactions/stats", login).json();
      assertEquals(c[1], stats.getString("average"), c[0]);
    }
  }

  /**
   * 5,001 amounts of 0.01 and 5,000 of 0.00: the mean is 0.0050004999..., 0.01 at 2 places. The
   * database's average, rounded to 6 places first (0.005000), would round to 0.00 half-even: the
   * app divides the exact sum by the count instead.
   */
  @Test
  void statsAverageIsNotTheDatabasesAverageRoundedAgain() {
    Login login = signUp();
    User user = user(login);
    List<Transaction> rows = new ArrayList<>();
    for (int i = 0; i < 10_001; i++) {
      rows.add(
          new Transaction(
              null,
              dev.asyncmodel.Ref.of(user),
              new BigDecimal(i < 5_001 ? "0.01" : "0.00"),
              "cent " + i,
              "c",
              null));
    }
    await(Transactions.objects(app.database()).abulkCreate(rows));
    JsonObject stats = http.get("/api/transactions/stats", login).json();
    assertEquals(10_001, stats.getInteger("total"));
    assertEquals("50.01", stats.getString("sum"));
    assertEquals("0.01", stats.getString("average"));
    assertEquals(
        new JsonArray()
            .add(new JsonObject().put("category", "c").put("count", 10_001).put("sum", "50.01")),
        stats.getJsonArray("by_category"));
  }

  // ---------------------------------------------------------------------------------------------
  // GET, PATCH, DELETE /api/transactions/{id}

  @Test
  void getPatchAndDeleteOneTransaction() {
    Login login = signUp();
    JsonObject created = create(login, "10.00", "Lunch", "food");
    String uri = "/api/transactions/" + created.getLong("id");
    assertEquals(created, http.get(uri, login).json());

    Reply patched = http.call(HttpMethod.PATCH, uri, login, "{\"amount\": \"11.5\"}");
    assertEquals(200, patched.status(), patched::toString);
    JsonObject after = patched.json();
    assertEquals("11.50", after.getString("amount"));
    assertEquals("Lunch", after.getString("description"));
    assertEquals(created.getString("created_at"), after.getString("created_at"));
    assertEquals(after, http.get(uri, login).json());

    Reply both =
        http.call(
            HttpMethod.PATCH, uri, login, "{\"description\": \"Dinner\", \"category\": \"out\"}");
    assertEquals(200, both.status(), both::toString);
    assertEquals("Dinner", both.json().getString("description"));
    assertEquals("out", both.json().getString("category"));
    assertEquals("11.50", both.json().getString("amount"));

    assertBadRequest(http.call(HttpMethod.PATCH, uri, login, "{}"), "__all__");
    assertBadRequest(
        http.call(HttpMethod.PATCH, uri, login, "{\"amount\": \"1.001\", \"x\": 1}"),
        "amount",
        "x");
    assertBadRequest(
        http.call(HttpMethod.PATCH, uri, login, "{\"category\": \"" + "c".repeat(51) + "\"}"),
        "category");
    assertBadRequest(http.call(HttpMethod.PATCH, uri, login, "{\"category\": null}"), "category");
    assertBadRequest(http.call(HttpMethod.PATCH, uri, login, "{\"id\": 9}"), "id");
    assertBadRequest(http.call(HttpMethod.PATCH, uri, login, "[1]"), "__all__");
    assertEquals(both.json(), http.get(uri, login).json(), "a refused patch changes nothing");

    Reply deleted = http.call(HttpMethod.DELETE, uri, login, null);
    assertEquals(204, deleted.status(), deleted::toString);
    assertEquals("", deleted.body());
    assertEquals(404, http.get(uri, login).status());
    assertEquals(404, http.call(HttpMethod.DELETE, uri, login, null).status());
    assertEquals(0L, rows(login));
  }

  // ---------------------------------------------------------------------------------------------
  // POST /api/transactions/{id}/adjust

  private Reply adjust(Login login, long id, String body) {
    return http.post("/api/transactions/" + id + "/adjust", login, body);
  }

  @Test
  void adjustAddsTheDeltaAndAnswersTheTransactionAfterIt() {
    Login login = signUp();
    JsonObject created = create(login, "10.00", "Lunch", "food");
    long id = created.getLong("id");
    String uri = "/api/transactions/" + id;

    Reply reply = adjust(login, id, "{\"delta\": \"-2.50\"}");
    assertEquals(200, reply.status(), reply::toString);
    assertEquals("application/json; charset=utf-8", reply.headers().get("content-type"));
    JsonObject after = reply.json();
    assertTransactionShape(after);
    assertEquals(created.copy().put("amount", "7.50"), after, "only the amount changed");
    assertEquals(after, http.get(uri, login).json(), "as GET shows it");

    String[][] steps = {
      // delta as sent, the amount after it
      {"1.25", "8.75"},
      {"\"1e1\"", "18.75"},
      {"\" +0.5 \"", "19.25"},
      {"0", "19.25"},
      {"\"-0.00\"", "19.25"},
      {"-19.25", "0.00"},
      {"\"-30\"", "-30.00"},
      {"-99999969.99", "-99999999.99"},
      {"199999999.98", "99999999.99"}, // a delta over the column's range is refused by its rules
    };
    for (String[] step : steps) {
      Reply r = adjust(login, id, "{\"delta\": " + step[0] + "}");
      if (step[0].startsWith("199")) {
        JsonObject errors = assertBadRequest(r, "delta");
        assertEquals(
            "Ensure that there are no more than 10 digits in total.", message(errors, "delta"));
        continue;
      }
      assertEquals(200, r.status(), step[0] + ": " + r);
      assertEquals(step[1], r.json().getString("amount"), step[0]);
      assertEquals(step[1], http.get(uri, login).json().getString("amount"), step[0]);
    }
    Reply back = adjust(login, id, "{\"delta\": 99999999.99}");
    assertEquals(200, back.status(), back::toString);
    assertEquals("0.00", back.json().getString("amount"), "the column's whole range");
    Transaction row = await(Transactions.objects(app.database()).aget(Transactions.ID.eq(id)));
    assertEquals(new BigDecimal("0.00"), row.amount());
    assertEquals(1L, rows(login));
  }

  @Test
  void adjustRefusesEachMalformedDeltaWithA400AndChangesNothing() {
    Login login = signUp();
    JsonObject created = create(login, "10.00", "Lunch", "food");
    long id = created.getLong("id");
    String[][] cases = {
      // body, the field named, its message (null: any)
      {"{}", "delta", "This field is required."},
      {"{\"amount\": \"1.00\"}", "delta amount", "This field is required."},
      {"{\"delta\": null}", "delta", "This field cannot be null."},
      {"{\"delta\": true}", "delta", "A valid number is required."},
      {"{\"delta\": [1]}", "delta", "A valid number is required."},
      {"{\"delta\": {\"v\": 1}}", "delta", "A valid number is required."},
      {"{\"delta\": \"abc\"}", "delta", "A valid number is required."},
      {"{\"delta\": \"\"}", "delta", "A valid number is required."},
      {"{\"delta\": \"NaN\"}", "delta", "A valid number is required."},
      {"{\"delta\": \"Infinity\"}", "delta", "A valid number is required."},
      {"{\"delta\": \"1,50\"}", "delta", "A valid number is required."},
      {"{\"delta\": \"1e99999999999\"}", "delta", "A valid number is required."},
      {"{\"delta\": \"0.005\"}", "delta", "Ensure that there are no more than 2 decimal places."},
      {"{\"delta\": -1.001}", "delta", "Ensure that there are no more than 2 decimal places."},
      {
        "{\"delta\": 123456789}",
        "delta",
        "Ensure that there are no more than 8 digits before the decimal point."
      },
      {
        "{\"delta\": \"-123456789.00\"}",
        "delta",
        "Ensure that there are no more than 8 digits before the decimal point."
      },
      {"{\"delta\": 1e300}", "delta", null},
      {"{\"delta\": \"1\", \"delta\": \"2\"}", "delta", "This field appears more than once."},
      {"{\"delta\": \"1\", \"amount\": \"2\"}", "amount", "Unknown field."},
      {"{\"delta\": \"1\", \"id\": 2}", "id", "Unknown field."},
      {"", "__all__", null},
      {"{\"delta\": ", "__all__", null},
      {"[{\"delta\": \"1\"}]", "__all__", "The request body must be a JSON object, not an array."},
      {"\"1.00\"", "__all__", null},
      {"1.00", "__all__", null},
    };
    for (String[] c : cases) {
      String[] fields = c[1].split(" ");
      JsonObject errors = assertBadRequest(adjust(login, id, c[0]), fields);
      if (c[2] != null) {
        assertEquals(c[2], message(errors, fields[0]), c[0]);
      }
    }
    assertEquals(created, http.get("/api/transactions/" + id, login).json(), "nothing changed");
    // A malformed delta for an id that is not the caller's: the body is checked first, as PATCH.
    assertBadRequest(adjust(login, 999_999_999L, "{\"delta\": \"x\"}"), "delta");
  }

  @Test
  void adjustPastTheAmountColumnIs400OnDeltaAndChangesNothing() {
    Login login = signUp();
    JsonObject big = create(login, "99999999.00", "big", "c");
    JsonObject low = create(login, "-99999999.99", "low", "c");
    String[][] cases = {
      // the transaction, a delta that fits the column alone but not added
      {String.valueOf(big.getLong("id")), "1.00"},
      {String.valueOf(big.getLong("id")), "\"99999999.99\""},
      {String.valueOf(low.getLong("id")), "-0.01"},
      {String.valueOf(low.getLong("id")), "\"-50000000\""},
    };
    for (String[] c : cases) {
      long id = Long.parseLong(c[0]);
      JsonObject errors = assertBadRequest(adjust(login, id, "{\"delta\": " + c[1] + "}"), "delta");
      assertEquals(
          "Ensure that the amount after this change has no more than 8 digits before the decimal"
              + " point.",
          message(errors, "delta"),
          c[1]);
    }
    assertEquals(big, http.get("/api/transactions/" + big.getLong("id"), login).json());
    assertEquals(low, http.get("/api/transactions/" + low.getLong("id"), login).json());
    // Up to the edge is fine, and the app still answers on that connection.
    Reply edge = adjust(login, big.getLong("id"), "{\"delta\": \"0.99\"}");
    assertEquals(200, edge.status(), edge::toString);
    assertEquals("99999999.99", edge.json().getString("amount"));
    Reply edgeLow = adjust(login, low.getLong("id"), "{\"delta\": 199999999.98}");
    assertBadRequest(edgeLow, "delta");
    Reply up = adjust(login, low.getLong("id"), "{\"delta\": 99999999.99}");
    assertEquals("0.00", up.json().getString("amount"));
  }

  @Test
  void adjustIs404ForAnotherUsersIdAndAMissingOneAndChangesNothing() {
    Login alice = signUp();
    Login bob = signUp();
    JsonObject mine = create(alice, "42.00", "Alice's", "private");
    long id = mine.getLong("id");
    Reply missing = http.get("/api/transactions/999999999", bob);
    assertEquals(404, missing.status());
    for (Reply reply :
        List.of(
            adjust(bob, id, "{\"delta\": \"1.00\"}"),
            adjust(bob, 999_999_999L, "{\"delta\": \"1.00\"}"),
            adjust(alice, 999_999_999L, "{\"delta\": \"1.00\"}"),
            adjust(bob, id, "{\"delta\": 99999999.99}"))) {
      assertEquals(404, reply.status(), reply::toString);
      assertEquals(missing.body(), reply.body(), "exactly like a missing one");
      assertEquals(missing.headers().get("content-type"), reply.headers().get("content-type"));
    }
    assertEquals(mine, http.get("/api/transactions/" + id, alice).json(), "untouched");
  }

  @Test
  void adjustBodyOverTheLimitIs413() {
    Login login = signUp();
    JsonObject created = create(login, "1.00", "d", "c");
    Reply reply =
        adjust(
            login,
            created.getLong("id"),
            "{\"delta\": \"1.00\", \"pad\": \"" + "x".repeat(70_000) + "\"}");
    assertEquals(413, reply.status(), reply::toString);
    assertEquals(created, http.get("/api/transactions/" + created.getLong("id"), login).json());
  }

  /**
   * Twenty concurrent adjustments of +1.00 to one transaction: no update is lost, and each answer
   * is the row as its own update left it, so the twenty answers are twenty different amounts.
   */
  @Test
  void twentyConcurrentAdjustmentsAllCount() {
    Login login = signUp();
    JsonObject created = create(login, "5.00", "shared", "c");
    long id = created.getLong("id");
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      replies.add(
          http.send(
              HttpMethod.POST,
              "/api/transactions/" + id + "/adjust",
              login,
              Buffer.buffer("{\"delta\": \"1.00\"}")));
    }
    Set<String> answered = new HashSet<>();
    for (Future<Reply> future : replies) {
      Reply reply = await(future);
      assertEquals(200, reply.status(), reply::toString);
      answered.add(reply.json().getString("amount"));
    }
    Set<String> expected = new HashSet<>();
    for (int i = 1; i <= 20; i++) {
      expected.add(new BigDecimal("5.00").add(BigDecimal.valueOf(i)).toPlainString());
    }
    assertEquals(expected, answered, "each answer is the state right after its own update");
    assertEquals("25.00", http.get("/api/transactions/" + id, login).json().getString("amount"));
  }

  @Test
  void aUserSeesAndChangesOnlyTheirOwnTransactions() {
    Login alice = signUp();
    Login bob = signUp();
    JsonObject mine = create(alice, "42.00", "Alice's", "private");
    create(bob, "1.00", "Bob's", "own");
    String uri = "/api/transactions/" + mine.getLong("id");
    Reply missing = http.get("/api/transactions/999999999", bob);
    assertEquals(404, missing.status());

    for (Reply reply :
        List.of(
            http.get(uri, bob),
            http.call(HttpMethod.PATCH, uri, bob, "{\"amount\": \"0.01\"}"),
            http.call(HttpMethod.DELETE, uri, bob, null))) {
      assertEquals(404, reply.status(), reply::toString);
      assertEquals(missing.body(), reply.body(), "exactly like a missing one");
      assertEquals(missing.headers().get("content-type"), reply.headers().get("content-type"));
    }
    assertEquals(
        404,
        http.call(HttpMethod.PATCH, "/api/transactions/999999999", bob, "{\"amount\": \"1\"}")
            .status());

    assertEquals(mine, http.get(uri, alice).json(), "untouched");
    JsonArray bobs = list(http.get("/api/transactions", bob));
    assertEquals(1, bobs.size());
    assertEquals("Bob's", bobs.getJsonObject(0).getString("description"));
    assertEquals(1, http.get("/api/transactions/stats", bob).json().getInteger("total"));
    assertEquals(
        0, list(http.get("/api/transactions?category=private", bob)).size(), "not by filter");
    assertEquals(1L, rows(alice));
  }

  // ---------------------------------------------------------------------------------------------
  // Routing

  @Test
  void unknownRoutesAre404AndWrongMethods405WithJsonBodies() {
    Login login = signUp();
    for (String uri :
        List.of(
            "/",
            "/api",
            "/api/transaction",
            "/api/transactions/abc",
            "/api/transactions/-1",
            "/api/transactions/1.5",
            "/api/transactions/99999999999999999999",
            "/api/transactions/1/x",
            "/api/transactions/abc/adjust",
            "/api/transactions/1/adjust/x",
            "/api/transactions/stats/adjust",
            "/api/users/1")) {
      Reply reply = http.get(uri, login);
      assertEquals(404, reply.status(), uri + ": " + reply);
      assertEquals("Not found.", reply.json().getString("error"), uri);
    }
    Object[][] wrong = {
      {HttpMethod.PUT, "/api/transactions"},
      {HttpMethod.DELETE, "/api/transactions"},
      {HttpMethod.PUT, "/api/transactions/1"},
      {HttpMethod.POST, "/api/transactions/1"},
      {HttpMethod.POST, "/api/transactions/stats"},
      {HttpMethod.DELETE, "/api/transactions/stats"},
      {HttpMethod.GET, "/api/transactions/1/adjust"},
      {HttpMethod.PATCH, "/api/transactions/1/adjust"},
      {HttpMethod.GET, "/api/users"},
    };
    for (Object[] w : wrong) {
      Reply reply = http.call((HttpMethod) w[0], (String) w[1], login, null);
      assertEquals(405, reply.status(), w[0] + " " + w[1] + ": " + reply);
      assertNotNull(reply.json().getString("error"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Hostile input and concurrency

  @Test
  void fiveHundredHostileBodiesAreAnswered400Or201AndEvery201IsStored() {
    Login login = signUp();
    List<byte[]> bodies = new HostileBodies(20250601L).next(500);
    int created = 0;
    int refused = 0;
    for (int start = 0; start < bodies.size(); start += 10) {
      List<Future<Reply>> batch = new ArrayList<>();
      for (byte[] body : bodies.subList(start, Math.min(bodies.size(), start + 10))) {
        batch.add(http.send(HttpMethod.POST, "/api/transactions", login, Buffer.buffer(body)));
      }
      for (int i = 0; i < batch.size(); i++) {
        Reply reply = await(batch.get(i));
        String sent = new String(bodies.get(start + i), StandardCharsets.UTF_8);
        String shown = sent.length() > 300 ? sent.substring(0, 300) + "..." : sent;
        switch (reply.status()) {
          case 201 -> {
            created++;
            JsonObject json = reply.json();
            assertTransactionShape(json);
            assertTrue(json.getString("description").length() <= 400, shown);
          }
          case 400 -> {
            refused++;
            JsonObject errors = reply.json().getJsonObject("errors");
            assertNotNull(errors, shown + " -> " + reply);
            assertFalse(errors.isEmpty(), shown);
          }
          default -> fail("Body #" + (start + i) + " " + shown + " got " + reply);
        }
      }
    }
    assertTrue(created > 50, "some bodies were valid: " + created);
    assertTrue(refused > 200, "most were not: " + refused);
    assertEquals(created, rows(login), "every 201, and only they, stored");
    assertEquals(created, http.get("/api/transactions/stats", login).json().getInteger("total"));
    // The tables are still there and answer.
    assertEquals(200, http.get("/api/transactions", login).status());
    assertEquals(
        1L,
        await(Users.objects(app.database()).filter(Users.USERNAME.eq(login.username())).acount()));
  }

  // ---------------------------------------------------------------------------------------------
  // GET /healthz

  @Test
  void healthzIs200WithoutCredentialsWhenTheDatabaseAnswers() {
    Reply reply = http.get("/healthz", null);
    assertEquals(200, reply.status(), reply::toString);
    assertEquals(new JsonObject().put("status", "ok"), reply.json());
  }

  /**
   * Runs {@code during} while a connection of the test's own holds {@code auth_user} locked, so
   * that every query of the app on it waits.
   */
  private void whileAuthUserIsLocked(Runnable during) {
    TestDatabase database = database();
    String name = database.name();
    String url = database.url();
    // One connection, so that MySQL's LOCK TABLES and UNLOCK TABLES run on the same one.
    String one = name.equals("postgresql") ? "pool_size=1&pipelining=1" : "pool_size=1";
    dev.asyncmodel.Database locker =
        dev.asyncmodel.Database.connect(vertx, url + (url.contains("?") ? "&" : "?") + one);
    io.vertx.core.Promise<Void> release = io.vertx.core.Promise.promise();
    io.vertx.core.Promise<Void> locked = io.vertx.core.Promise.promise();
    Future<Void> holder;
    if (name.equals("postgresql")) {
      holder =
          locker.atomic(
              t ->
                  t.execute("LOCK TABLE auth_user IN ACCESS EXCLUSIVE MODE")
                      .compose(
                          n -> {
                            locked.complete();
                            return release.future();
                          }));
    } else {
      holder =
          locker
              .execute("LOCK TABLES auth_user WRITE")
              .compose(
                  n -> {
                    locked.complete();
                    return release.future();
                  })
              .compose(v -> locker.execute("UNLOCK TABLES").<Void>mapEmpty());
    }
    try {
      await(locked.future());
      during.run();
    } finally {
      release.complete();
      await(holder);
      await(locker.close());
    }
  }

  private void assumeLocksCanBeStaged() {
    assumeTrue(
        !database().name().equals("sqlite"),
        "SQLite readers are never blocked (WAL): a database that does not answer cannot be"
            + " staged there: skipped");
  }

  /**
   * A database that holds the app's query past the second: 503 within about a second, and 200 as
   * soon as it answers again. The table is locked from a connection of the test's own.
   */
  @Test
  void healthzIs503WhenTheDatabaseDoesNotAnswerWithinASecond() {
    assumeLocksCanBeStaged();
    whileAuthUserIsLocked(
        () -> {
          long start = System.nanoTime();
          Reply reply = http.get("/healthz", null);
          long tookMs = (System.nanoTime() - start) / 1_000_000;
          assertEquals(503, reply.status(), reply::toString);
          assertNotNull(reply.json().getString("error"));
          assertTrue(tookMs >= 900, "waited for the database: " + tookMs + " ms");
        });
    assertEquals(200, http.get("/healthz", null).status(), "answers again");
  }

  /**
   * Every request has a 5 s deadline: a request whose query waits past it is answered 503 {@code
   * {"error": ...}}, and the query is cancelled on the server, not left waiting for the lock.
   */
  @Test
  void aRequestPastItsDeadlineIs503AndItsQueryIsCancelled() {
    assumeLocksCanBeStaged();
    Login login = signUp();
    String waiting =
        database().name().equals("postgresql")
            ? "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE '%FROM \"auth_user\"%'"
            : "SELECT 1 FROM information_schema.processlist WHERE state LIKE '%lock%'"
                + " AND info LIKE '%FROM `auth_user`%'";
    whileAuthUserIsLocked(
        () -> {
          long start = System.nanoTime();
          Reply reply = http.get("/api/transactions", login);
          long tookMs = (System.nanoTime() - start) / 1_000_000;
          assertEquals(503, reply.status(), reply::toString);
          assertEquals(
              "The database did not answer in time; try again later.",
              reply.json().getString("error"));
          assertTrue(tookMs >= 4900 && tookMs < 8000, "answered after " + tookMs + " ms");
          long left = 1;
          for (int i = 0; i < 50 && left > 0; i++) {
            left = await(app.database().execute(waiting));
            if (left > 0) {
              await(Future.<Void>future(p -> vertx.setTimer(20, id -> p.complete())));
            }
          }
          assertEquals(0L, left, "the request's query still waits on the server");
        });
    assertEquals(200, http.get("/api/transactions", login).status(), "answers again");
  }

  // ---------------------------------------------------------------------------------------------
  // Requests as clients really send them

  /**
   * {@code curl -d} sends {@code Content-Type: application/x-www-form-urlencoded}; the body is JSON
   * all the same, and a {@code %} in it is data, never the start of a form escape.
   */
  @Test
  void aJsonBodySentAsCurlSendsItIsReadAsJsonWithItsPercentSigns() {
    Login login = signUp();
    String user = login.username() + ":" + login.password();
    Answer created =
        raw.curl(
            "POST",
            "/api/transactions",
            user,
            "{\"amount\":\"3.00\",\"description\":\"100% coffee\",\"category\":\"food\"}");
    assertEquals(201, created.status(), created::toString);
    JsonObject json = new JsonObject(created.body());
    assertEquals("100% coffee", json.getString("description"));
    long id = json.getLong("id");
    String awkward = "%ZZ %% %2 %00 a=b&c=d+e %E2%82 " + "%".repeat(150);
    Answer patched =
        raw.curl(
            "PATCH",
            "/api/transactions/" + id,
            user,
            new JsonObject().put("description", awkward).encode());
    assertEquals(200, patched.status(), patched::toString);
    Transaction stored = await(Transactions.objects(app.database()).aget(Transactions.ID.eq(id)));
    assertEquals(awkward, stored.description());
    Answer signUp =
        raw.curl(
            "POST",
            "/api/users",
            null,
            "{\"username\": \"pct" + users.incrementAndGet() + "\", \"password\": \"100%%\"}");
    assertEquals(201, signUp.status(), signUp::toString);
    // The issue's second command.
    Answer badEscape = raw.curl("GET", "/api/transactions/%ZZ", user, null);
    assertEquals(400, badEscape.status(), badEscape::toString);
    assertEquals(1L, rows(login));
  }

  /**
   * Every curl example of {@code docs/sample-app.md}, sent in order as curl sends it, answers as
   * the page shows: the status of each {@code http} block, and each JSON body equal to the page's
   * once ids are mapped to the ones this database gave and times are checked for their form.
   */
  @Test
  void theDocsCurlExamplesAnswerAsThePageShowsWhenSentAsCurlSendsThem() throws Exception {
    List<DocExample> examples = DocExample.read(java.nio.file.Path.of("../docs/sample-app.md"));
    assertTrue(examples.size() >= 15, "the page's examples were found: " + examples.size());
    java.util.Map<String, java.util.Map<Long, Long>> ids = new java.util.HashMap<>();
    for (DocExample example : examples) {
      String target = DocExample.target(example.target(), ids);
      java.util.regex.Matcher idInPath =
          Pattern.compile("^/api/transactions/([0-9]+)(/adjust)?$").matcher(target);
      if (idInPath.matches()) {
        long documented = Long.parseLong(idInPath.group(1));
        Long mapped = ids.getOrDefault("transaction", java.util.Map.of()).get(documented);
        target =
            "/api/transactions/"
                + (mapped == null ? documented : mapped)
                + (idInPath.group(2) == null ? "" : idInPath.group(2));
      }
      Answer answer = raw.curl(example.method(), target, example.user(), example.data());
      String what = example.command() + " -> " + answer;
      if (example.status() != null) {
        assertEquals(example.status(), answer.status(), what);
      } else if (example.body().startsWith("{\"errors\"")) {
        assertEquals(400, answer.status(), what);
      } else if (example.body().startsWith("{\"error\"")) {
        assertEquals(4, answer.status() / 100, what);
      } else {
        assertEquals(2, answer.status() / 100, what);
      }
      for (var header : example.headers().entrySet()) {
        String expected = header.getValue();
        String actual = answer.headers().get(header.getKey());
        if (header.getKey().equals("location")) {
          assertNotNull(actual, what);
          expected = expected.replaceAll("[0-9]+$", "");
          actual = actual.replaceAll("[0-9]+$", "");
        }
        if (!header.getKey().equals("content-length")) {
          assertEquals(expected, actual, header.getKey() + " of " + what);
        }
      }
      if (example.body().isBlank()) {
        assertEquals("", answer.body(), what);
      } else if ("application/x-ndjson".equals(example.headers().get("content-type"))) {
        List<String> documented = example.body().lines().toList();
        List<String> answered = answer.body().lines().toList();
        assertEquals(documented.size(), answered.size(), what);
        for (int i = 0; i < documented.size(); i++) {
          Object expected = new JsonObject(documented.get(i)).getMap();
          Object actual = DocExample.longs(new JsonObject(answered.get(i)).getMap());
          assertEquals(DocExample.align(expected, actual, ids), actual, what);
        }
      } else {
        Object expected = new JsonObject(example.body()).getMap();
        Object actual = DocExample.longs(new JsonObject(answer.body()).getMap());
        assertEquals(DocExample.align(expected, actual, ids), actual, what);
      }
    }
  }

  /** A path or query string that does not decode is the client's mistake: 400 or 404. */
  @Test
  void malformedPercentEscapesInPathsAndQueriesAre400Or404NeverA500() {
    Login login = signUp();
    String user = login.username() + ":" + login.password();
    List<String> targets =
        List.of(
            "/api/transactions/%ZZ",
            "/api/transactions/%",
            "/api/transactions/%2",
            "/api/transactions/1%",
            "/api/%ZZ",
            "/%ZZ",
            "/api/transactions/%E2%82",
            "/api/transactions/1%00",
            "/api/transactions/%C0%AF",
            "/api/transactions/stats%ZZ",
            "/api/transactions?search=%ZZ",
            "/api/transactions?search=%",
            "/api/transactions?%ZZ=1",
            "/api/transactions?offset=%ZZ&offset=%ZZ",
            "/api/transactions?=&&=&%=%",
            "/api/users?%ZZ");
    for (String target : targets) {
      for (String method : List.of("GET", "POST", "PATCH", "DELETE")) {
        for (String credentials : java.util.Arrays.asList(user, null)) {
          Answer answer = raw.curl(method, target, credentials, method.equals("GET") ? null : "{}");
          String what = method + " " + target + (credentials == null ? "" : " signed in");
          assertTrue(answer.status() >= 400 && answer.status() < 500, what + " -> " + answer);
          assertEquals(
              "application/json; charset=utf-8", answer.headers().get("content-type"), what);
          new JsonObject(answer.body());
        }
      }
      Answer answer = raw.curl("GET", target, user, null);
      if (target.startsWith("/api/transactions/%ZZ")) {
        assertEquals(400, answer.status(), target + " -> " + answer);
      }
    }
    assertEquals(0L, rows(login));
  }

  /**
   * Hostile bodies under every content type a client might send, the form types included: only 201
   * and 4xx, and the stored rows are exactly the 201s.
   */
  @Test
  void hostileBodiesUnderAnyContentTypeAreAnswered201Or4xxAndEvery201IsStored() {
    Login login = signUp();
    String authorization =
        "Authorization: Basic "
            + java.util.Base64.getEncoder()
                .encodeToString(
                    (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8))
            + "\r\n";
    String[] contentTypes = {
      null,
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=UTF-8",
      "multipart/form-data; boundary=----x",
      "multipart/form-data",
      "multipart/mixed; boundary=x",
      "application/json",
      "application/json; charset=latin1",
      "text/plain",
      "application/octet-stream",
      "",
      "%%%; ;;=",
      "application/x-www-form-urlencoded".repeat(100),
    };
    java.util.Random random = new java.util.Random(20261207L);
    List<byte[]> bodies = new HostileBodies(20261207L).next(300);
    bodies.add(
        "{\"amount\":\"1.00\",\"description\":\"%ZZ%\",\"category\":\"%\"}"
            .getBytes(StandardCharsets.UTF_8));
    bodies.add(
        ("{\"amount\":\"1.00\",\"description\":\"" + "d=".repeat(150) + "\",\"category\":\"c\"}")
            .getBytes(StandardCharsets.UTF_8));
    int created = 0;
    int refused = 0;
    for (int i = 0; i < bodies.size(); i++) {
      String type = contentTypes[random.nextInt(contentTypes.length)];
      StringBuilder head = new StringBuilder("POST /api/transactions HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1\r\n").append(authorization);
      if (type != null) {
        head.append("Content-Type: ").append(type).append("\r\n");
      }
      byte[] body = bodies.get(i);
      head.append("Content-Length: ").append(body.length).append("\r\n");
      Answer answer = raw.send(head, body);
      String sent = new String(body, StandardCharsets.UTF_8);
      String shown =
          "#" + i + " as " + type + ": " + (sent.length() > 200 ? sent.substring(0, 200) : sent);
      if (answer.status() == 201) {
        created++;
        assertTransactionShape(new JsonObject(answer.body()));
      } else if (answer.status() >= 400 && answer.status() < 500) {
        refused++;
        assertEquals(
            "application/json; charset=utf-8", answer.headers().get("content-type"), shown);
        new JsonObject(answer.body());
      } else {
        fail(shown + " got " + answer);
      }
    }
    assertTrue(created > 30, "some bodies were valid: " + created);
    assertTrue(refused > 100, "most were not: " + refused);
    assertEquals(created, rows(login), "every 201, and only they, stored");
  }

  /**
   * What else a client controls: the request line, headers, credentials, the body's framing. Each
   * is answered with a 4xx and a JSON body, never a 500.
   */
  @Test
  void oddRequestLinesHeadersAndCredentialsAre4xxWithJsonNeverA500() {
    Login login = signUp();
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (login.username() + ":" + login.password()).getBytes(StandardCharsets.UTF_8));
    String host = "Host: 127.0.0.1\r\n";
    String auth = "Authorization: Basic " + basic + "\r\n";
    String chunks = ("4000\r\n" + "a".repeat(0x4000) + "\r\n").repeat(5) + "0\r\n\r\n";
    record Case(String head, String body, int status) {}
    List<Case> cases =
        List.of(
            new Case("GET /api/transactions/" + "1".repeat(5000) + " HTTP/1.1\r\n" + host, "", 414),
            new Case(
                "GET /api/transactions?search=" + "%".repeat(5000) + " HTTP/1.1\r\n" + host,
                "",
                414),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(9000) + "\r\n",
                "",
                431),
            new Case("GET /api/transactions HTTP/1.1\r\n" + host + "X-Bad\u0001: a\r\n", "", 400),
            new Case("NOT HTTP AT ALL\r\n", "", 400),
            new Case("GET /api/transactions HTTP/1.1\r\n", "", 400),
            new Case("FOO /api/transactions HTTP/1.1\r\n" + host + auth, "", 405),
            new Case("HEAD /api/transactions/stats HTTP/1.1\r\n" + host + auth, "", 405),
            new Case(
                "POST /api/transactions HTTP/1.1\r\n" + host + auth + "Content-Length: abc\r\n",
                "{}",
                400),
            new Case(
                "POST /api/transactions HTTP/1.1\r\n" + host + auth + "Content-Length: -5\r\n",
                "{}",
                400),
            new Case(
                "POST /api/transactions HTTP/1.1\r\n"
                    + host
                    + auth
                    + "Content-Length: 99999999999\r\n",
                "{}",
                413),
            new Case(
                "POST /api/transactions HTTP/1.1\r\n"
                    + host
                    + auth
                    + "Expect: 200-ok\r\nContent-Length: 2\r\n",
                "{}",
                417),
            new Case(
                "POST /api/transactions HTTP/1.1\r\n"
                    + host
                    + auth
                    + "Transfer-Encoding: chunked\r\n",
                chunks,
                413),
            new Case(
                "POST /api/transactions HTTP/1.1\r\n"
                    + host
                    + auth
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n",
                chunks,
                413),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n"
                    + host
                    + "Authorization: Basic \u00ff\u00fe\r\n",
                "",
                401),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n"
                    + host
                    + "Authorization: Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, ':', 0})
                    + "\r\n",
                "",
                401),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n"
                    + host
                    + "Authorization: Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            ("\u0000:" + login.password()).getBytes(StandardCharsets.UTF_8))
                    + "\r\n",
                "",
                401),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n"
                    + host
                    + "Authorization: Basic "
                    + java.util.Base64.getEncoder()
                        .encodeToString(
                            (login.username() + ":" + "p".repeat(5000))
                                .getBytes(StandardCharsets.UTF_8))
                    + "\r\n",
                "",
                401),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n" + host + "Authorization: Basic\r\n", "", 401),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n" + host + "Authorization: Bearer x\r\n",
                "",
                401),
            new Case(
                "GET /api/transactions HTTP/1.1\r\n" + host + "Authorization: Basic =====\r\n",
                "",
                401),
            new Case("GET /api/transactions HTTP/1.1\r\n" + host + auth + auth, "", 200));
    for (Case c : cases) {
      byte[] body = c.body().getBytes(StandardCharsets.ISO_8859_1);
      Answer answer = raw.send(c.head(), body.length == 0 ? null : body);
      String what =
          c.head()
              .substring(
                  0,
                  Math.min(
                      80, c.head().indexOf('\r') < 0 ? c.head().length() : c.head().indexOf('\r')));
      assertEquals(c.status(), answer.status(), what + " -> " + answer);
      if (!c.head().startsWith("HEAD")) {
        assertEquals("application/json; charset=utf-8", answer.headers().get("content-type"), what);
        new JsonObject(answer.body());
      }
    }
    assertEquals(0L, rows(login));
  }

  @Test
  void aHundredConcurrentCreatesByTenUsersAreAllStored() {
    List<Login> logins = new ArrayList<>();
    for (int u = 0; u < 10; u++) {
      logins.add(signUp());
    }
    List<Future<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Login login = logins.get(i % 10);
      String body =
          new JsonObject()
              .put("amount", (i + 1) + ".25")
              .put("description", "concurrent " + i)
              .put("category", "load")
              .encode();
      replies.add(http.send(HttpMethod.POST, "/api/transactions", login, Buffer.buffer(body)));
    }
    Set<Long> ids = new HashSet<>();
    for (Future<Reply> future : replies) {
      Reply reply = await(future);
      assertEquals(201, reply.status(), reply::toString);
      ids.add(reply.json().getLong("id"));
    }
    assertEquals(100, ids.size(), "100 distinct ids");
    for (int u = 0; u < 10; u++) {
      Login login = logins.get(u);
      assertEquals(10L, rows(login), login.username());
      JsonArray listed = list(http.get("/api/transactions?category=load", login));
      assertEquals(10, listed.size());
      Set<String> descriptions = new HashSet<>();
      listed.forEach(t -> descriptions.add(((JsonObject) t).getString("description")));
      Set<String> expected = new HashSet<>();
      for (int i = u; i < 100; i += 10) {
        expected.add("concurrent " + i);
      }
      assertEquals(expected, descriptions, login.username() + " got exactly their own");
    }
  }
}
