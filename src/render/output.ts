/** A file of the built deck: either text made by the build, or a file copied from disk. */
export type OutputFile =
  | { readonly target: string; readonly content: string | Uint8Array }
  | { readonly target: string; readonly source: string };

export interface RenderedDeck {
  /** index.html. */
  readonly html: string;
  /** Everything else index.html needs, paths relative to the output folder. */
  readonly files: readonly OutputFile[];
}
