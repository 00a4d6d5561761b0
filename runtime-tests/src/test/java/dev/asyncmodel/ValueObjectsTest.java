package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.Books;
import dev.asyncmodel.testmodels.Members;
import dev.asyncmodel.testmodels.Review;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link DeleteResult}, {@link Assignment} and the exceptions a query fails with. */
class ValueObjectsTest {
  // ---------------------------------------------------------------------------------------------
  // DeleteResult

  @Test
  void deleteResultKeepsTheOrderOfItsCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("Review", 3L);
    counts.put("Book", 2L);
    counts.put("Author", 1L);
    DeleteResult result = new DeleteResult(6, counts);
    assertEquals(List.of("Review", "Book", "Author"), List.copyOf(result.perModel().keySet()));
    assertEquals(6L, result.count());
  }

  @Test
  void deleteResultCannotBeModified() {
    DeleteResult result = new DeleteResult(1, Map.of("Author", 1L));
    assertThrows(UnsupportedOperationException.class, () -> result.perModel().put("Book", 1L));
    assertThrows(UnsupportedOperationException.class, () -> result.perModel().clear());
  }

  @Test
  void deleteResultDoesNotChangeWithTheMapItWasMadeFrom() {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("Author", 1L);
    DeleteResult result = new DeleteResult(1, counts);
    counts.put("Book", 5L);
    assertEquals(Map.of("Author", 1L), result.perModel());
  }

  // ---------------------------------------------------------------------------------------------
  // Assignment

  @Test
  void setNullOnANotNullFieldThrowsNamingTheField() {
    NullPointerException e = assertThrows(NullPointerException.class, () -> Books.TITLE.set(null));
    assertEquals(
        "title is NOT NULL: set(null) is allowed only on a @Nullable component", e.getMessage());
  }

  @Test
  void setNullOnANotNullForeignKeyThrows() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> Books.AUTHOR.set((Ref<Author>) null));
    assertTrue(e.getMessage().contains("author is NOT NULL"), e.getMessage());
  }

  @Test
  void setNullOnANullableFieldAssignsNull() {
    Assignment<?> rating = Books.RATING.set(null);
    assertSame(Books.RATING, rating.field());
    assertNull(rating.value());
    assertNull(Members.FAVORITE.set((Ref<Review>) null).value());
  }

  @Test
  void foreignKeySetToARecordHoldsARefToIt() {
    Author ann = new Author(4L, "Ann", null);
    assertEquals(Ref.<Author>ofId(4L), Books.AUTHOR.set(ann).value());
  }

  // ---------------------------------------------------------------------------------------------
  // Exceptions

  @Test
  void doesNotExistNamesTheModel() {
    DoesNotExistException e = new DoesNotExistException("Book");
    assertEquals("Book matching query does not exist.", e.getMessage());
    assertEquals("Book", e.model());
  }

  @Test
  void multipleObjectsReturnedNamesTheModelAndTheCount() {
    MultipleObjectsReturnedException e = new MultipleObjectsReturnedException("Book", 3, 20);
    assertEquals("get() returned more than one Book -- it returned 3!", e.getMessage());
    assertEquals("Book", e.model());
  }

  @Test
  void multipleObjectsReturnedPastTheLimitSaysMoreThanTheLimit() {
    MultipleObjectsReturnedException e = new MultipleObjectsReturnedException("Book", 21, 20);
    assertEquals("get() returned more than one Book -- it returned more than 20!", e.getMessage());
  }

  @Test
  void protectedExceptionNamesBothModelsAndTheForeignKey() {
    ProtectedException e = new ProtectedException("Book", "Loan", "book");
    assertTrue(e.getMessage().startsWith("Cannot delete some Book rows"), e.getMessage());
    assertTrue(e.getMessage().contains("Loan.book"), e.getMessage());
  }
}
