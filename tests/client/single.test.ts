import { describe, expect, it } from 'vitest';
import { clock, paceOf, plannedAt, planRows, SlideTimes } from '../../src/client/single/pace.js';
import { rowTimes } from '../../src/client/single/plan-list.js';
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

describe('the single file presenter: the plan list', () => {
  it('gives each slide its planned time and start, done slides the time spent', () => {
    const rows = planRows([10, 20, 30], ['One', 'Two'], new Map([[0, 14]]), 1);
    expect(rows).toEqual([
      { number: 1, title: 'One', planned: 10, plannedStart: 0, state: 'done', spent: 14 },
      { number: 2, title: 'Two', planned: 20, plannedStart: 10, state: 'current', spent: 0 },
      { number: 3, title: 'Slide 3', planned: 30, plannedStart: 30, state: 'upcoming', spent: 0 },
    ]);
    expect(rows.map(rowTimes)).toEqual(['0:14 of 0:10 at 0:00 (+0:04)', '0:00 of 0:20 at 0:10', '0:30 at 0:30']);
    expect(rowTimes({ ...rows[0]!, spent: 4 })).toBe('0:04 of 0:10 at 0:00 (−0:06)');
  });

  it('charges the time between changes to the slide shown, and adds up revisits', () => {
    const times = new SlideTimes();
    times.show(0, 1_000);
    times.show(1, 6_000);
    times.show(0, 9_000);
    expect(times.at(10_000)).toEqual(
      new Map([
        [0, 6],
        [1, 3],
      ]),
    );
    expect(times.at(12_000).get(0)).toBe(8);
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
