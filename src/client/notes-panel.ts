/** The notes panel of the presenter view and the remote: sanitised notes, the current step's part highlighted and scrolled to. */
import { highlightStep, markSteps, sanitizeNotes } from './notes-view.js';

export interface NotesPanel {
  show(html: string, shownFragments: number, stepCount: number): void;
}

export function createNotesPanel(box: HTMLElement, empty: string): NotesPanel {
  let lastHtml: string | undefined;
  let steps = 0;
  let lastStep = -1;
  return {
    show(html, shown, stepCount) {
      if (html !== lastHtml) {
        lastHtml = html;
        lastStep = -1;
        box.innerHTML = html ? sanitizeNotes(html) : '';
        if (!html) {
          const p = document.createElement('p');
          p.className = 'empty';
          p.textContent = empty;
          box.append(p);
        }
        steps = markSteps(box);
        box.scrollTop = 0;
      }
      if (shown === lastStep) return;
      lastStep = shown;
      const now = highlightStep(box, shown, steps > 0 && stepCount > 1);
      if (now && shown > 0) now.scrollIntoView({ block: 'nearest' });
    },
  };
}
