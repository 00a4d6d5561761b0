package dev.asyncmodel.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/**
 * Gradle's incremental compilation reads {@code META-INF/gradle/incremental.annotation.processors}
 * to learn what kind of processor each one is. Ours is aggregating: a companion lists the foreign
 * keys of other models that reference its record, and the schema scripts hold every model of the
 * compilation, so one file depends on many records.
 */
class GradleIncrementalTest {
  private static final String RESOURCE = "META-INF/gradle/incremental.annotation.processors";

  @Test
  void processorIsDeclaredAggregatingUnderItsRegisteredName() throws IOException {
    List<String> lines = declarations();
    assertThat(lines).containsExactly(AsyncModelProcessor.class.getName() + ",aggregating");
  }

  @Test
  void declaredNameIsTheProcessorThatAutoServiceRegisters() throws IOException {
    String declared = declarations().get(0).split(",", -1)[0];
    List<String> registered = new ArrayList<>();
    for (ServiceLoader.Provider<Processor> provider :
        ServiceLoader.load(Processor.class, getClass().getClassLoader()).stream().toList()) {
      registered.add(provider.type().getName());
    }
    assertWithMessage("processors registered in META-INF/services")
        .that(registered)
        .contains(declared);
  }

  private List<String> declarations() throws IOException {
    URL url = getClass().getClassLoader().getResource(RESOURCE);
    assertWithMessage(RESOURCE).that(url).isNotNull();
    try (InputStream in = url.openStream()) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
      return lines;
    }
  }
}
