package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor names runtime types without loading them (STYLE rule 9); this test loads each name
 * from the runtime on the test class path, so that a renamed runtime class cannot go unnoticed.
 */
class NamesTest {
  @Test
  void everyClassNameConstantNamesARuntimeClass() throws ReflectiveOperationException {
    List<String> checked = new ArrayList<>();
    for (Field field : constants(ClassName.class)) {
      ClassName name = (ClassName) field.get(null);
      Class<?> type = Class.forName(name.reflectionName());
      assertWithMessage(field.getName())
          .that(type.getCanonicalName())
          .isEqualTo(name.canonicalName());
      checked.add(field.getName());
    }
    assertThat(checked).containsAtLeast("DATABASE", "QUERY_SET", "QUERY_SET_STATE", "REF_FIELD");
  }

  @Test
  void nestedStateIsLoadedByItsBinaryName() throws ClassNotFoundException {
    assertThat(Names.QUERY_SET_STATE.reflectionName()).isEqualTo("dev.asyncmodel.QuerySet$State");
    assertThat(Class.forName(Names.QUERY_SET_STATE.reflectionName()).getEnclosingClass())
        .isEqualTo(dev.asyncmodel.QuerySet.class);
  }

  @Test
  void packageNamesAreRuntimePackages() throws ClassNotFoundException {
    for (String name : List.of(Names.PACKAGE, Names.SPI)) {
      assertThat(Class.forName(name + ".package-info").getPackageName()).isEqualTo(name);
    }
  }

  @Test
  void everyAnnotationNameNamesARuntimeAnnotation() throws ReflectiveOperationException {
    List<String> checked = new ArrayList<>();
    for (Field field : constants(String.class)) {
      String name = (String) field.get(null);
      if (name.equals(Names.PACKAGE) || name.equals(Names.SPI) || name.equals(Names.PROCESSOR)) {
        continue; // packages and the processor: checked by their own tests
      }
      Class<?> type = Class.forName(name);
      if (!field.getName().equals("REF_TYPE")) {
        assertWithMessage(field.getName()).that(type.isAnnotation()).isTrue();
      }
      checked.add(field.getName());
    }
    assertThat(checked)
        .containsAtLeast(
            "ASYNC_MODEL",
            "ID",
            "FOREIGN_KEY",
            "MAX_LENGTH",
            "DECIMAL",
            "UNIQUE",
            "AUTO_NOW_ADD",
            "COLUMN",
            "DICT_EXCLUDE",
            "REF_TYPE");
  }

  @Test
  void generatedAnnotationNamesTheProcessor() throws ClassNotFoundException {
    assertThat(Class.forName(Names.PROCESSOR)).isEqualTo(AsyncModelProcessor.class);
  }

  /** The processor claims every annotation of the runtime, and nothing else. */
  @Test
  void annotationsAreEveryAnnotationOfTheRuntime() throws Exception {
    Set<String> annotations = new TreeSet<>();
    for (String name : classesOf(dev.asyncmodel.AsyncModel.class)) {
      if (Class.forName(name).isAnnotation()) {
        annotations.add(name);
      }
    }
    assertThat(annotations).isNotEmpty();
    assertThat(new TreeSet<>(Names.ANNOTATIONS)).containsExactlyElementsIn(annotations).inOrder();
  }

  /** Each rule is a constant of OnDelete; the other constant is the default, which is no rule. */
  @Test
  void onDeleteRulesAreTheConstantsOfOnDeleteButItsDefault() throws NoSuchMethodException {
    Object unset = dev.asyncmodel.ForeignKey.class.getMethod("onDelete").getDefaultValue();
    assertThat(unset).isEqualTo(dev.asyncmodel.OnDelete.UNSET);
    List<String> rules = new ArrayList<>();
    for (dev.asyncmodel.OnDelete rule : dev.asyncmodel.OnDelete.values()) {
      if (rule != unset) {
        rules.add(rule.name());
      }
    }
    assertThat(Names.ON_DELETE_RULES).containsExactlyElementsIn(rules).inOrder();
  }

  /** The top-level classes of a class's package, from the directory or jar it was loaded from. */
  private static List<String> classesOf(Class<?> type) throws Exception {
    String folder = type.getPackageName().replace('.', '/') + "/";
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> entries = new ArrayList<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.list(location.resolve(folder))) {
        files.forEach(f -> entries.add(folder + f.getFileName()));
      }
    } else {
      try (JarFile jar = new JarFile(location.toFile())) {
        jar.stream().map(JarEntry::getName).forEach(entries::add);
      }
    }
    List<String> classes = new ArrayList<>();
    for (String entry : entries) {
      String name = entry;
      if (entry.startsWith(folder)
          && entry.endsWith(".class")
          && entry.indexOf('/', folder.length()) < 0
          && !entry.contains("$")
          && !entry.endsWith("package-info.class")
          && !entry.endsWith("module-info.class")) {
        classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
      }
    }
    return classes;
  }

  private static List<Field> constants(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : Names.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return fields;
  }
}
