package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Django's {@code OneToOneField} is a foreign key with {@code @Unique}: its column is {@code
 * UNIQUE} and, as Django's {@code migrate} does, it gets no index of its own besides the one the
 * constraint makes.
 */
class OneToOneTest {
  @Test
  void aUniqueForeignKeyIsUniqueAndNotIndexedTwice() throws IOException {
    Compilation compilation =
        Compilers.javac()
            .compile(
                JavaFileObjects.forSourceLines(
                    "com.example.o2o.Owner",
                    "package com.example.o2o;",
                    "import dev.asyncmodel.*;",
                    "@AsyncModel public record Owner(@Id Long id, @MaxLength(20) String name) {}"),
                JavaFileObjects.forSourceLines(
                    "com.example.o2o.Badge",
                    "package com.example.o2o;",
                    "import dev.asyncmodel.*;",
                    "@AsyncModel public record Badge(",
                    "    @Id Long id,",
                    "    @ForeignKey(onDelete = OnDelete.CASCADE) @Unique Ref<Owner> owner,",
                    "    @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Owner> issuer) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    String ddl =
        compilation
            .generatedFile(
                StandardLocation.CLASS_OUTPUT, "META-INF/asyncmodel/models/com.example.o2o.Badge")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(ddl)
        .contains(
            "\"owner_id\" bigint NOT NULL UNIQUE REFERENCES \"owner\" (\"id\") DEFERRABLE INITIALLY"
                + " DEFERRED");
    assertThat(ddl).contains("`owner_id` bigint NOT NULL UNIQUE");
    assertThat(ddl).doesNotContain("badge_owner_id_idx");
    // The other key keeps Django's index, on PostgreSQL and SQLite.
    assertThat(ddl.split("\"badge_issuer_id_idx\"", -1)).hasLength(3);
  }
}
