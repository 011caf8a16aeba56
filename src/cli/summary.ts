/** The table printed after a run over several decks: deck, slides, time, result. */

export interface SummaryRow {
  deck: string;
  slides?: number;
  ms: number;
  /** "ok", or the error in one line. */
  result: string;
}

const WIDEST_RESULT = 100;

export function formatSummary(rows: readonly SummaryRow[]): string {
  const cells = rows.map((row) => [
    row.deck,
    row.slides === undefined ? '–' : String(row.slides),
    `${(row.ms / 1000).toFixed(1)} s`,
    row.result.length > WIDEST_RESULT ? `${row.result.slice(0, WIDEST_RESULT - 1)}…` : row.result,
  ]);
  const header = ['deck', 'slides', 'time', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}
