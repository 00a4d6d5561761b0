package dev.asyncmodel.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN's naming rules: plural companions, snake_case tables and columns, UPPER_SNAKE fields. */
class NamingTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Transaction, Transactions",
    "Category, Categories",
    "Day, Days",
    "Key, Keys",
    "Address, Addresses",
    "Box, Boxes",
    "Status, Statuses",
    "Batch, Batches",
    "Wish, Wishes",
    "User, Users",
    "LineItem, LineItems",
  })
  void pluralOfARecordNameIsItsCompanionName(String name, String plural) {
    assertEquals(plural, Naming.plural(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Transaction, transaction",
    "LineItem, line_item",
    "createdAt, created_at",
    "HTTPRequest, http_request",
    "userID, user_id",
    "address2, address2",
    "address2Line, address2_line",
    "id, id",
    "URL, url",
    "already_snake, already_snake",
    "parentId, parent_id",
  })
  void snakeCaseOfAJavaNameIsItsTableOrColumnName(String name, String snake) {
    assertEquals(snake, Naming.snake(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "id, ID",
    "createdAt, CREATED_AT",
    "user, USER",
    "userID, USER_ID",
    "address2, ADDRESS2",
    "HTTPRequest, HTTP_REQUEST",
  })
  void constantOfAComponentNameIsUpperSnake(String name, String constant) {
    assertEquals(constant, Naming.constant(name));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Transaction, transaction",
    "LineItem, lineItem",
    "URLRecord, urlRecord",
    "URL, url",
    "A, a",
    "user, user",
  })
  void parameterOfATypeNameIsLowerCamel(String name, String parameter) {
    assertEquals(parameter, Naming.parameter(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Orders", "OrderItems", "Order_2", "$Orders"})
  void simpleClassNamesAreCompanionNames(String name) {
    assertTrue(Naming.isCompanionName(name));
  }

  /** The companion goes in the record's package: a qualified name is no companion name. */
  @ParameterizedTest
  @ValueSource(strings = {"a.b", "com.example.Orders", "Order Items", "class", "2Orders", ""})
  void qualifiedNamesKeywordsAndNonIdentifiersAreNotCompanionNames(String name) {
    assertFalse(Naming.isCompanionName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"auth_user", "Orders", "_tmp", "line$item", "t2"})
  void lettersDigitsUnderscoresAndDollarsAreSqlNames(String name) {
    assertTrue(Naming.isSqlName(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"order items", "2fa", "schema.table", "a-b", "x\"y", ""})
  void anythingElseIsNoSqlName(String name) {
    assertFalse(Naming.isSqlName(name));
  }
}
