package dev.asyncmodel.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The one way out of the processor: every generated source and resource goes through the {@link
 * Filer} here. A file that cannot be written is a {@link Problem#IO} on the element it was
 * generated from; a {@link javax.annotation.processing.FilerException} (a file made twice) is one
 * too, never silenced.
 */
final class GeneratedFiles {
  private final Filer filer;
  private final Diagnostics diagnostics;

  GeneratedFiles(Filer filer, Diagnostics diagnostics) {
    this.filer = filer;
    this.diagnostics = diagnostics;
  }

  /**
   * @param file a generated type
   * @param origin the element it is generated from
   */
  void source(JavaFile file, Element origin) {
    String name =
        file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
    // The text first, then one write: JavaPoet's writeTo(Filer) writes piece by piece through the
    // Filer's encoder.
    String text = withoutTrailingSpaces(file.toString());
    try {
      write(filer.createSourceFile(name, origin), text);
    } catch (IOException e) {
      diagnostics.error(Problem.IO, origin, name, e.getMessage());
    }
  }

  /**
   * @param path the resource's path in the class output
   * @param text its text
   * @param origins the elements it is generated from; the first is blamed when it cannot be written
   */
  void resource(String path, String text, Element... origins) {
    try {
      write(filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins), text);
    } catch (IOException e) {
      diagnostics.error(Problem.IO, origins[0], path, e.getMessage());
    }
  }

  private static void write(FileObject file, String text) throws IOException {
    try (Writer out = file.openWriter()) {
      out.write(text);
    }
  }

  /**
   * JavaPoet leaves a space at the end of a line that a code block starts with a line break (a
   * field's initializer on its own line). No line of generated Java ends inside a string literal.
   */
  static String withoutTrailingSpaces(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      int last = end;
      while (last > start && text.charAt(last - 1) == ' ') {
        last--;
      }
      out.append(text, start, last).append('\n');
      start = end + 1;
    }
    return out.append(text, start, text.length()).toString();
  }
}
