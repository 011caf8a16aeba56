/** Presenter-view settings remembered in this browser (localStorage), with their limits. */

export const NOTES_SIZE = { min: 14, max: 48, step: 2, initial: 22 } as const;
const SIZE_KEY = 'deck-serve:notes-size';
const LAYOUT_KEY = 'deck-serve:layout';

export type Layout = 'slides-first' | 'notes-first';

/** A notes size kept inside the limits, on the step grid. */
export function clampNotesSize(value: number): number {
  if (!Number.isFinite(value)) return NOTES_SIZE.initial;
  return Math.min(NOTES_SIZE.max, Math.max(NOTES_SIZE.min, Math.round(value / NOTES_SIZE.step) * NOTES_SIZE.step));
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // storage off (private mode): the setting lasts until the page closes
  }
}

export function loadNotesSize(): number {
  const saved = read(SIZE_KEY);
  return saved === null ? NOTES_SIZE.initial : clampNotesSize(Number(saved));
}

export function saveNotesSize(value: number): number {
  const size = clampNotesSize(value);
  write(SIZE_KEY, String(size));
  return size;
}

export function loadLayout(): Layout {
  return read(LAYOUT_KEY) === 'notes-first' ? 'notes-first' : 'slides-first';
}

export function saveLayout(layout: Layout): void {
  write(LAYOUT_KEY, layout);
}
