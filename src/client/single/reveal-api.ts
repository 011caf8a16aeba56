/** The part of reveal.js's API the single file's presenter mode uses (reveal.js is loaded as a plain script). */
export interface RevealState {
  indexh: number;
  indexv: number;
  indexf?: number;
  paused?: boolean;
  overview?: boolean;
}

export interface RevealApi {
  isReady(): boolean;
  on(event: string, listener: () => void): void;
  getState(): RevealState;
  setState(state: RevealState): void;
  getCurrentSlide(): HTMLElement | undefined;
  getSlides(): HTMLElement[];
  getIndices(slide?: HTMLElement): { h: number; v?: number; f?: number };
  getConfig(): { width: number; height: number; totalTime?: number };
  layout(): void;
  configure(options: Record<string, unknown>): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
}
