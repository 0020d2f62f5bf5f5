import type { ReactNode } from 'react';

export interface DataTableRow {
  key: string;
  /** The first cell names the row: it is rendered as a row header (`<th scope="row">`). */
  cells: ReactNode[];
}

/** DSFR table with a caption, column headers and row headers (RGAA 5.x). */
export function DataTable({
  caption,
  headers,
  rows,
  captionHidden = false,
}: {
  caption: string;
  headers: string[];
  rows: DataTableRow[];
  captionHidden?: boolean;
}) {
  return (
    <div className={`fr-table${captionHidden ? ' fr-table--no-caption' : ''}`}>
      <div className="fr-table__wrapper">
        {/* Focusable so keyboard users can scroll a wide table sideways (WCAG 2.1.1). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: scrollable region must be reachable by keyboard */}
        <section className="fr-table__container" tabIndex={0} aria-label={caption}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th key={header} scope="col">
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key}>
                    {row.cells.map((cell, index) =>
                      index === 0 ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                        <th key={index} scope="row">
                          {cell}
                        </th>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns
                        <td key={index}>{cell}</td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
