/** The part of reveal.js's API the served pages use, found on a page's (or a frame's) window once it is ready. */

export interface RevealIndices {
  h?: number;
  v?: number;
  f?: number;
}

export interface RevealLike {
  isReady(): boolean;
  on(event: string, listener: (event: Event) => void): void;
  off(event: string, listener: (event: Event) => void): void;
  getIndices(slide?: Element): RevealIndices;
  slide(h: number, v?: number, f?: number): void;
  next(): void;
  prev(): void;
  getSlides(): HTMLElement[];
  getSlidesElement(): HTMLElement | null;
  getCurrentSlide(): HTMLElement | undefined;
  getTotalSlides(): number;
  getConfig(): { showHiddenSlides?: boolean };
  configure(options: Record<string, unknown>): void;
  sync(): void;
  isLastSlide(): boolean;
  isOverview(): boolean;
  availableFragments(): { prev: boolean; next: boolean };
  /** reveal.js's own blackout (B, . or V). */
  isPaused(): boolean;
  togglePause(override?: boolean): void;
}

/** A position in the deck: reveal.js indices, f = -1 when no fragment is shown. */
export interface Position {
  readonly h: number;
  readonly v: number;
  readonly f: number;
}

/** The ready reveal.js of a window, or null (not loaded yet, or not a deck). */
export function revealIn(win: Window | null | undefined): RevealLike | null {
  const reveal = (win as (Window & { Reveal?: RevealLike }) | null | undefined)?.Reveal;
  return reveal && typeof reveal.isReady === 'function' && reveal.isReady() ? reveal : null;
}

/** The window's reveal.js, ready or not. */
export function revealOf(win: Window): RevealLike | undefined {
  const reveal = (win as Window & { Reveal?: RevealLike }).Reveal;
  return reveal && typeof reveal.on === 'function' ? reveal : undefined;
}

export function positionOf(reveal: RevealLike, slide?: Element): Position {
  const at = reveal.getIndices(slide);
  return { h: at.h ?? 0, v: at.v ?? 0, f: typeof at.f === 'number' ? at.f : -1 };
}

export function samePosition(a: Position | null | undefined, b: Position | null | undefined): boolean {
  return !!a && !!b && a.h === b.h && a.v === b.v && a.f === b.f;
}

/**
 * Make every vertical stack open at its top again. reveal.js resumes a stack at the slide it was left on
 * (data-previous-indexv), so → from the slide before a stack, after a jump away from its second slide, went to the
 * second slide, skipping the first: not the one order (fragments, vertical slides, then the next slide) that Next
 * shows. A stack's own data-start-indexv still wins.
 */
export function enterStacksAtTop(reveal: RevealLike): void {
  for (const stack of reveal.getSlidesElement()?.querySelectorAll('section.stack[data-previous-indexv]') ?? []) {
    stack.removeAttribute('data-previous-indexv');
  }
}

/** Run `then` once reveal.js is ready. */
export function whenReady(reveal: RevealLike | undefined, then: () => void): void {
  if (!reveal) return;
  if (reveal.isReady()) then();
  else {
    const once = () => {
      reveal.off('ready', once);
      then();
    };
    reveal.on('ready', once);
  }
}
