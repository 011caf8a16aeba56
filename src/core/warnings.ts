/** Warnings: things a build can go on with but the author should hear about, each with the file and line. */

export interface DeckWarning {
  readonly message: string;
  /** The file as the user sees it (relative to the deck), and the 1-based line, where known. */
  readonly file?: string;
  readonly line?: number;
}

/** "file:line: message", as errors are printed. */
export function formatWarning(warning: DeckWarning): string {
  const where = warning.file ? `${warning.file}${warning.line ? `:${warning.line}` : ''}: ` : '';
  return `${where}${warning.message}`;
}

/** "1 slide", "2 slides": a count with the word in the right number. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
