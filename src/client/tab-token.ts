/**
 * The presenter token of the presenter's own deck (/?token=…), kept off the address bar. That page is the one on
 * the projector, or shared in a video call, where the room could read `?token=…` in the address bar and drive the
 * talk. The token moves to this tab's sessionStorage, where a reload, a live reload and the reconnection after a
 * restart still find it, and the address loses it (history.replaceState; reveal.js's #/slide stays).
 */

/** sessionStorage key of the token (read by the rehearsal recorder too: src/client/rehearse/who-records.ts). */
export const TOKEN_KEY = 'deck-serve:token';

export interface TokenWindow {
  readonly location: { readonly href: string };
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The token this tab was given, now or before; '' when none. */
export function takeToken(win: TokenWindow): string {
  const url = new URL(win.location.href);
  const given = url.searchParams.get('token');
  if (given === null) return storedToken(() => win.sessionStorage) ?? '';
  try {
    win.sessionStorage.setItem(TOKEN_KEY, given);
  } catch {
    return given; // no storage (a private window's policy): the address keeps it, or a reload would lose it
  }
  url.searchParams.delete('token');
  win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return given;
}

/** The token stored by takeToken in this tab, if any (reading `sessionStorage` itself throws where storage is denied). */
export function storedToken(storage: () => Pick<Storage, 'getItem'>): string | undefined {
  try {
    return storage().getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
