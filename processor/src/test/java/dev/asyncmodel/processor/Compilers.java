package dev.asyncmodel.processor;

import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Processor;

/**
 * The compiler setups of the processor's tests. javac: {@link AsyncModelProcessor}, every lint
 * warning as an error except {@code processing} (which only lists annotation types that no
 * processor claimed), and the runtime on the class path, where surefire puts it. ECJ: the same
 * processor and class path, with ECJ's default warnings as errors.
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

  /**
   * The Eclipse compiler. Its {@code -warn:all} is not javac's {@code -Xlint:all}: it adds style
   * checks javac has none of (string literals without {@code //$NON-NLS-n$}, boxing, redundant type
   * arguments), which generated code does not follow. So ECJ runs with its default warnings, which
   * cover javac's lint categories that apply here (raw types, unchecked, deprecation, unused
   * imports), and {@code -failOnWarning}, its {@code -Werror}.
   *
   * @param observers processors that run after ours
   * @return a compiler that runs {@link AsyncModelProcessor} under ECJ and fails on any warning
   */
  static Compiler ecj(Processor... observers) {
    List<Processor> processors = new ArrayList<>();
    processors.add(new AsyncModelProcessor());
    processors.addAll(List.of(observers));
    return Compiler.compiler(new Ecj())
        .withProcessors(processors)
        .withOptions("--release", "17", "-failOnWarning");
  }
}
