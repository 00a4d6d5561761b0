package dev.asyncmodel.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Reports {@link Problem}s at the element to blame, and at the annotation value when one is. Counts
 * the errors it reported, so a reader can tell whether a model is still valid.
 */
final class Diagnostics {
  private final Messager messager;
  private int errors;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  void error(Problem problem, Element element, Object... args) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, problem.format(args), positioned(element));
  }

  void error(
      Problem problem,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    errors++;
    messager.printMessage(
        Diagnostic.Kind.ERROR, problem.format(args), positioned(element), annotation, value);
  }

  void error(Problem problem, Element element, AnnotationMirror annotation, Object... args) {
    errors++;
    messager.printMessage(
        Diagnostic.Kind.ERROR, problem.format(args), positioned(element), annotation);
  }

  /**
   * javac 17 finds no source position for a record component, so a message on one would name no
   * file and no line. The component's private field is declared by the same tree, in the record's
   * header, and javac does find that. Its annotations are not the component's (ours target record
   * components only), so a message at an annotation falls back to the component's line.
   */
  private static Element positioned(Element element) {
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      Element record = ((RecordComponentElement) element).getEnclosingElement();
      for (VariableElement field : ElementFilter.fieldsIn(record.getEnclosedElements())) {
        if (field.getSimpleName().contentEquals(element.getSimpleName())) {
          return field;
        }
      }
    }
    return element;
  }

  int errorCount() {
    return errors;
  }
}
