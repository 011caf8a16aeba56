/** The presenter view (/presenter): current and next step, notes, the talk clock, the room controls, dialogs. */
import { elapsedMs, formatClock, pacing } from './clock.js';
import type { FinishAnswer } from '../rehearse/model.js';
import type { Driver, DriverView } from './driver.js';
import { keyAction, type KeyAction } from './keys.js';
import { createNotesPanel } from './notes-panel.js';
import { createOverview } from './overview.js';
import { parseSlideNumber, positionLabel } from './order.js';
import { reportHref } from './rehearse/events.js';
import { loadLayout, loadNotesSize, NOTES_SIZE, saveLayout, saveNotesSize } from './settings.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** After "Finish rehearsal": where it was saved, the summary, and a link to the report the server serves. */
function showFinished(box: HTMLElement, rehearsal: Partial<FinishAnswer>, token: string): void {
  // The summary names the saved file ("… saved as rehearsals/…json").
  box.textContent = `Rehearsal saved: ${rehearsal.summary ?? rehearsal.file ?? ''}. `;
  if (!rehearsal.report) {
    box.append('The report is in the terminal.');
    return;
  }
  const link = document.createElement('a');
  link.id = 'rehearsal-report';
  link.href = reportHref(rehearsal.report, token);
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Open the report';
  if (rehearsal.reportFile) link.title = rehearsal.reportFile;
  box.append(link);
}

export function mountPresenterView(createDriver: (onUpdate: (view: DriverView) => void) => Driver): Driver {
  const notes = createNotesPanel($('notes'), 'No notes for this slide.');
  let notesSize = loadNotesSize();
  const applySize = () => document.documentElement.style.setProperty('--notes-size', `${notesSize}px`);
  applySize();
  const main = $('main');
  main.classList.toggle('notes-first', loadLayout() === 'notes-first');

  /** After "Finish rehearsal" the server stops: say the rehearsal is saved, not that the connection is lost. */
  let rehearsal: Partial<FinishAnswer> | undefined;
  window.addEventListener('deck:rehearsal-finished', (event) => {
    rehearsal = (event as CustomEvent<Partial<FinishAnswer>>).detail ?? {};
    render(driver.view);
  });

  const render = (view: DriverView) => {
    document.title = view.deckTitle ? `Presenter · ${view.deckTitle}` : 'Presenter · deck serve';
    $('title').textContent = view.deckTitle;
    const status = $('status');
    status.textContent = !view.connected
      ? 'offline'
      : view.presenter
        ? 'presenting: the audience follows'
        : 'wrong or missing token: you can only watch';
    status.className = `status ${view.connected && view.presenter ? 'ok' : 'bad'}`;
    const offline = $('offline');
    offline.hidden = view.connected && !rehearsal;
    offline.classList.toggle('done', !!rehearsal);
    if (rehearsal) {
      status.textContent = 'rehearsal finished';
      showFinished(offline, rehearsal, new URLSearchParams(location.search).get('token') ?? '');
      return;
    }
    offline.textContent = view.refusedAt
      ? 'Offline: that key was NOT sent, and the audience still shows its slide. Reconnecting…'
      : 'Offline: moves are not sent while the server cannot be reached. When it is back, everyone returns to your slide.';
    const error = $('error');
    error.hidden = !view.error;
    error.textContent = view.error
      ? `Build failed (the audience still sees the last good deck, without this message):\n${view.error.text}`
      : '';
    $('position').textContent = positionLabel(view.index, view.count, view.step);
    notes.show(view.notes, view.step.at - 1, view.step.of);
    const upcoming = view.upcoming;
    $('end').hidden = upcoming !== null || view.count === 0;
    $('upcoming-label').textContent =
      upcoming === null ? (view.count > 0 ? '· end of the deck' : '') : `· ${positionLabel(upcoming.index, view.count, upcoming.step)}`;
    const screen = $('screen');
    screen.hidden = view.screen === 'slides';
    screen.dataset.mode = view.screen;
    screen.textContent = view.screen === 'black' ? 'Audience: BLACK' : view.screen === 'white' ? 'Audience: WHITE' : '';
    $('black').setAttribute('aria-pressed', String(view.screen === 'black'));
    $('white').setAttribute('aria-pressed', String(view.screen === 'white'));
    for (const id of ['next', 'prev', 'black', 'white', 'goto', 'overview', 'clock-toggle', 'clock-reset']) {
      $<HTMLButtonElement>(id).disabled = !view.presenter;
    }
    $('plan').textContent = view.plan ? `plan ${formatClock(view.plan.total * 1000)}` : '';
    if (ready) tick();
  };

  let ready = false;
  const driver = createDriver(render);
  ready = true;

  function tick(): void {
    const view = driver.view;
    const now = driver.serverNow();
    const elapsed = elapsedMs(view.clock, now);
    const paused = view.clock.pausedAt !== null;
    $('clock').textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    $('elapsed').textContent = formatClock(elapsed);
    const slideTime = Math.max(0, elapsed - view.slideClockAt);
    const planned = view.plan ? ` / ${formatClock((view.plan.end - view.plan.start) * 1000)}` : '';
    $('slide-time').textContent = `${formatClock(slideTime)}${planned}`;
    const pace = pacing(view.plan, elapsed, paused);
    const started = view.clock.startedAt !== null;
    $('pacing').textContent = started
      ? pace.text
      : view.plan
        ? 'Not started: Start, or your first key press, starts the clock'
        : 'Not started';
    $('pacing').className = `pacing ${started ? pace.tone : 'none'}`;
    $('clock-toggle').textContent = !started ? 'Start' : paused ? 'Resume' : 'Pause';
    document.querySelector('.timing')?.classList.toggle('paused', paused);
  }
  setInterval(tick, 250);

  const toggleClock = () => {
    const clock = driver.view.clock;
    driver.clock(clock.startedAt === null ? 'start' : clock.pausedAt === null ? 'pause' : 'resume');
  };

  const gotoDialog = $<HTMLDialogElement>('goto-dialog');
  const gotoInput = $<HTMLInputElement>('goto-input');
  const openGoto = (prefill = '') => {
    gotoInput.value = prefill;
    $('goto-count').textContent = `of ${driver.view.count}`;
    gotoDialog.showModal();
    gotoInput.focus();
  };
  gotoDialog.addEventListener('close', () => {
    if (gotoDialog.returnValue !== 'go') return;
    const number = parseSlideNumber(gotoInput.value, driver.view.count);
    if (number !== undefined) driver.move({ slide: number });
    gotoDialog.returnValue = '';
  });

  const overviewDialog = $<HTMLDialogElement>('overview-dialog');
  const overview = createOverview({
    frame: $<HTMLIFrameElement>('overview-frame'),
    status: $('overview-status'),
    onPick: (number) => {
      closeOverview();
      driver.move({ slide: number });
    },
    onClose: () => closeOverview(),
    isOpen: () => overviewDialog.open,
  });
  const openOverview = () => {
    overviewDialog.showModal();
    overview.show(Math.max(1, driver.view.index + 1));
  };
  // Closed, the frame gives the keys back to the presenter view, at once: the dialog's close event comes a task
  // later, and an O pressed right after Esc went to the hidden frame meanwhile and never opened the overview.
  const takeKeysBack = () => {
    if (document.activeElement instanceof HTMLIFrameElement) document.activeElement.blur();
    window.focus();
  };
  function closeOverview(): void {
    overviewDialog.close();
    takeKeysBack();
  }
  overviewDialog.addEventListener('close', takeKeysBack);
  // Keys while the overview is open and the presenter page (not the frame) has the focus.
  overviewDialog.addEventListener('keydown', (event) => {
    if (event.key === 'o' || event.key === 'O') {
      event.preventDefault();
      closeOverview();
    } else if (overview.key(event)) event.preventDefault();
  });

  const resetDialog = $<HTMLDialogElement>('reset-dialog');
  resetDialog.addEventListener('close', () => {
    if (resetDialog.returnValue === 'reset') driver.clock('reset');
    resetDialog.returnValue = '';
  });

  const shareDialog = $<HTMLDialogElement>('share-dialog');
  const openShare = async () => {
    shareDialog.showModal();
    const token = new URLSearchParams(location.search).get('token') ?? '';
    try {
      const response = await fetch(`/_deck/share.json?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const share = (await response.json()) as {
        audience: string;
        remote: string;
        loopbackOnly: boolean;
        audienceSvg: string;
        remoteSvg: string;
      };
      // The SVGs are QR codes the server drew from its own URLs (src/serve/share.ts).
      $('qr-remote').innerHTML = share.remoteSvg;
      $('qr-audience').innerHTML = share.audienceSvg;
      $('url-remote').textContent = share.remote;
      $('url-audience').textContent = share.audience;
      $('share-note').textContent = share.loopbackOnly
        ? 'The server listens on this machine only: a phone cannot open these. Restart with `deck serve --host 0.0.0.0` (same Wi-Fi) for the remote.'
        : 'Scan with a phone on the same network.';
    } catch (error) {
      $('share-note').textContent = `Cannot get the links: ${(error as Error).message}`;
    }
  };

  const notesBox = $('notes');
  const act = (action: KeyAction): boolean => {
    switch (action) {
      case 'next':
      case 'prev':
      case 'first':
      case 'last':
        driver.move(action);
        return true;
      case 'black':
      case 'white':
        driver.toggleScreen(action);
        return true;
      case 'goto':
        openGoto();
        return true;
      case 'overview':
        openOverview();
        return true;
      case 'help':
        $<HTMLDialogElement>('help-dialog').showModal();
        return true;
      case 'clock':
        toggleClock();
        return true;
      case 'smaller':
      case 'larger':
        notesSize = saveNotesSize(notesSize + (action === 'larger' ? NOTES_SIZE.step : -NOTES_SIZE.step));
        applySize();
        return true;
      case 'layout': {
        const notesFirst = main.classList.toggle('notes-first');
        saveLayout(notesFirst ? 'notes-first' : 'slides-first');
        return true;
      }
      case 'notesDown':
      case 'notesUp':
        notesBox.scrollBy({ top: (action === 'notesDown' ? 1 : -1) * notesBox.clientHeight * 0.8 });
        return true;
      case 'close':
        return false;
      default: {
        const never: never = action;
        return never;
      }
    }
  };

  document.addEventListener('keydown', (event) => {
    if (document.querySelector('dialog[open]')) return; // a dialog has the keys (Esc closes it)
    const action = keyAction(event);
    // Digits open "go to" with what was typed.
    if (!action && /^\d$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      openGoto(event.key);
      return;
    }
    if (!action) return;
    // The first key press of the talk starts the clock (the title slide counts).
    if (driver.view.presenter && driver.view.clock.startedAt === null && action !== 'help') driver.clock('start');
    if (action === 'clock' && driver.view.clock.startedAt === null) {
      event.preventDefault();
      return;
    }
    if (act(action)) event.preventDefault();
  });
  const click = (id: string, action: KeyAction) => $(id).addEventListener('click', () => act(action));
  click('next', 'next');
  click('prev', 'prev');
  click('black', 'black');
  click('white', 'white');
  click('goto', 'goto');
  click('overview', 'overview');
  click('help', 'help');
  click('smaller', 'smaller');
  click('larger', 'larger');
  click('layout', 'layout');
  $('clock-toggle').addEventListener('click', toggleClock);
  $('clock-reset').addEventListener('click', () => resetDialog.showModal());
  $('share').addEventListener('click', () => void openShare());
  return driver;
}
