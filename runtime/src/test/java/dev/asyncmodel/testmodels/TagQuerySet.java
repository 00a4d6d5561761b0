package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;

/** What the processor generates as {@link Tag}'s QuerySet, written by hand. */
public final class TagQuerySet extends QuerySet<Tag, TagQuerySet> {
  TagQuerySet(ModelMeta<Tag> model, Database db) {
    super(model, db);
  }

  private TagQuerySet(QuerySet.State<Tag> state) {
    super(state);
  }

  @Override
  protected TagQuerySet copy(QuerySet.State<Tag> state) {
    return new TagQuerySet(state);
  }
}
