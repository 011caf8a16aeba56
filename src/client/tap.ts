/**
 * Taps on the phone remote's buttons, read from pointer events instead of the browser's click: a phone (and
 * Chromium under load) may take a tap right after a swipe as the end of the swipe's fling, or a slow tap as a
 * long press, and then sends no click. A tap is a touch or pen pointer going down and up on the same button,
 * moving less than TAP_MAX_PX; the click that may follow it is not a second press. Mouse clicks and the keyboard
 * (Enter, Space on a focused button) still come as clicks. Tested in tests/serve/remote.browser.test.ts.
 */

/** How far (px) a finger may wobble on a button and still tap it (well under a swipe's SWIPE_MIN_PX). */
export const TAP_MAX_PX = 24;

/** A pointer's way from down to up, as the tap rule reads it. */
export interface PointerTrack {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** The pointer came up over the button it went down on. */
  readonly onButton: boolean;
}

export function isTap(track: PointerTrack): boolean {
  return track.onButton && Math.hypot(track.x1 - track.x0, track.y1 - track.y0) < TAP_MAX_PX;
}

/** Whether a click is one the pointer path has already answered (a touch or pen tap's own click). */
export function clickAfterTap(click: { pointerType?: string; detail: number }, tapped: boolean): boolean {
  if (click.pointerType === 'touch' || click.pointerType === 'pen') return true;
  if (click.pointerType === 'mouse' || click.detail === 0) return false; // a mouse, or the keyboard
  return tapped; // a browser whose click carries no pointer type: the click right after our tap
}

/** Call `handler` once per tap or click on `button`. */
export function onTap(button: HTMLElement, handler: () => void): void {
  let down: { id: number; x: number; y: number } | undefined;
  let tapped = false;
  button.addEventListener('pointerdown', (event) => {
    tapped = false;
    if (event.pointerType === 'mouse' || !event.isPrimary) return;
    down = { id: event.pointerId, x: event.clientX, y: event.clientY };
  });
  button.addEventListener('pointercancel', () => {
    down = undefined;
  });
  button.addEventListener('pointerup', (event) => {
    const start = down;
    down = undefined;
    if (!start || start.id !== event.pointerId || (button as HTMLButtonElement).disabled) return;
    const box = button.getBoundingClientRect();
    const onButton = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!isTap({ x0: start.x, y0: start.y, x1: event.clientX, y1: event.clientY, onButton })) return;
    tapped = true;
    handler();
  });
  button.addEventListener('click', (event) => {
    const answered = clickAfterTap({ pointerType: (event as PointerEvent).pointerType, detail: event.detail }, tapped);
    tapped = false;
    if (!answered) handler();
  });
}
