/** Types for subset-font 2.x (the package ships none): harfbuzz subsetting, output as TrueType/WOFF/WOFF2. */
declare module 'subset-font' {
  interface SubsetOptions {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
  }
  export default function subsetFont(font: Uint8Array | Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
