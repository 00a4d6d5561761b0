package dev.asyncmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.asyncmodel.testmodels.Author;
import dev.asyncmodel.testmodels.Book;
import dev.asyncmodel.testmodels.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link Ref}: a reference to a row, by id or by record. */
class RefTest {
  /** A record that is not a model. */
  record Point(int x, int y) {}

  private static Author author(Long id) {
    return new Author(id, "Ann", null);
  }

  @Test
  void refsToTheSameIdAreEqualWithEqualHashCodes() {
    assertEquals(Ref.<Author>ofId(3L), Ref.<Author>ofId(3L));
    assertEquals(Ref.<Author>ofId(3L).hashCode(), Ref.<Author>ofId(3L).hashCode());
    assertNotEquals(Ref.<Author>ofId(3L), Ref.<Author>ofId(4L));
  }

  @Test
  void refOfASavedRecordEqualsRefOfItsId() {
    Ref<Author> byRecord = Ref.of(author(3L));
    Ref<Author> byId = Ref.ofId(3L);
    assertEquals(byRecord, byId);
    assertEquals(byId, byRecord);
    assertEquals(byId.hashCode(), byRecord.hashCode());
  }

  @Test
  void refsOfRecordsOfDifferentModelsWithTheSameIdAreNotEqual() {
    Book book = new Book(3L, Ref.ofId(1L), null, "Dune", BigDecimal.ONE, Instant.EPOCH);
    assertNotEquals(Ref.<Record>of(author(3L)), Ref.<Record>of(book));
  }

  @Test
  void refOfARecordReadsTheIdThroughItsModel() {
    assertEquals(3L, Ref.of(author(3L)).id());
  }

  @Test
  void refOfARecordFindsItsModelThroughTheIndexTheProcessorWrites() {
    // Nothing else touches Tags: Ref.id() loads it through META-INF/asyncmodel/models.
    assertEquals(11L, Ref.of(new Tag(11L, "sci-fi")).id());
  }

  @Test
  void refOfIdHasThatIdAndNoRecord() {
    Ref<Author> ref = Ref.ofId(5L);
    assertEquals(5L, ref.id());
    assertEquals(Optional.empty(), ref.model());
  }

  @Test
  void refOfARecordKeepsTheRecord() {
    Author ann = author(5L);
    assertEquals(Optional.of(ann), Ref.of(ann).model());
  }

  @Test
  void idOfARefToAnUnsavedRecordFailsNamingTheModel() {
    Ref<Author> ref = Ref.of(author(null));
    IllegalStateException e = assertThrows(IllegalStateException.class, ref::id);
    assertTrue(e.getMessage().contains("Author"), e.getMessage());
  }

  @Test
  void unsavedRefIsNotEqualToARefById() {
    assertNotEquals(Ref.of(author(null)), Ref.<Author>ofId(1L));
  }

  @Test
  void idOfARefToARecordThatIsNotAModelFailsNamingTheClass() {
    Ref<Point> ref = Ref.of(new Point(1, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ref::id);
    assertTrue(e.getMessage().contains(Point.class.getName()), e.getMessage());
  }

  @Test
  void refOfNullIsRejected() {
    assertThrows(NullPointerException.class, () -> Ref.of(nullAuthor()));
  }

  private static Author nullAuthor() {
    return null;
  }
}
