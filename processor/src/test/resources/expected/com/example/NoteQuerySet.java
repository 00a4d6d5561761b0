package com.example;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;
import javax.annotation.processing.Generated;

/**
 * The rows of {@code note} a query selects, typed for {@link Note}.
 *
 * <p>Django's filter chain, which builds a query without I/O, and its async terminal methods,
 * which run it; all inherited. Made by {@link Notes#objects}.
 */
@Generated("dev.asyncmodel.processor.AsyncModelProcessor")
final class NoteQuerySet extends QuerySet<Note, NoteQuerySet> {
  NoteQuerySet(ModelMeta<Note> model, Database db) {
    super(model, db);
  }

  private NoteQuerySet(QuerySet.State<Note> state) {
    super(state);
  }

  @Override
  protected NoteQuerySet copy(QuerySet.State<Note> state) {
    return new NoteQuerySet(state);
  }
}
