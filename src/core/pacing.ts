/**
 * reveal.js's pacing options for a whole deck (each slide's own time is its data-timing): made by the render
 * (src/render/render.ts), given to the presenter's pages by `deck serve` (src/serve/notes-route.ts).
 */
export interface DeckPacing {
  /** The whole talk, seconds; null when unset. */
  readonly totalTime: number | null;
  /** The time of a slide without a data-timing, seconds; null when unset. */
  readonly defaultTiming: number | null;
}
