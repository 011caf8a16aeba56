/**
 * /_deck/rehearse.js, the rehearsal recorder on a deck served by `deck rehearse`: posts every slide and fragment
 * change, with the page's time, to the rehearsal server (src/rehearse/routes.ts), and adds the Finish button.
 * Configuration: the JSON in <script id="deck-rehearse-config"> (src/rehearse/client.ts).
 */
import type { ClientEvent, EventType, FinishAnswer } from '../../rehearse/model.js';

import { PLACED_EVENT } from '../frames.js';
import { revealOf } from '../reveal.js';
import { storedToken } from '../tab-token.js';
import { createBar } from '../rehearse/bar.js';
import { eventOf, newSession, pageNow, recClock, reportHref } from '../rehearse/events.js';
import { createSender } from '../rehearse/sender.js';
import { createSettledRecorder } from '../rehearse/settled.js';
import { parseRecorderConfig, recordingToken } from '../rehearse/who-records.js';

function frameId(): string | undefined {
  try {
    return window.frameElement?.id;
  } catch {
    return undefined; // a frame of another origin: not the presenter view
  }
}

function parentLocation(): { search: string; path: string } | undefined {
  try {
    return { search: window.parent.location.search, path: window.parent.location.pathname };
  } catch {
    return undefined;
  }
}

function start(): void {
  const config = parseRecorderConfig(document.getElementById('deck-rehearse-config')?.textContent);
  const reveal = revealOf(window);
  if (!config || !reveal) return;
  const framed = window.self !== window.top;
  const currentFrame = framed && frameId() === 'current';
  const parent = currentFrame ? parentLocation() : undefined;
  const token = recordingToken(
    {
      search: location.search,
      framed,
      currentFrame,
      parentSearch: parent?.search,
      parentPath: parent?.path,
      stored: framed ? undefined : storedToken(() => sessionStorage),
    },
    config,
  );
  if (!token) return;

  const url = (route: string) => `${config.endpoint}/${route}?token=${encodeURIComponent(token)}`;
  const post = async (route: string, body: unknown): Promise<Response> => {
    const response = await fetch(url(route), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: true,
    });
    if (response.status === 409) return response; // the rehearsal is already over
    if (!response.ok) throw new Error(`the rehearsal server answered ${response.status}`);
    return response;
  };

  const host = currentFrame ? window.parent.document : document;
  const bar = createBar(host, currentFrame ? 'right' : 'left');
  const sender = createSender({ post: (batch) => post('event', batch), onStatus: bar.status });
  const session = newSession();
  let seq = 0;
  let finished = false;
  const place = () => ({ indices: reveal.getIndices(), id: reveal.getCurrentSlide()?.id });
  const snapshot = (type: EventType): ClientEvent => eventOf(type, place(), pageNow(), session, seq++);
  const record = (type: EventType) => {
    if (!finished) sender.add(snapshot(type));
  };
  const settled = createSettledRecorder({ place, record });

  const started = pageNow();
  const tick = () => {
    bar.clock.textContent = recClock(pageNow() - started);
  };
  const ticker = setInterval(tick, 1000);
  tick();

  bar.finish.addEventListener('click', (event) => {
    event.stopPropagation();
    if (finished) return;
    const t = pageNow();
    finished = true;
    bar.finish.disabled = true;
    clearInterval(ticker);
    bar.status('saving…');
    // Everything recorded goes first, then the finish with the time of the click.
    sender
      .drain()
      .then(() => post('finish', { t }))
      .then((response) => response.json() as Promise<FinishAnswer>)
      .then((result) => {
        bar.clock.textContent = 'Rehearsal saved';
        bar.status(result.summary ?? '');
        if (result.report) bar.link(reportHref(result.report, token), 'Open the report');
        bar.finish.remove();
        // The presenter view says it all (saved, summary, the report's link) at the top: the bar goes.
        if (currentFrame) bar.remove();
        host.defaultView?.dispatchEvent(new CustomEvent('deck:rehearsal-finished', { detail: result }));
      })
      .catch((error: unknown) => {
        finished = false;
        bar.finish.disabled = false;
        bar.status(`could not finish: ${(error as Error).message}`);
      });
  });

  // Closing or reloading the page: send what is left, and the moment it went away.
  window.addEventListener('pagehide', () => {
    if (finished) return;
    const left = [...sender.takeAll(), snapshot('hidden')];
    // text/plain: a beacon may only carry a "simple" content type; its own route reads it as JSON.
    navigator.sendBeacon(url('beacon'), new Blob([JSON.stringify(left)], { type: 'text/plain' }));
  });

  const begin = () => {
    bar.show();
    settled.now('ready');
    reveal.on('slidechanged', () => settled.changed('slide'));
    reveal.on('fragmentshown', () => settled.changed('fragment'));
    reveal.on('fragmenthidden', () => settled.changed('fragment'));
    reveal.on('paused', () => settled.now('paused'));
    reveal.on('resumed', () => settled.now('resumed'));
  };
  // The presenter view's slide frame opens on the first slide and is put where the talk is once the presenter view
  // has heard from the server (PLACED_EVENT): its first event waits for that, else a reload of the frame (after an
  // edit) or of the presenter view was a visit to slide 1 and a new one to the talk's slide.
  if (currentFrame) window.addEventListener(PLACED_EVENT, begin, { once: true });
  else if (reveal.isReady()) begin();
  else reveal.on('ready', begin);
}

start();
