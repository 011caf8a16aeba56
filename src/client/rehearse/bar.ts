/**
 * The recorder's bar: a recording indicator with the elapsed time, a status line and the Finish button. In the
 * presenter view's slide frame (which takes no clicks) it goes on the presenter view itself, replacing the bar of
 * an earlier load of the frame, in the bottom right corner (under the controls, not over the notes).
 */

export interface RecorderBar {
  readonly clock: HTMLElement;
  readonly finish: HTMLButtonElement;
  status(text: string): void;
  /** A link after the status (the saved report), opened in a new tab. */
  link(href: string, text: string): void;
  show(): void;
  remove(): void;
}

export function createBar(host: Document, corner: 'left' | 'right' = 'left'): RecorderBar {
  host.getElementById('deck-rehearse-bar')?.remove();
  const bar = host.createElement('div');
  bar.id = 'deck-rehearse-bar';
  bar.className = 'deck-rehearse-bar';
  bar.setAttribute('role', 'status');
  bar.style.cssText =
    `position:fixed;${corner}:12px;bottom:12px;max-width:calc(100% - 24px);z-index:2147483000;display:flex;gap:10px;align-items:center;` +
    'font:14px/1.2 system-ui,sans-serif;color:#fff;background:rgba(20,24,30,.78);padding:6px 10px;border-radius:8px';
  const clock = host.createElement('span');
  clock.className = 'deck-rehearse-clock';
  const note = host.createElement('span');
  note.className = 'deck-rehearse-status';
  const finish = host.createElement('button');
  finish.type = 'button';
  finish.className = 'deck-rehearse-finish';
  finish.textContent = 'Finish rehearsal';
  finish.style.cssText = 'font:inherit;padding:4px 10px;border-radius:6px;border:0;background:#d64545;color:#fff;cursor:pointer';
  bar.append(clock, note, finish);
  return {
    clock,
    finish,
    status: (text) => {
      note.textContent = text;
    },
    link: (href, text) => {
      const anchor = host.createElement('a');
      anchor.className = 'deck-rehearse-report';
      anchor.href = href;
      anchor.target = '_blank';
      anchor.rel = 'noopener';
      anchor.textContent = text;
      anchor.style.cssText = 'color:#9cd3ff;text-decoration:underline;white-space:nowrap';
      bar.append(anchor);
    },
    show: () => host.body.appendChild(bar),
    remove: () => bar.remove(),
  };
}
