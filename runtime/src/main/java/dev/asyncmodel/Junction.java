package dev.asyncmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions joined by AND or OR: {@code a.and(b)}, {@code a.or(b)}, and the arguments of {@code
 * exclude}. Nested junctions of the same connector are flattened, so {@code a.and(b).and(c)} is one
 * junction of three parts.
 *
 * @param <T> the model
 */
public final class Junction<T extends Record> extends Condition<T> {
  /** How the parts are joined. */
  public enum Connector {
    /** Every part holds. */
    AND,
    /** At least one part holds. */
    OR
  }

  private final Connector connector;
  private final List<Condition<T>> parts;

  Junction(Connector connector, List<Condition<T>> parts) {
    this.connector = connector;
    List<Condition<T>> flat = new ArrayList<>(parts.size());
    for (Condition<T> part : parts) {
      if (part instanceof Junction<T> j && j.connector == connector) {
        flat.addAll(j.parts);
      } else {
        flat.add(part);
      }
    }
    this.parts = List.copyOf(flat);
  }

  /**
   * @return AND or OR
   */
  public Connector connector() {
    return connector;
  }

  /**
   * @return the conditions joined, at least two, none of them a junction of the same connector
   */
  public List<Condition<T>> parts() {
    return parts;
  }

  /**
   * @return the parts joined as Django's {@code Q} objects are: {@code (a & b)}, {@code (a | b)}
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < parts.size(); i++) {
      text.append(i == 0 ? "" : connector == Connector.OR ? " | " : " & ").append(parts.get(i));
    }
    return text.append(')').toString();
  }
}
