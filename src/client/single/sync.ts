/**
 * Keeping the deck window and its presenter window on the same slide with no server: both post reveal.js's state
 * on a BroadcastChannel named after the file, and apply what the other posts. Works from file://.
 */
import type { RevealApi, RevealState } from './reveal-api.js';

export type SyncMessage = { type: 'state'; state: RevealState } | { type: 'hello' };

/** One channel per deck file, so two decks open at once do not steer each other. */
export function channelName(path: string): string {
  return `deck-single:${path}`;
}

/** Whether a message is one of ours (anything else on the channel is ignored). */
export function isSyncMessage(data: unknown): data is SyncMessage {
  if (typeof data !== 'object' || data === null) return false;
  const message = data as { type?: unknown; state?: { indexh?: unknown } };
  if (message.type === 'hello') return true;
  return (
    message.type === 'state' && typeof message.state === 'object' && message.state !== null && typeof message.state.indexh === 'number'
  );
}

/** Post every slide and fragment change; apply the other window's without echoing it back. */
export function syncDeck(reveal: RevealApi, channel: BroadcastChannel): () => void {
  let applying = false;
  const send = () => {
    if (!applying) channel.postMessage({ type: 'state', state: reveal.getState() } satisfies SyncMessage);
  };
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(event, send);
  channel.onmessage = (event: MessageEvent) => {
    if (!isSyncMessage(event.data)) return;
    if (event.data.type === 'hello') {
      send();
      return;
    }
    applying = true;
    try {
      reveal.setState(event.data.state);
    } finally {
      applying = false;
    }
  };
  channel.postMessage({ type: 'hello' } satisfies SyncMessage);
  return send;
}
