import pc from 'picocolors';

export type LogLevel = 'quiet' | 'normal' | 'verbose';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
  success(message: string): void;
  /** Whether progress bars and colours are wanted (a TTY, not --quiet). */
  readonly interactive: boolean;
}

export interface LoggerOptions {
  level?: LogLevel;
  color?: boolean;
  interactive?: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/** A logger is made by the CLI and passed down; no module keeps one of its own. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'normal';
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const colors = pc.createColors(options.color ?? false);
  const write = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
  return {
    interactive: (options.interactive ?? false) && level !== 'quiet',
    info: (m) => level !== 'quiet' && write(out, m),
    success: (m) => level !== 'quiet' && write(out, colors.green(m)),
    debug: (m) => level === 'verbose' && write(err, colors.dim(m)),
    warn: (m) => write(err, colors.yellow(`warning: ${m}`)),
    error: (m) => write(err, colors.red(`error: ${m}`)),
  };
}

/** A logger that records everything, for tests and for callers that want to collect messages. */
export function createMemoryLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
  return {
    lines,
    interactive: false,
    info: push('info'),
    success: push('success'),
    debug: push('debug'),
    warn: push('warn'),
    error: push('error'),
  };
}
