/** The WebSocket protocol: only well-formed messages get through. */
import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../src/serve/protocol.js';

describe('parseClientMessage', () => {
  it('accepts the protocol and drops anything else', () => {
    expect(parseClientMessage('{"type":"navigate","h":1,"v":0,"f":-1}')).toEqual({ type: 'navigate', h: 1, v: 0, f: -1 });
    expect(parseClientMessage('{"type":"hello","role":"deck","token":"x"}')?.type).toBe('hello');
    for (const bad of [
      'not json',
      '{"type":"navigate","h":-1,"v":0,"f":0}',
      '{"type":"navigate","h":1.5,"v":0,"f":0}',
      '{"type":"navigate","h":"1","v":0,"f":0}',
      '{"type":"navigate","h":1,"v":0,"f":0,"extra":true}',
      '{"type":"hello","role":"admin"}',
      '{"type":"eval","code":"x"}',
      '[]',
      'null',
      undefined,
    ]) {
      expect(parseClientMessage(bad)).toBeUndefined();
    }
  });

  it('takes text frames only: a binary frame holding a valid message is dropped', () => {
    const navigate = '{"type":"navigate","h":1,"v":0,"f":-1}';
    expect(parseClientMessage(navigate)).toBeDefined();
    expect(parseClientMessage(Buffer.from(navigate))).toBeUndefined();
    expect(parseClientMessage(new TextEncoder().encode(navigate))).toBeUndefined();
  });
});
