/** DeckError: the code, file, line and hint every user-facing failure carries, and how the CLI prints it. */
import { describe, expect, it } from 'vitest';
import { DeckError, ErrorCode, isDeckError } from '../../src/core/errors.js';

describe('DeckError', () => {
  it('prints "file:line: message" with the hint on its own line', () => {
    const error = new DeckError(ErrorCode.BadInput, 'front matter is not valid YAML', { file: 'slides/03.md', line: 4, hint: 'quote it' });
    expect(error.format()).toBe('slides/03.md:4: front matter is not valid YAML\n  hint: quote it');
    expect(error.message).toBe('front matter is not valid YAML');
    expect([error.code, error.file, error.line, error.hint]).toEqual(['BAD_INPUT', 'slides/03.md', 4, 'quote it']);
    expect(error.name).toBe('DeckError');
  });

  it('leaves out what it does not know', () => {
    expect(new DeckError(ErrorCode.Io, 'cannot write', { file: 'dist' }).format()).toBe('dist: cannot write');
    expect(new DeckError(ErrorCode.Timeout, 'timed out').format()).toBe('timed out');
    expect(new DeckError(ErrorCode.Timeout, 'timed out', { line: 3 }).format()).toBe('timed out');
  });

  it('keeps the cause only when there is one', () => {
    const cause = new Error('EACCES');
    expect(new DeckError(ErrorCode.Io, 'x', { cause }).cause).toBe(cause);
    expect('cause' in new DeckError(ErrorCode.Io, 'x')).toBe(false);
  });

  it('is told apart from other errors', () => {
    expect(isDeckError(new DeckError(ErrorCode.BadConfig, 'x'))).toBe(true);
    expect(isDeckError(new Error('x'))).toBe(false);
    expect(isDeckError({ code: ErrorCode.BadConfig, message: 'x' })).toBe(false);
    expect(isDeckError(undefined)).toBe(false);
  });

  it('has one distinct, stable code per kind of failure', () => {
    expect(ErrorCode).toEqual({
      BadInput: 'BAD_INPUT',
      BadConfig: 'BAD_CONFIG',
      BadTemplate: 'BAD_TEMPLATE',
      BrowserNotFound: 'BROWSER_NOT_FOUND',
      ExportFailed: 'EXPORT_FAILED',
      Timeout: 'TIMEOUT',
      ServerFailed: 'SERVER_FAILED',
      Io: 'IO',
    });
  });
});
