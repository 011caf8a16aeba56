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

export function exitCodeFor(code: ErrorCode | undefined): number {
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
