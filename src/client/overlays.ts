/**
 * What a deck page may lay over the slides: the presenter's black or white screen (every page that follows), a
 * "connection lost" badge, and, on the presenter's own deck only, the build error (in its speaker view while that
 * is open: src/client/entries/client.ts). Audience pages never show errors: the server does not even tell them
 * (src/serve/hub.ts).
 */
import type { BuildErrorInfo, ScreenMode } from '../serve/protocol.js';

const TOP = '2147483600';

function element(id: string, css: string, doc: Document = document): HTMLElement {
  let box = doc.getElementById(id);
  if (!box) {
    box = doc.createElement('div');
    box.id = id;
    box.style.cssText = css;
    doc.body.appendChild(box);
  }
  return box;
}

/** Cover the slides in black or white ('slides' takes the cover away). */
export function showScreen(mode: ScreenMode): void {
  const existing = document.getElementById('deck-serve-screen');
  if (mode === 'slides') {
    existing?.remove();
    return;
  }
  const cover = element('deck-serve-screen', `position:fixed;inset:0;z-index:${TOP};cursor:none`);
  cover.dataset.mode = mode;
  cover.style.background = mode === 'black' ? '#000' : '#fff';
}

/** A small badge while the page cannot reach the server (it keeps the slide it has, and catches up on reconnect). */
export function showOffline(offline: boolean, text: string): void {
  const existing = document.getElementById('deck-serve-offline');
  if (!offline) {
    existing?.remove();
    return;
  }
  const badge = element(
    'deck-serve-offline',
    `position:fixed;right:12px;bottom:12px;z-index:${TOP + 1};font:14px/1.3 system-ui,sans-serif;color:#fff;` +
      'background:rgba(150,40,40,.85);padding:6px 12px;border-radius:8px;pointer-events:none',
  );
  badge.setAttribute('role', 'status');
  badge.textContent = text;
}

/** The build error over the presenter's deck, or in `doc` (its speaker view); null removes it. */
export function showBuildError(error: BuildErrorInfo | null, doc: Document = document): void {
  const existing = doc.getElementById('deck-serve-error');
  if (!error) {
    existing?.remove();
    return;
  }
  const box = element(
    'deck-serve-error',
    `position:fixed;left:0;right:0;bottom:0;z-index:${TOP + 2};max-height:50vh;overflow:auto;background:#2a0e0e;` +
      'color:#fbe9e9;border-top:4px solid #e5484d;padding:14px 20px;white-space:pre-wrap;text-align:left;' +
      'font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK TC",monospace',
    doc,
  );
  box.setAttribute('role', 'alert');
  box.textContent = '';
  const title = doc.createElement('strong');
  title.textContent = 'Build failed: you and the audience still see the last good deck (only you see this)';
  title.style.cssText = 'display:block;color:#ff8b8b;margin-bottom:6px';
  box.append(title);
  if (error.file) {
    const where = doc.createElement('div');
    where.className = 'deck-serve-error-where';
    where.textContent = error.file + (error.line ? `:${error.line}` : '');
    where.style.color = '#ffd08a';
    box.append(where);
  }
  const message = doc.createElement('div');
  message.className = 'deck-serve-error-message';
  message.textContent = error.message;
  box.append(message);
  if (error.hint) {
    const hint = doc.createElement('div');
    hint.textContent = `hint: ${error.hint}`;
    hint.style.opacity = '.8';
    box.append(hint);
  }
}
