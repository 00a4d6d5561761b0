package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.palantir.javapoet.ClassName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
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
