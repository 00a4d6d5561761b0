package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.asyncmodel.Lookup.Op;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Offline;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conditions are a sealed tree of plain data that the engine reads and a person can print. */
@SuppressWarnings("unchecked") // assertInstanceOf gives raw types: each is checked at run time
class ConditionDataTest {
  @Test
  void aLookupHoldsItsFieldOpAndValues() {
    Lookup<Book> eq = assertInstanceOf(Lookup.class, Books.TITLE.eq("Dune"));
    assertSame(Books.TITLE, eq.field());
    assertEquals(Op.EQ, eq.op());
    assertEquals(List.of("Dune"), eq.values());

    Lookup<Book> range = assertInstanceOf(Lookup.class, Books.RATING.between(1.0, 4.5));
    assertEquals(Op.BETWEEN, range.op());
    assertEquals(List.of(1.0, 4.5), range.values());

    Lookup<Book> none = assertInstanceOf(Lookup.class, Books.RATING.isNull(true));
    assertEquals(Op.IS_NULL, none.op());
    assertEquals(List.of(), none.values());
  }

  @Test
  void junctionsFlattenTheSameConnectorAndKeepOthersNested() {
    Condition<Book> a = Books.TITLE.eq("a");
    Condition<Book> b = Books.TITLE.eq("b");
    Condition<Book> c = Books.TITLE.eq("c");
    Junction<Book> and = assertInstanceOf(Junction.class, a.and(b).and(c));
    assertEquals(Junction.Connector.AND, and.connector());
    assertEquals(List.of(a, b, c), and.parts());

    Junction<Book> mixed = assertInstanceOf(Junction.class, a.or(b.and(c)));
    assertEquals(Junction.Connector.OR, mixed.connector());
    assertEquals(2, mixed.parts().size());
    assertInstanceOf(Junction.class, mixed.parts().get(1));
  }

  @Test
  void aNegationHoldsItsConditionAndTwoCancel() {
    Condition<Book> a = Books.TITLE.eq("a");
    Negation<Book> not = assertInstanceOf(Negation.class, a.not());
    assertSame(a, not.condition());
    assertSame(a, a.not().not());
    assertInstanceOf(Negation.class, Books.TITLE.ne("a"));
  }

  @Test
  void conditionsPrintAsDjangoWritesThem() {
    assertEquals("title__exact=Dune", Books.TITLE.eq("Dune").toString());
    assertEquals("title__icontains=dun", Books.TITLE.icontains("dun").toString());
    assertEquals("title__startswith=D", Books.TITLE.startsWith("D").toString());
    assertEquals("rating__isnull=True", Books.RATING.eq((Double) null).toString());
    assertEquals("rating__isnull=False", Books.RATING.isNull(false).toString());
    assertEquals("rating__range=(1.0, 2.0)", Books.RATING.between(1.0, 2.0).toString());
    assertEquals("id__in=[1, 2]", Books.ID.in(List.of(1L, 2L)).toString());
    assertEquals(
        "(title__exact=a | ~rating__gt=4.0)",
        Books.TITLE.eq("a").or(Books.RATING.gt(4.0).not()).toString());
    assertEquals(
        "BookQuerySet[Book where title__iexact=x & ~(rating__lt=1.0 & rating__gt=2.0),"
            + " order [-rating], limit 5, offset 10]",
        Books.objects(Offline.DATABASE)
            .filter(Books.TITLE.iEq("x"))
            .exclude(Books.RATING.lt(1.0), Books.RATING.gt(2.0))
            .orderBy(Books.RATING.desc())
            .offset(10)
            .limit(5)
            .toString());
  }
}
