/**
 * Typed errors. Every failure the user can cause or meet carries a stable code; only the CLI maps codes to
 * exit statuses (see src/cli/exit-codes.ts).
 */
export const ErrorCode = {
  /** Slides, front matter, Markdown, images: the deck's own sources are wrong. */
  BadInput: 'BAD_INPUT',
  /** deck.config.* or a flag has an unknown key or a wrong value. */
  BadConfig: 'BAD_CONFIG',
  /** A template, layout, partial or theme is missing or broken. */
  BadTemplate: 'BAD_TEMPLATE',
  /** No usable Chromium was found or it would not start. */
  BrowserNotFound: 'BROWSER_NOT_FOUND',
  /** The export ran but failed (crash, timeout, a failed export check). */
  ExportFailed: 'EXPORT_FAILED',
  /** An operation ran past its timeout. */
  Timeout: 'TIMEOUT',
  /** The server could not start (e.g. port in use). */
  ServerFailed: 'SERVER_FAILED',
  /** Reading or writing a file failed (permissions, disk). */
  Io: 'IO',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface DeckErrorOptions {
  /** The file the problem is in, as the user gave or sees it. */
  file?: string;
  /** 1-based line in that file, where known. */
  line?: number;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

export class DeckError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: DeckErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DeckError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
  }

  /** "file:line: message" as compilers print it, plus the hint on its own line. */
  format(): string {
    const where = this.file ? `${this.file}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${where}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

export function isDeckError(error: unknown): error is DeckError {
  return error instanceof DeckError;
}
