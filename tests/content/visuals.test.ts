/** A slide's named visual (`data-visual`) that nothing describes is a warning on the line that names it. */
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/deck.js';
import { useTempFolder } from '../helpers/temp-folder.js';

const { folder } = useTempFolder('visuals-content-');

const FLOW = 'type: flow\n    steps: [a, b]';

describe('unknown visuals', () => {
  it('are reported on the line of their data-visual, with the names the slide could use; known ones are not', async () => {
    const dir = folder('named', {
      'data.yaml': `visuals:\n  shared:\n    ${FLOW}\n`,
      '01.md': `---\nvisuals:\n  own:\n    ${FLOW}\n---\n# A\n\nText first\n<!-- .slide: data-layout="diagram" data-visual="own" -->\n\n---\n\n## B\n\n<!-- .slide: data-layout="diagram" data-visual="shared" -->\n\n---\n\n## C\n\nMore\n\n<!-- .slide: data-layout="diagram" data-visual="onw" -->\n`,
      '02.md': '# D\n<!-- .slide: data-layout="two-columns" data-visual="own" -->\n',
    });
    const deck = await loadDeck(dir);
    expect(deck.warnings).toEqual([
      {
        file: '01.md',
        line: 24,
        message:
          'data-visual="onw": no visual of that name under `visuals:` in the section\'s front matter or the deck\'s data (known here: own, shared); the slide shows none',
      },
      {
        file: '02.md',
        line: 2,
        message:
          'data-visual="own": no visual of that name under `visuals:` in the section\'s front matter or the deck\'s data (known here: shared); the slide shows none',
      },
    ]);
  });

  it('a deck with no visuals at all says so', async () => {
    const deck = await loadDeck(folder('none', { '01.md': '# A\n<!-- .slide: data-visual="omni" -->\n' }));
    expect(deck.warnings.map((warning) => warning.message)).toEqual([
      'data-visual="omni": no visual of that name under `visuals:` in the section\'s front matter or the deck\'s data (this section and the deck describe none); the slide shows none',
    ]);
  });
  it('a `visuals:` that is not a mapping describes none: its letters are not names', async () => {
    const deck = await loadDeck(
      folder('not-a-mapping', { 'data.yaml': 'visuals: flow\n', '01.md': '# A\n<!-- .slide: data-visual="0" -->\n' }),
    );
    expect(deck.warnings.map((warning) => warning.message)).toEqual([
      'data-visual="0": no visual of that name under `visuals:` in the section\'s front matter or the deck\'s data (this section and the deck describe none); the slide shows none',
    ]);
  });
});
