package dev.asyncmodel.processor;

import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Records the top-level types that processors generated in the input's packages, also when the
 * compilation failed, where compile-testing hides generated files. javac enters what a round
 * generated before it stops on an error, so the last round finds those types in their package.
 */
final class GeneratedTypes extends AbstractProcessor {
  private final Set<String> inputs = new TreeSet<>();
  private final Set<String> packages = new TreeSet<>();
  private final Set<String> seen = new TreeSet<>();
  private boolean first = true;

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
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement type) {
        seen.add(type.getQualifiedName().toString());
        if (first) {
          inputs.add(type.getQualifiedName().toString());
          packages.add(
              processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString());
        }
      }
    }
    first = false;
    if (round.processingOver()) {
      for (String name : packages) {
        PackageElement pkg = processingEnv.getElementUtils().getPackageElement(name);
        for (Element member : pkg.getEnclosedElements()) {
          seen.add(((TypeElement) member).getQualifiedName().toString());
        }
      }
    }
    return false;
  }

  /**
   * @return the qualified names of the top-level types generated in the input's packages
   */
  Set<String> generated() {
    Set<String> generated = new TreeSet<>(seen);
    generated.removeAll(inputs);
    return generated;
  }
}
