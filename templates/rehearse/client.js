/*
 * deck rehearse: the in-page recorder. Posts every slide and fragment change, with the page's time, to the
 * rehearsal server, one batch in flight at a time (so they arrive in order); what could not be sent is
 * retried, and sent with a beacon when the page goes away. Adds a "Finish rehearsal" button.
 * Configuration: the JSON in <script id="deck-rehearse-config">: { endpoint, frames }. Only the presenter
 * records: every post carries the presenter token of the page's URL (or, in the presenter page's slide frame,
 * of the presenter page's URL); a page without it records nothing.
 */
(() => {
  var configElement = document.getElementById('deck-rehearse-config');
  if (!configElement || !window.Reveal) return;
  var config = JSON.parse(configElement.textContent);
  var params = new URLSearchParams(location.search);
  // Who records: a deck page of its own, and the presenter page's current slide (the frame with id "current").
  // Other copies shown inside pages (the next-slide preview, the speaker view) and the export views do not.
  var framed = window.self !== window.top;
  var currentFrame = false;
  try {
    currentFrame = framed && !!window.frameElement && window.frameElement.id === 'current';
  } catch (_error) {
    currentFrame = false; // a frame of another origin: not the presenter page
  }
  if (/print-pdf/.test(location.search)) return;
  if (framed ? !(currentFrame || config.frames) : params.has('receiver')) return;

  var token = params.get('token');
  if (!token && currentFrame) token = new URLSearchParams(window.parent.location.search).get('token');
  if (!token) return;

  var session = Math.random().toString(36).slice(2, 12);
  var seq = 0;
  var queue = [];
  var inflight = null;
  var failures = 0;
  var finished = false;
  var eventUrl = `${config.endpoint}/event?token=${encodeURIComponent(token)}`;
  var beaconUrl = `${config.endpoint}/beacon?token=${encodeURIComponent(token)}`;
  var finishUrl = `${config.endpoint}/finish?token=${encodeURIComponent(token)}`;

  function now() {
    return performance.timeOrigin + performance.now();
  }

  function snapshot(type) {
    var indices = Reveal.getIndices();
    var slide = Reveal.getCurrentSlide();
    return {
      type: type,
      t: now(),
      h: indices.h || 0,
      v: indices.v || 0,
      f: typeof indices.f === 'number' ? indices.f : -1,
      id: slide?.id || `slide-${(indices.h || 0) + 1}`,
      session: session,
      seq: seq++,
    };
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      keepalive: true,
    }).then((response) => {
      if (response.status === 409) return response; // the rehearsal is already over
      if (!response.ok) throw new Error(`the rehearsal server answered ${response.status}`);
      return response;
    });
  }

  function flush() {
    if (inflight || queue.length === 0) return inflight || Promise.resolve();
    var batch = queue.splice(0, queue.length);
    inflight = post(eventUrl, batch)
      .then(
        () => {
          failures = 0;
          status('');
        },
        (error) => {
          // Keep the batch (in front of newer events) and try again shortly.
          queue = batch.concat(queue);
          failures++;
          status(`not saved yet: ${error.message} (retrying)`);
          setTimeout(flush, Math.min(5000, 250 * failures));
        },
      )
      .then(() => {
        inflight = null;
        if (failures === 0) return flush();
      });
    return inflight;
  }

  function record(type) {
    if (finished) return;
    queue.push(snapshot(type));
    flush();
  }

  // The bar: recording indicator, elapsed time, Finish button. In the presenter page's slide frame (which takes
  // no clicks) it goes on the presenter page itself, replacing the bar of an earlier load of the frame.
  var host = currentFrame ? window.parent.document : document;
  var old = host.getElementById('deck-rehearse-bar');
  if (old) old.remove();
  var bar = host.createElement('div');
  bar.id = 'deck-rehearse-bar';
  bar.className = 'deck-rehearse-bar';
  bar.setAttribute('role', 'status');
  bar.style.cssText =
    'position:fixed;left:12px;bottom:12px;z-index:2147483000;display:flex;gap:10px;align-items:center;' +
    'font:14px/1.2 system-ui,sans-serif;color:#fff;background:rgba(20,24,30,.78);padding:6px 10px;border-radius:8px';
  var clock = host.createElement('span');
  clock.className = 'deck-rehearse-clock';
  var note = host.createElement('span');
  note.className = 'deck-rehearse-status';
  var button = host.createElement('button');
  button.type = 'button';
  button.className = 'deck-rehearse-finish';
  button.textContent = 'Finish rehearsal';
  button.style.cssText = 'font:inherit;padding:4px 10px;border-radius:6px;border:0;background:#d64545;color:#fff;cursor:pointer';
  bar.appendChild(clock);
  bar.appendChild(note);
  bar.appendChild(button);

  function status(text) {
    note.textContent = text;
  }

  var started = now();
  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }
  function tick() {
    var s = Math.max(0, Math.round((now() - started) / 1000));
    clock.textContent = `\u25CF REC ${two(Math.floor(s / 60))}:${two(s % 60)}`;
  }
  var ticker = setInterval(tick, 1000);
  tick();

  button.addEventListener('click', (event) => {
    event.stopPropagation();
    if (finished) return;
    var t = now();
    finished = true;
    button.disabled = true;
    clearInterval(ticker);
    status('saving…');
    // Everything recorded goes first, then the finish with the time of the click.
    (function drain() {
      return flush().then(() => {
        if (failures > 0) throw new Error('the rehearsal server cannot be reached');
        return queue.length > 0 ? drain() : undefined;
      });
    })()
      .then(() => post(finishUrl, { t: t }))
      .then((response) => response.json())
      .then((result) => {
        clock.textContent = 'Rehearsal saved';
        status(`${result.summary || ''}${result.file ? ` (${result.file}; the report is in the terminal)` : ''}`);
        button.remove();
        // The presenter view says the rehearsal is over instead of "offline" once the server stops.
        host.defaultView.dispatchEvent(new CustomEvent('deck:rehearsal-finished', { detail: result }));
      })
      .catch((error) => {
        finished = false;
        button.disabled = false;
        status(`could not finish: ${error.message}`);
      });
  });

  // Closing or reloading the page: send what is left, and the moment it went away.
  window.addEventListener('pagehide', () => {
    if (finished) return;
    queue.push(snapshot('hidden'));
    // text/plain: a beacon may only carry a "simple" content type; its own route reads it as JSON.
    var blob = new Blob([JSON.stringify(queue.splice(0, queue.length))], { type: 'text/plain' });
    navigator.sendBeacon(beaconUrl, blob);
  });

  function start() {
    host.body.appendChild(bar);
    record('ready');
    Reveal.on('slidechanged', () => {
      record('slide');
    });
    Reveal.on('fragmentshown', () => {
      record('fragment');
    });
    Reveal.on('fragmenthidden', () => {
      record('fragment');
    });
    Reveal.on('paused', () => {
      record('paused');
    });
    Reveal.on('resumed', () => {
      record('resumed');
    });
  }
  if (Reveal.isReady()) start();
  else Reveal.on('ready', start);
})();
