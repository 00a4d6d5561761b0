package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;

/** What the processor generates as {@link Member}'s QuerySet, written by hand. */
public final class MemberQuerySet extends QuerySet<Member, MemberQuerySet> {
  MemberQuerySet(ModelMeta<Member> model, Database db) {
    super(model, db);
  }

  private MemberQuerySet(QuerySet.State<Member> state) {
    super(state);
  }

  @Override
  protected MemberQuerySet copy(QuerySet.State<Member> state) {
    return new MemberQuerySet(state);
  }
}
