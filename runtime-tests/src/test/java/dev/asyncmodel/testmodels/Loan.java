package dev.asyncmodel.testmodels;

import dev.asyncmodel.AsyncModel;
import dev.asyncmodel.ForeignKey;
import dev.asyncmodel.Id;
import dev.asyncmodel.OnDelete;
import dev.asyncmodel.Ref;
import java.time.LocalDate;

/**
 * A test model whose foreign key PROTECTs books: the processor generates {@link Loans} and {@link
 * LoanQuerySet}.
 */
@AsyncModel
public record Loan(
    @Id Long id, @ForeignKey(onDelete = OnDelete.PROTECT) Ref<Book> book, LocalDate due) {}
