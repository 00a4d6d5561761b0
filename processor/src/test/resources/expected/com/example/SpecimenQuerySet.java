package com.example;

import dev.asyncmodel.Database;
import dev.asyncmodel.QuerySet;
import dev.asyncmodel.spi.ModelMeta;
import javax.annotation.processing.Generated;

/**
 * The rows of {@code lab_specimen} a query selects, typed for {@link Specimen}.
 *
 * <p>Django's filter chain, which builds a query without I/O, and its async terminal methods,
 * which run it; all inherited. Made by {@link Specimens#objects}.
 */
@Generated("dev.asyncmodel.processor.AsyncModelProcessor")
public final class SpecimenQuerySet extends QuerySet<Specimen, SpecimenQuerySet> {
  SpecimenQuerySet(ModelMeta<Specimen> model, Database db) {
    super(model, db);
  }

  private SpecimenQuerySet(QuerySet.State<Specimen> state) {
    super(state);
  }

  @Override
  protected SpecimenQuerySet copy(QuerySet.State<Specimen> state) {
    return new SpecimenQuerySet(state);
  }
}
