package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;

/** What the processor generates as {@link Review}'s QuerySet, written by hand. */
public final class ReviewQuerySet extends QuerySet<Review, ReviewQuerySet> {
  ReviewQuerySet(ModelMeta<Review> model, Database db) {
    super(model, db);
  }

  private ReviewQuerySet(QuerySet.State<Review> state) {
    super(state);
  }

  @Override
  protected ReviewQuerySet copy(QuerySet.State<Review> state) {
    return new ReviewQuerySet(state);
  }
}
