/**
 * Which page records a rehearsal: the presenter's own deck page, and the presenter view's current slide (the frame
 * with id "current" in /presenter). Copies shown inside pages (the next-step preview, the speaker view, the
 * overview, the phone remote's slides: a phone's clock is not the laptop's) and the print view do not; a page
 * without the presenter token records nothing.
 */

/** The presenter view's path (src/serve/http.ts serves it). */
export const PRESENTER_PATH = '/presenter';

export interface PagePlace {
  /** The page's query string. */
  readonly search: string;
  /** Shown inside a frame. */
  readonly framed: boolean;
  /** The presenter view's current-slide frame (the frame element's id is "current"). */
  readonly currentFrame: boolean;
  /** The query string and path of the page holding the frame, when they can be read. */
  readonly parentSearch?: string;
  readonly parentPath?: string;
  /** The token the presenter's deck moved from its address into this tab's storage (src/client/tab-token.ts). */
  readonly stored?: string;
}

export interface RecorderConfig {
  /** Where the routes are ("/_rehearse"). */
  readonly endpoint: string;
  /** Record in pages shown inside frames too (default: only top-level pages and the presenter's current frame). */
  readonly frames?: boolean;
}

/** The presenter token this page records with, or undefined when it does not record. */
export function recordingToken(place: PagePlace, config: RecorderConfig): string | undefined {
  const params = new URLSearchParams(place.search);
  if (params.has('print-pdf')) return undefined;
  const presenterFrame = place.currentFrame && place.parentPath === PRESENTER_PATH;
  if (place.framed ? !(presenterFrame || config.frames) : params.has('receiver')) return undefined;
  const token =
    params.get('token') ??
    (presenterFrame ? new URLSearchParams(place.parentSearch ?? '').get('token') : place.framed ? null : place.stored);
  return token || undefined;
}

/** The recorder's configuration from its JSON script element; undefined when it is missing or not valid. */
export function parseRecorderConfig(text: string | null | undefined): RecorderConfig | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    if (typeof value !== 'object' || value === null) return undefined;
    const { endpoint, frames } = value as { endpoint?: unknown; frames?: unknown };
    if (typeof endpoint !== 'string') return undefined;
    return { endpoint, frames: frames === true };
  } catch {
    return undefined;
  }
}
