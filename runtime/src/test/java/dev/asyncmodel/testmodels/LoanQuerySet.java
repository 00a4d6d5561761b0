package dev.asyncmodel.testmodels;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;

/** What the processor generates as {@link Loan}'s QuerySet, written by hand. */
public final class LoanQuerySet extends QuerySet<Loan, LoanQuerySet> {
  LoanQuerySet(ModelMeta<Loan> model, Database db) {
    super(model, db);
  }

  private LoanQuerySet(QuerySet.State<Loan> state) {
    super(state);
  }

  @Override
  protected LoanQuerySet copy(QuerySet.State<Loan> state) {
    return new LoanQuerySet(state);
  }
}
