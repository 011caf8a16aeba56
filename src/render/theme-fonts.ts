import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * reveal.js themes load web fonts from Google Fonts with `@import`. The deck must work offline and a PDF export
 * blocks requests that leave the deck, so such imports are replaced by the same fonts from @fontsource packages,
 * copied beside the theme (woff2 only: every browser that runs reveal.js reads it, and it is listed first).
 */

const GOOGLE_IMPORT = /@import\s+(?:url\(\s*)?["']?(https?:\/\/fonts\.googleapis\.com\/css2?\?[^"')\s]+)["']?\s*\)?[^;]*;/g;

export interface LocalFonts {
  /** The theme's CSS with the served imports replaced by @font-face rules. */
  css: string;
  /** Font files to copy: [absolute source, path relative to the theme CSS]. */
  files: { source: string; target: string }[];
}

/** Family and variants from a Google Fonts URL: `family=Open+Sans:400italic,700|Lato:400`. */
function familiesOf(url: string): { family: string; weight: string; italic: boolean }[] {
  const query = new URL(url).searchParams.getAll('family');
  return query.flatMap((spec) =>
    spec.split('|').flatMap((entry) => {
      const [name, variants = '400'] = entry.split(':');
      const family = name!.replace(/\+/g, ' ').trim();
      return variants
        .replace(/^ital,wght@/, '')
        .split(/[,;]/)
        .map((variant) => ({ family, weight: /\d+/.exec(variant)?.[0] ?? '400', italic: /italic|^1,/.test(variant) }));
    }),
  );
}

function fontsourceDir(family: string): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve(`@fontsource/${family.toLowerCase().replace(/\s+/g, '-')}/package.json`));
  } catch {
    return undefined;
  }
}

/** Replace a theme's Google Fonts imports with local @font-face rules where a font package has the family. */
export function localizeThemeFonts(css: string, fontsDir = 'fonts'): LocalFonts | undefined {
  const imports = [...css.matchAll(GOOGLE_IMPORT)];
  if (imports.length === 0) return undefined;
  const files = new Map<string, string>();
  const faces: string[] = [];
  const kept: string[] = [];
  for (const match of imports) {
    const variants = familiesOf(match[1]!);
    const dirs = variants.map((variant) => fontsourceDir(variant.family));
    if (dirs.some((dir) => dir === undefined)) {
      kept.push(match[0]);
      continue;
    }
    variants.forEach((variant, i) => {
      const file = join(dirs[i]!, `${variant.weight}${variant.italic ? '-italic' : ''}.css`);
      if (!existsSync(file)) return; // the family has no such style: the browser synthesises it, as without the import
      const face = readFileSync(file, 'utf8').replace(/src:\s*([^;]+);/g, (_whole, sources: string) => {
        const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)/.exec(sources);
        if (!woff2) return `src: ${sources};`;
        files.set(woff2[1]!, join(dirs[i]!, 'files', woff2[1]!));
        return `src: url(${fontsDir}/${woff2[1]}) format('woff2');`;
      });
      faces.push(face.trim());
    });
  }
  let rest = css;
  for (const match of imports) rest = rest.replace(match[0], '');
  return {
    css: `${kept.join('\n')}${kept.length ? '\n' : ''}${faces.join('\n')}\n${rest}`,
    files: [...files].map(([name, source]) => ({ source, target: `${fontsDir}/${name}` })),
  };
}
