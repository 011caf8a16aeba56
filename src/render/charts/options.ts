/** Options every chart takes. */
export interface ChartOptions {
  /** Unique id of the <svg> (its <title> is `<id>-title`). */
  id: string;
  /** Accessible title (the <title> element). */
  title: string;
  /** Deck language: number formats and words. */
  lang: string;
  /** Size in slide pixels; each chart has a default that fits a 1280×720 slide with a heading. */
  width?: number;
  height?: number;
}
