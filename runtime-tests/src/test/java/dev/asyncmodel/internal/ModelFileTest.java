package dev.asyncmodel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.internal.mysql.MysqlDialect;
import dev.asyncmodel.internal.postgresql.PostgresDialect;
import dev.asyncmodel.internal.sqlite.SqliteDialect;
import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.Authors;
import dev.asyncmodel.testmodels.Member;
import dev.asyncmodel.testmodels.Members;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model files the processor writes, read by the runtime. */
class ModelFileTest {
  @Test
  void theProcessorsFileNamesTheCompanionAndHasDdlForEveryDialect() throws Exception {
    Schema.ModelFile file = Schema.read(Author.class.getClassLoader(), Author.class);
    assertNotNull(file, "META-INF/asyncmodel/models/" + Author.class.getName());
    assertEquals(Authors.class.getName(), file.companion());
    assertEquals(List.of("postgresql", "mysql", "sqlite"), List.copyOf(file.ddl().keySet()));
  }

  @Test
  void ddlOfAModelCreatesItsTableInEachDialect() {
    assertTrue(
        Schema.ddl(PostgresDialect.INSTANCE, Members.model())
            .get(0)
            .startsWith("CREATE TABLE IF NOT EXISTS \"user\" ("),
        () -> Schema.ddl(PostgresDialect.INSTANCE, Members.model()).toString());
    assertTrue(
        Schema.ddl(MysqlDialect.INSTANCE, Members.model())
            .get(0)
            .startsWith("CREATE TABLE IF NOT EXISTS `user` ("),
        () -> Schema.ddl(MysqlDialect.INSTANCE, Members.model()).toString());
    assertTrue(
        Schema.ddl(SqliteDialect.INSTANCE, Members.model())
            .get(0)
            .startsWith("CREATE TABLE IF NOT EXISTS \"user\" ("),
        () -> Schema.ddl(SqliteDialect.INSTANCE, Members.model()).toString());
    assertEquals(Member.class, Members.model().type());
  }
}
