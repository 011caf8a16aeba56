/** What a key does in the presenter view, the presenter's deck and the remote (clickers send these keys too). */

export type KeyAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'black'
  | 'white'
  | 'goto'
  | 'overview'
  | 'help'
  | 'clock'
  | 'smaller'
  | 'larger'
  | 'layout'
  | 'notesDown'
  | 'notesUp'
  | 'close';

/** The part of a KeyboardEvent the mapping reads. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

const KEYS: Readonly<Record<string, KeyAction>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  Enter: 'next',
  n: 'next',
  ArrowLeft: 'prev',
  ArrowUp: 'prev',
  PageUp: 'prev',
  Backspace: 'prev',
  p: 'prev',
  Home: 'first',
  End: 'last',
  b: 'black',
  '.': 'black',
  w: 'white',
  g: 'goto',
  o: 'overview',
  '?': 'help',
  t: 'clock',
  '-': 'smaller',
  '+': 'larger',
  '=': 'larger',
  l: 'layout',
  j: 'notesDown',
  k: 'notesUp',
  Escape: 'close',
};

/**
 * The action for a key, or undefined (then the page leaves the key alone). Every "forward" key goes to the next
 * step in the one order the preview shows (never reveal.js's "right", which skips a vertical stack).
 */
export function keyAction(press: KeyPress): KeyAction | undefined {
  if (press.altKey || press.ctrlKey || press.metaKey) return undefined;
  if (press.key === ' ' && press.shiftKey) return 'prev';
  return KEYS[press.key.length === 1 ? press.key.toLowerCase() : press.key] ?? KEYS[press.key];
}
