/** The logger: what each level prints, where, and in colour only when asked. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, createMemoryLogger, type LogLevel } from '../../src/core/log.js';

function capture(level: LogLevel | undefined, options: { color?: boolean; interactive?: boolean } = {}) {
  const written = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    new Writable({
      write(chunk, _encoding, done) {
        written[key] += String(chunk);
        done();
      },
    });
  const logger = createLogger({ level, out: sink('out'), err: sink('err'), ...options });
  for (const method of ['info', 'success', 'debug', 'warn', 'error'] as const) logger[method](method);
  return { logger, written };
}

describe('createLogger', () => {
  it('prints info and success to stdout, warnings and errors to stderr, debug only when verbose', () => {
    expect(capture('normal').written).toEqual({ out: 'info\nsuccess\n', err: 'warning: warn\nerror: error\n' });
    expect(capture(undefined).written).toEqual({ out: 'info\nsuccess\n', err: 'warning: warn\nerror: error\n' });
    expect(capture('verbose').written).toEqual({ out: 'info\nsuccess\n', err: 'debug\nwarning: warn\nerror: error\n' });
  });

  it('keeps warnings and errors when quiet, and drops the rest', () => {
    expect(capture('quiet').written).toEqual({ out: '', err: 'warning: warn\nerror: error\n' });
  });

  it('colours only when asked', () => {
    expect(capture('verbose').written.err).not.toContain('\x1b[');
    const coloured = capture('verbose', { color: true }).written;
    expect(coloured.err).toContain('\x1b[31merror: error');
    expect(coloured.err).toContain('\x1b[33mwarning: warn');
    expect(coloured.err).toContain('\x1b[2mdebug');
    expect(coloured.out).toContain('\x1b[32msuccess');
    expect(coloured.out).toContain('info\n');
    expect(coloured.out).not.toContain('\x1b[32minfo');
  });

  it('is interactive (progress bars) only on a terminal and not when quiet', () => {
    expect(capture('normal', { interactive: true }).logger.interactive).toBe(true);
    expect(capture('verbose', { interactive: true }).logger.interactive).toBe(true);
    expect(capture('quiet', { interactive: true }).logger.interactive).toBe(false);
    expect(capture('normal').logger.interactive).toBe(false);
  });
});

describe('createMemoryLogger', () => {
  it('records every message with its level, in order', () => {
    const logger = createMemoryLogger();
    logger.warn('w');
    logger.info('i');
    logger.debug('d');
    logger.success('s');
    logger.error('e');
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'w' },
      { level: 'info', message: 'i' },
      { level: 'debug', message: 'd' },
      { level: 'success', message: 's' },
      { level: 'error', message: 'e' },
    ]);
    expect(logger.interactive).toBe(false);
  });
});
