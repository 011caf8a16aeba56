/** The WebSocket connection every served page uses: says hello with its role, reconnects by itself, keeps the server's clock. */
import type { ClientMessage, ClientRole, ServerMessage } from '../serve/protocol.js';

export interface SocketOptions {
  readonly role: ClientRole;
  readonly token?: string;
  readonly onMessage: (message: ServerMessage) => void;
  /** Called on every open (true) and close (false). */
  readonly onStatus?: (connected: boolean) => void;
}

export interface DeckSocket {
  send(message: ClientMessage): void;
  /** The server's clock, epoch ms, from the offset of the last message that carried `now`. */
  serverNow(): number;
  close(): void;
}

/**
 * Reconnect backoff: start fast (a dev server restarts in well under a second), never wait longer than a second:
 * in front of a room every second back counts, and a refused connection to a stopped server costs nothing (with
 * 5 s, a restart took up to 5 s more to be seen; scripts/bench/serve.bench.mjs measures it).
 */
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 1000;

/** The socket's URL for a page at `location`: same host, ws or wss to match http or https. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/_deck/ws`;
}

/** Parse a frame from the server; undefined when it is not a message object. */
export function parseServerMessage(data: unknown): ServerMessage | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const message: unknown = JSON.parse(data);
    if (typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string') {
      return message as ServerMessage;
    }
  } catch {
    // not JSON: ignored, like any frame this page does not understand
  }
  return undefined;
}

export function connect(options: SocketOptions): DeckSocket {
  let ws: WebSocket | null = null;
  let closed = false;
  let delay = FIRST_RETRY_MS;
  let offset = 0; // local clock minus the server's

  const open = (): void => {
    ws = new WebSocket(socketUrl(location));
    ws.onopen = () => {
      delay = FIRST_RETRY_MS;
      const hello: ClientMessage = options.token
        ? { type: 'hello', role: options.role, token: options.token }
        : { type: 'hello', role: options.role };
      ws?.send(JSON.stringify(hello));
      options.onStatus?.(true);
    };
    ws.onmessage = (event: MessageEvent) => {
      const message = parseServerMessage(event.data);
      if (message === undefined) return;
      if ('now' in message && typeof message.now === 'number') offset = Date.now() - message.now;
      options.onMessage(message);
    };
    ws.onclose = () => {
      options.onStatus?.(false);
      if (closed) return;
      setTimeout(open, delay);
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    };
  };

  open();
  return {
    send: (message) => {
      if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(message));
    },
    serverNow: () => Date.now() - offset,
    close: () => {
      closed = true;
      ws?.close();
    },
  };
}
