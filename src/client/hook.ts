/** The one window global: what tests (and curious users in the console) can read about a served page. */
import type { Driver } from './driver.js';

export interface DeckServeHook {
  /** 'present' or 'rehearse' (from the script tag). */
  mode: string;
  receiver: boolean;
  presenter: boolean;
  connected: boolean;
  build: number;
  /** Times the slides or a stylesheet were swapped in place. */
  updates: number;
  /** The presenter view's and the remote's driver. */
  driver?: Driver;
}

declare global {
  interface Window {
    deckServe?: DeckServeHook;
  }
}

export function publishHook(hook: DeckServeHook): DeckServeHook {
  window.deckServe = hook;
  return hook;
}
