package dev.asyncmodel.internal;

import dev.asyncmodel.spi.RowReader;
import io.vertx.sqlclient.Row;

/** A {@link RowReader} over the rows of one Vert.x result, moved from row to row. */
public interface RowAdapter extends RowReader {
  /**
   * @param row the next row
   * @return this reader, now reading {@code row}
   */
  RowAdapter at(Row row);
}
