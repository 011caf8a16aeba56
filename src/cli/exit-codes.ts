import { ErrorCode } from '../core/errors.js';

/** Exit statuses, documented in the README. */
export const ExitCode = {
  Ok: 0,
  Unexpected: 1,
  BadInput: 2,
  BrowserNotFound: 3,
  ExportFailed: 4,
  ServerFailed: 5,
  Io: 6,
  Interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Thrown by a command that has already told the user what went wrong (e.g. `deck doctor` printed its ✗ lines)
 * and only wants the program to end with a given status. main.ts prints its message, if any, and exits.
 */
export class ExitError extends Error {
  readonly exitCode: number;

  constructor(exitCode: number, message = '') {
    super(message);
    this.name = 'ExitError';
    this.exitCode = exitCode;
  }
}

export function exitCodeFor(code: ErrorCode | undefined): ExitCode {
  switch (code) {
    case ErrorCode.BadInput:
    case ErrorCode.BadConfig:
    case ErrorCode.BadTemplate:
      return ExitCode.BadInput;
    case ErrorCode.BrowserNotFound:
      return ExitCode.BrowserNotFound;
    case ErrorCode.ExportFailed:
    case ErrorCode.Timeout:
      return ExitCode.ExportFailed;
    case ErrorCode.ServerFailed:
      return ExitCode.ServerFailed;
    case ErrorCode.Io:
      return ExitCode.Io;
    default:
      return ExitCode.Unexpected;
  }
}
