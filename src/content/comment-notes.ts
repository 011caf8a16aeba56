/**
 * Speaker notes written as HTML comments, as Marp and Slidev read them: in Marp every comment that is not a
 * directive (`<!-- _class: lead -->`, `<!-- paginate: false -->`) is a note of its slide; in Slidev the comment
 * that ends the slide is its notes. In a reveal.js deck a comment is only a comment, so this applies to decks
 * written for those tools (src/content/deck.ts decides which) and to slides with no notes of their own.
 */
import { isDirectiveComment } from './marp-directives.js';
import { fencedRanges } from './split.js';

export type CommentNotesStyle = 'marp' | 'slidev';

const COMMENT = /<!--([\s\S]*?)-->/g;

/** A comment of reveal.js's (`.slide:`, `.element:`) or this tool's, or tooling (markdownlint, prettier). */
const TOOL_COMMENT = /^\s*(\.[\w-]+:|markdownlint|prettier-ignore|eslint|fit\b)/;

export interface CommentNotes {
  /** The notes, as Markdown ('' when none). */
  readonly notes: string;
  /** The slide's Markdown without the comments that were its notes: they must not reach the audience's page. */
  readonly body: string;
}

/** The slide's notes from its comments; `text` is the slide's Markdown. */
export function commentNotes(text: string, style: CommentNotesStyle): CommentNotes {
  const code = fencedRanges(text);
  const comments = [...text.matchAll(COMMENT)].filter(
    (match) =>
      !code.some(([start, end]) => match.index >= start && match.index < end) &&
      !TOOL_COMMENT.test(match[1]!) &&
      match[1]!.trim() !== '' &&
      !(style === 'marp' && isDirectiveComment(match[1]!)),
  );
  const last = comments[comments.length - 1];
  const taken = style === 'marp' ? comments : last && text.slice(last.index + last[0].length).trim() === '' ? [last] : [];
  let body = text;
  for (const match of [...taken].reverse()) body = body.slice(0, match.index) + body.slice(match.index + match[0].length);
  return { notes: taken.map((match) => match[1]!.trim()).join('\n\n'), body };
}
