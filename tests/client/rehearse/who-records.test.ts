import { describe, expect, it } from 'vitest';
import { parseRecorderConfig, recordingToken } from '../../../src/client/rehearse/who-records.js';

const config = { endpoint: '/_rehearse' };
const top = (search: string) => ({ search, framed: false, currentFrame: false });

describe('who records a rehearsal', () => {
  it('the presenter’s deck page with the token, not the audience, a receiver copy or the print view', () => {
    expect(recordingToken(top('?token=abc'), config)).toBe('abc');
    expect(recordingToken(top(''), config)).toBeUndefined();
    expect(recordingToken(top('?receiver&token=abc'), config)).toBeUndefined();
    expect(recordingToken(top('?print-pdf&token=abc'), config)).toBeUndefined();
  });

  it('in frames: only the presenter view’s current slide, with the presenter view’s token', () => {
    const current = {
      search: '?receiver&controls=false',
      framed: true,
      currentFrame: true,
      parentSearch: '?token=xyz',
      parentPath: '/presenter',
    };
    expect(recordingToken(current, config)).toBe('xyz');
    expect(recordingToken({ ...current, currentFrame: false }, config)).toBeUndefined();
    // The phone remote's current slide does not: a phone's clock is not the laptop's.
    expect(recordingToken({ ...current, parentPath: '/remote' }, config)).toBeUndefined();
    expect(recordingToken({ ...current, parentPath: undefined }, config)).toBeUndefined();
    expect(recordingToken({ ...current, parentSearch: '' }, config)).toBeUndefined();
    // frames: true lets any framed copy with a token record.
    expect(recordingToken({ search: '?token=t', framed: true, currentFrame: false }, { ...config, frames: true })).toBe('t');
  });

  it('reads its configuration, and nothing that is not one', () => {
    expect(parseRecorderConfig('{"endpoint":"/_rehearse"}')).toEqual({ endpoint: '/_rehearse', frames: false });
    expect(parseRecorderConfig('{"endpoint":"/r","frames":true}')).toEqual({ endpoint: '/r', frames: true });
    for (const bad of [null, '', 'nope', '[]', '{"endpoint":3}']) expect(parseRecorderConfig(bad)).toBeUndefined();
  });
});
