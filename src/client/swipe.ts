/** Swipe left/right on the phone remote: left = next, right = previous, as on a phone's photo viewer. */

/** How far (px) a finger must travel sideways, and how much more sideways than up or down, to count as a swipe. */
export const SWIPE_MIN_PX = 50;
const SWIPE_RATIO = 1.5;

/** The move a touch from (x0, y0) to (x1, y1) makes, or undefined for a tap, a scroll or a short drag. */
export function swipeMove(x0: number, y0: number, x1: number, y1: number): 'next' | 'prev' | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  if (Math.abs(dx) < SWIPE_MIN_PX || Math.abs(dx) < Math.abs(dy) * SWIPE_RATIO) return undefined;
  return dx < 0 ? 'next' : 'prev';
}

export function onSwipe(element: HTMLElement, handler: (move: 'next' | 'prev') => void): void {
  let start: { x: number; y: number } | undefined;
  element.addEventListener(
    'touchstart',
    (event) => {
      const touch = event.touches[0];
      start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : undefined;
    },
    { passive: true },
  );
  element.addEventListener('touchend', (event) => {
    const touch = event.changedTouches[0];
    if (!start || !touch) return;
    const move = swipeMove(start.x, start.y, touch.clientX, touch.clientY);
    start = undefined;
    if (move) handler(move);
  });
}
