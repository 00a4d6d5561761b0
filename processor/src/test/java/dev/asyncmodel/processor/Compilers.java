package dev.asyncmodel.processor;

import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;

/**
 * The one javac setup of the processor's tests: {@link AsyncModelProcessor}, every lint warning as
 * an error except {@code processing} (which only lists annotation types that no processor claimed),
 * and the runtime on the class path, where surefire puts it.
 */
final class Compilers {
  private Compilers() {}

  /**
   * @param observers processors that run after ours, such as {@link GeneratedTypes}
   * @return a compiler that runs {@link AsyncModelProcessor} and fails on any warning
   */
  static Compiler javac(Processor... observers) {
    List<Processor> processors = new ArrayList<>();
    processors.add(new AsyncModelProcessor());
    processors.addAll(List.of(observers));
    return Compiler.javac()
        .withProcessors(processors)
        .withOptions("-Xlint:all,-processing", "-Werror");
  }
}
