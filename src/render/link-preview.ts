/**
 * Link-preview tags (Open Graph) for a deck published at a `url`: title, description, and the title slide's
 * image, thumbnail.png, which `deck png` writes into the same output folder.
 */
import { escapeHtml } from '../content/markdown.js';
import type { Deck } from '../content/types.js';

/** The <meta> tags, or '' when the deck has no url. `hasThumbnail`: DIR/thumbnail.png exists. */
export function linkPreviewTags(deck: Deck, hasThumbnail: boolean): string {
  const c = deck.config;
  if (!c.url) return '';
  const base = c.url.endsWith('/') ? c.url : `${c.url}/`;
  const tags: [string, string | undefined][] = [
    ['og:type', 'website'],
    ['og:url', base],
    ['og:title', c.title],
    ['og:description', c.description],
    ['og:image', hasThumbnail ? new URL('thumbnail.png', base).href : undefined],
    ['og:image:width', hasThumbnail ? String(c.width) : undefined],
    ['og:image:height', hasThumbnail ? String(c.height) : undefined],
  ];
  const twitter = hasThumbnail ? '\n<meta name="twitter:card" content="summary_large_image">' : '';
  return (
    tags
      .filter((tag): tag is [string, string] => tag[1] !== undefined)
      .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}">`)
      .join('\n') + twitter
  );
}

/** The page with the tags put at the end of its <head>. */
export function withLinkPreview(html: string, tags: string): string {
  if (!tags) return html;
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}${tags}\n${html.slice(at)}`;
}
