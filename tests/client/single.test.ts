import { describe, expect, it } from 'vitest';
import { clock, paceOf, plannedAt } from '../../src/client/single/pace.js';
import { channelName, isSyncMessage } from '../../src/client/single/sync.js';

describe('the single file presenter: timing plan', () => {
  it('is ahead before the slide’s planned start, behind after its planned end, on time between', () => {
    expect(paceOf(30, 60, 20)).toEqual({ kind: 'ahead', seconds: 30 });
    expect(paceOf(70, 60, 20)).toEqual({ kind: 'on-time' });
    expect(paceOf(95, 60, 20)).toEqual({ kind: 'behind', seconds: 15 });
  });

  it('sums the plan before a slide and in all', () => {
    expect(plannedAt([10, 20, 30], 2)).toEqual({ before: 30, current: 30, total: 60 });
    expect(plannedAt([10, 20, 30], 0)).toEqual({ before: 0, current: 10, total: 60 });
  });

  it('prints m:ss, and h:mm:ss past an hour', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75.9)).toBe('1:15');
    expect(clock(3725)).toBe('1:02:05');
  });
});

describe('the single file presenter: sync messages', () => {
  it('accepts its own messages and ignores anything else on the channel', () => {
    expect(isSyncMessage({ type: 'hello' })).toBe(true);
    expect(isSyncMessage({ type: 'state', state: { indexh: 2, indexv: 0 } })).toBe(true);
    expect(isSyncMessage({ type: 'state', state: { indexh: '2' } })).toBe(false);
    expect(isSyncMessage({ type: 'state' })).toBe(false);
    expect(isSyncMessage('state')).toBe(false);
    expect(isSyncMessage(null)).toBe(false);
  });

  it('names one channel per file', () => {
    expect(channelName('/a/index.html')).not.toBe(channelName('/b/index.html'));
  });
});
