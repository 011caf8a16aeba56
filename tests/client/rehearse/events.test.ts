import { describe, expect, it } from 'vitest';
import { eventOf, newSession, recClock, retryDelayMs } from '../../../src/client/rehearse/events.js';
import { clientEventSchema } from '../../../src/rehearse/model.js';

describe('recorder events', () => {
  it('are what the rehearsal server accepts: indices, fragment -1 for none, the section id or slide-N', () => {
    const event = eventOf('slide', { indices: { h: 2, v: 1, f: 0 }, id: 'slide-3-2' }, 1_750_000_000_000.25, 'abc123', 4);
    expect(clientEventSchema.parse(event)).toEqual({
      type: 'slide',
      t: 1_750_000_000_000.25,
      h: 2,
      v: 1,
      f: 0,
      id: 'slide-3-2',
      session: 'abc123',
      seq: 4,
    });
    expect(eventOf('ready', { indices: {} }, 1_750_000_000_000, 's', 0)).toMatchObject({ h: 0, v: 0, f: -1, id: 'slide-1' });
    expect(eventOf('fragment', { indices: { h: 4 }, id: '' }, 1_750_000_000_000, 's', 1).id).toBe('slide-5');
  });

  it('page sessions are short random ids', () => {
    expect(newSession(() => 0.123456789)).toMatch(/^[0-9a-z]{4,10}$/);
    expect(newSession(() => 0.5)).not.toBe(newSession(() => 0.25));
  });

  it('retries back off up to 5 s, and the bar’s clock reads minutes and seconds', () => {
    expect([1, 2, 4, 100].map(retryDelayMs)).toEqual([250, 500, 1000, 5000]);
    expect([recClock(0), recClock(65_400), recClock(4_500_000)]).toEqual(['\u25CF REC 00:00', '\u25CF REC 01:05', '\u25CF REC 75:00']);
  });
});
