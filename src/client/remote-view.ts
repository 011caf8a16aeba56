/** The phone remote (/remote): big next/previous buttons, swipes and clicker keys, the next step, notes, the clock with pause, blackout. */
import { elapsedMs, formatClock, pacing } from './clock.js';
import type { Driver, DriverView } from './driver.js';
import { keyAction } from './keys.js';
import { createNotesPanel } from './notes-panel.js';
import { positionLabel } from './order.js';
import { onSwipe } from './swipe.js';
import { onTap } from './tap.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function mountRemoteView(createDriver: (onUpdate: (view: DriverView) => void) => Driver): Driver {
  const notes = createNotesPanel($('notes'), 'No notes.');
  let ready = false;
  const render = (view: DriverView) => {
    $('status').textContent = !view.connected ? 'offline' : view.presenter ? '' : 'no token: view only';
    $('offline').hidden = view.connected;
    $('offline').textContent = view.refusedAt
      ? 'Offline: that move was NOT sent. Reconnecting…'
      : 'Offline: moves are not sent. Reconnecting…';
    $('position').textContent = positionLabel(view.index, view.count, view.step);
    notes.show(view.notes, view.step.at - 1, view.step.of);
    $('error').hidden = !view.error;
    $('error').textContent = view.error ? `Build failed (the audience does not see this): ${view.error.text}` : '';
    $('end').hidden = view.upcoming !== null || view.count === 0;
    $('upcoming-label').textContent = view.upcoming
      ? `Next: ${positionLabel(view.upcoming.index, view.count, view.upcoming.step)}`
      : 'Next: end of the deck';
    $('black').setAttribute('aria-pressed', String(view.screen === 'black'));
    for (const id of ['next', 'prev', 'black', 'clock-toggle']) $<HTMLButtonElement>(id).disabled = !view.presenter;
    if (ready) tick();
  };
  const driver = createDriver(render);
  ready = true;

  function tick(): void {
    const view = driver.view;
    const elapsed = elapsedMs(view.clock, driver.serverNow());
    const started = view.clock.startedAt !== null;
    const paused = view.clock.pausedAt !== null;
    $('elapsed').textContent = formatClock(elapsed);
    $('clock-state').textContent = !started ? 'start' : paused ? 'paused' : 'pause';
    document.body.classList.toggle('paused', paused);
    const pace = pacing(view.plan, elapsed, paused);
    $('pacing').textContent = started && view.plan ? pace.text : '';
    $('pacing').className = `pacing ${pace.tone}`;
  }
  setInterval(tick, 500);

  const move = (to: 'next' | 'prev') => {
    if (driver.view.clock.startedAt === null) driver.clock('start');
    driver.move(to);
  };
  onTap($('next'), () => move('next'));
  onTap($('prev'), () => move('prev'));
  onTap($('black'), () => driver.toggleScreen('black'));
  onTap($('clock-toggle'), () => {
    const clock = driver.view.clock;
    driver.clock(clock.startedAt === null ? 'start' : clock.pausedAt === null ? 'pause' : 'resume');
  });
  onSwipe($('swipe'), move);
  // A Bluetooth clicker or keyboard paired with the phone sends these keys.
  document.addEventListener('keydown', (event) => {
    const action = keyAction(event);
    if (action === 'next' || action === 'prev') {
      event.preventDefault();
      move(action);
    } else if (action === 'black' || action === 'white') {
      event.preventDefault();
      driver.toggleScreen(action);
    }
  });
  return driver;
}
