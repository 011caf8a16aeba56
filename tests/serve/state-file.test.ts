import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/log.js';
import { createStateWriter, loadServeState, stateFileFor } from '../../src/serve/state-file.js';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'deck-state-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const talk = {
  slide: { h: 3, v: 1, f: 0, at: 1_700_000_000_000, clockAt: 42_000 },
  clock: { startedAt: 1_699_999_000_000, pausedAt: null, pausedMs: 0 },
  screen: 'black' as const,
};

describe('the serve state file', () => {
  it('is one per deck under XDG_STATE_HOME (else ~/.local/state)', () => {
    const a = stateFileFor('/talks/a', { XDG_STATE_HOME: '/state' }, '/home/u');
    expect(a).toMatch(/^\/state\/gpt-deck\/serve-a-[0-9a-f]{16}\.json$/);
    expect(stateFileFor('/talks/b', {}, '/home/u')).toMatch(/^\/home\/u\/\.local\/state\/gpt-deck\/serve-b-/);
    expect(stateFileFor('/other/a', { XDG_STATE_HOME: '/state' }, '/home/u')).not.toBe(a);
  });

  it('saves the token, port and talk readable by the user only, and loads them for the same deck only', async () => {
    const dir = temp();
    const file = join(dir, 'state', 'serve.json');
    const writer = createStateWriter(file, createMemoryLogger());
    writer.save({ deck: '/talks/a', token: 'first-token-123', port: 4000, talk });
    writer.save({ deck: '/talks/a', token: 'saved-token-123', port: 4001, talk });
    await writer.flush();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'state')).mode & 0o777).toBe(0o700);
    const logger = createMemoryLogger();
    expect(await loadServeState(file, '/talks/a', logger)).toEqual({ deck: '/talks/a', token: 'saved-token-123', port: 4001, talk });
    expect(await loadServeState(file, '/talks/b', logger)).toBeUndefined();
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('ignores a missing file silently and a broken one with a warning', async () => {
    const dir = temp();
    const logger = createMemoryLogger();
    expect(await loadServeState(join(dir, 'none.json'), '/talks/a', logger)).toBeUndefined();
    writeFileSync(join(dir, 'bad.json'), '{"version":1,"token":"x"}');
    expect(await loadServeState(join(dir, 'bad.json'), '/talks/a', logger)).toBeUndefined();
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('bad.json'))).toBe(true);
  });
});
