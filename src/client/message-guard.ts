/**
 * Messages from windows of other sites never reach the deck's scripts. reveal.js runs any window's postMessage
 * call (`{"method":"slide"}`: on the presenter's deck that moves the audience), and its notes plugin takes any
 * window that says "heartbeat" for its speaker view and sends it every slide's notes. Such a window is one the
 * deck opened, or one that opened the deck. The speaker view itself is of this origin, so it still talks to the
 * deck. Tested in tests/serve/attack-windows.browser.test.ts.
 */
export function acceptOwnOriginMessagesOnly(win: Window): void {
  // Added before reveal.js's own listeners (src/client/entries/guard.ts), so it runs first.
  win.addEventListener('message', (event) => {
    if (event.origin !== win.location.origin) event.stopImmediatePropagation();
  });
}
