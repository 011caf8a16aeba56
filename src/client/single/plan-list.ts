/** The timing plan as a list in the presenter window: every slide's planned time and start, and time spent. */
import { clock, type PlanRow } from './pace.js';

/** Over or under the plan by this many seconds shows as a difference; less is noise. */
const SHOWN_DIFFERENCE_S = 1;

function difference(row: PlanRow): string {
  const delta = Math.round(row.spent - row.planned);
  if (Math.abs(delta) < SHOWN_DIFFERENCE_S) return '';
  return delta > 0 ? ` (+${clock(delta)})` : ` (−${clock(-delta)})`;
}

/** What a row says after the title: the plan, and for slides shown, the time spent against it. */
export function rowTimes(row: PlanRow): string {
  const plan = `${clock(row.planned)} at ${clock(row.plannedStart)}`;
  return row.state === 'upcoming' ? plan : `${clock(row.spent)} of ${plan}${row.state === 'done' ? difference(row) : ''}`;
}

/** Fill `list` (an <ol>) with the rows, reusing its items; the current one is scrolled into view when it changes. */
export function renderPlanList(list: HTMLElement, rows: readonly PlanRow[]): void {
  while (list.children.length > rows.length) list.lastElementChild!.remove();
  rows.forEach((row, i) => {
    let item = list.children[i] as HTMLElement | undefined;
    if (!item) {
      item = document.createElement('li');
      item.append(document.createElement('span'), document.createElement('span'));
      (item.firstElementChild as HTMLElement).className = 'deck-plan-title';
      (item.lastElementChild as HTMLElement).className = 'deck-plan-times';
      list.appendChild(item);
    }
    const wasCurrent = item.getAttribute('data-state') === 'current';
    item.setAttribute('data-state', row.state);
    item.setAttribute('data-planned', String(row.planned));
    item.firstElementChild!.textContent = `${row.number}. ${row.title}`;
    item.lastElementChild!.textContent = rowTimes(row);
    if (row.state === 'current' && !wasCurrent) item.scrollIntoView({ block: 'nearest' });
  });
}
