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
 *
 * <p>Other processors a test adds run before ours. {@link AsyncModelProcessor} claims asyncmodel's
 * annotations, and a processor that supports {@code "*"} but comes after it is not called in a
 * round whose annotations are all asyncmodel's (the {@link Processor} contract for claimed
 * annotations), so an observer placed after it would miss the first round.
 */
final class Compilers {
  private Compilers() {}

  /**
   * @param others processors that run before ours, such as {@link GeneratedTypes}
   * @return a compiler that runs {@link AsyncModelProcessor} and fails on any warning
   */
  static Compiler javac(Processor... others) {
    return Compiler.javac()
        .withProcessors(withOurs(others))
        .withOptions("-Xlint:all,-processing", "-Werror");
  }

  /**
   * The Eclipse compiler. Its {@code -warn:all} is not javac's {@code -Xlint:all}: it adds style
   * checks javac has none of (string literals without {@code //$NON-NLS-n$}, boxing, redundant type
   * arguments), which generated code does not follow. So ECJ runs with its default warnings, which
   * cover javac's lint categories that apply here (raw types, unchecked, deprecation, unused
   * imports), and {@code -failOnWarning}, its {@code -Werror}.
   *
   * @param others processors that run before ours
   * @return a compiler that runs {@link AsyncModelProcessor} under ECJ and fails on any warning
   */
  static Compiler ecj(Processor... others) {
    return Compiler.compiler(new Ecj())
        .withProcessors(withOurs(others))
        .withOptions("--release", "17", "-failOnWarning");
  }

  private static List<Processor> withOurs(Processor... others) {
    List<Processor> processors = new ArrayList<>(List.of(others));
    processors.add(new AsyncModelProcessor());
    return processors;
  }
}
