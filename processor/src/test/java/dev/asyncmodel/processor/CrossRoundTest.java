package dev.asyncmodel.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * A record may reference a model that another processor generates: its component type is unknown in
 * the first round, so the record is read again in the next one, when the model exists.
 */
class CrossRoundTest {
  /** Writes the model {@code com.example.gen.Tag} in the first round, as a generator would. */
  static final class TagGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer out =
          processingEnv.getFiler().createSourceFile("com.example.gen.Tag").openWriter()) {
        out.write(
            String.join(
                "\n",
                "package com.example.gen;",
                "",
                "import dev.asyncmodel.AsyncModel;",
                "import dev.asyncmodel.Id;",
                "import dev.asyncmodel.MaxLength;",
                "",
                "@AsyncModel",
                "public record Tag(@Id Long id, @MaxLength(40) String label) {}",
                ""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  @Test
  void aForeignKeyToAModelGeneratedInALaterRoundCompiles() {
    assertCompilesAcrossRounds(Compilers.javac(new TagGenerator()));
  }

  /** ECJ, too, gives an unresolved component type as an error type, so the record waits. */
  @Test
  void aForeignKeyToAModelGeneratedInALaterRoundCompilesUnderEcj() {
    assertCompilesAcrossRounds(Compilers.ecj(new TagGenerator()));
  }

  private static void assertCompilesAcrossRounds(Compiler compiler) {
    Compilation compilation =
        compiler.compile(
            JavaFileObjects.forSourceLines(
                "com.example.Post",
                "package com.example;",
                "",
                "import com.example.gen.Tag;",
                "import dev.asyncmodel.AsyncModel;",
                "import dev.asyncmodel.ForeignKey;",
                "import dev.asyncmodel.Id;",
                "import dev.asyncmodel.OnDelete;",
                "import dev.asyncmodel.Ref;",
                "",
                "@AsyncModel",
                "public record Post(",
                "    @Id Long id, @ForeignKey(onDelete = OnDelete.CASCADE) Ref<Tag> tag) {}"),
            JavaFileObjects.forSourceLines(
                "com.example.Use",
                "package com.example;",
                "",
                "import com.example.gen.Tag;",
                "import com.example.gen.Tags;",
                "",
                "final class Use {",
                "  Object byTag(Tag tag) {",
                "    return Posts.TAG.eq(tag).and(Posts.ID.gt(0L));",
                "  }",
                "",
                "  Object tagLabel() {",
                "    return Tags.LABEL;",
                "  }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.example.Posts");
    assertThat(compilation).generatedSourceFile("com.example.gen.Tags");
    assertThat(compilation)
        .generatedSourceFile("com.example.Posts")
        .contentsAsUtf8String()
        .contains("() -> Tags.ID");
  }
}
