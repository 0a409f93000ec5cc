import type { ReactNode } from 'react';

/** What {@link RecordTable} and {@link RecordList} draw, and what they say when there is nothing. */
interface Records<Row> {
  /** The records, in order; null while they are still being read (then nothing is drawn). */
  rows: readonly Row[] | null;
  /** Said as a muted line, instead of an empty table or list, when there are no records. */
  empty?: ReactNode;
  /** Draws one record: a `<tr>` for a table, an `<li>` for a list, each with its key. */
  children: (row: Row) => ReactNode;
}

function orEmpty<Row>(
  { rows, empty }: Pick<Records<Row>, 'rows' | 'empty'>,
  draw: (rows: readonly Row[]) => ReactNode,
): ReactNode {
  if (rows === null) return null;
  if (rows.length === 0 && empty !== undefined) return <p className="zy-muted">{empty}</p>;
  return draw(rows);
}

/**
 * A table of records on an extension page: one header row of column headings (`scope="col"`, so
 * screen readers name each cell's column; `caption` names the table), then a row per record.
 */
export function RecordTable<Row>({
  columns,
  caption,
  testId,
  ...records
}: Records<Row> & {
  columns: readonly ReactNode[];
  caption?: ReactNode;
  testId?: string;
}) {
  return orEmpty(records, (rows) => (
    <table data-testid={testId}>
      {caption === undefined ? null : <caption>{caption}</caption>}
      <thead>
        <tr>
          {columns.map((column, index) => (
            // The headings of a table are fixed: their place is their identity.
            <th key={index} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows.map(records.children)}</tbody>
    </table>
  ));
}

/** A list of records on an extension page (`.zy-list`: one line each, its actions at the end). */
export function RecordList<Row>({ testId, ...records }: Records<Row> & { testId?: string }) {
  return orEmpty(records, (rows) => (
    <ul className="zy-list" data-testid={testId}>
      {rows.map(records.children)}
    </ul>
  ));
}
