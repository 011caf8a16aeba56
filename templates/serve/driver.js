/*
 * deck serve: driving the deck from the presenter page and the phone remote. A copy of the deck in an iframe
 * (?receiver mode: it neither drives nor follows by itself) works out where next/previous go; the result is
 * sent to the server, which passes it to every audience page. Needs socket.js.
 */
(() => {
  var FRAME_PARAMS =
    'receiver&controls=false&progress=false&transition=none&backgroundTransition=none&keyboard=false' +
    '&hash=false&history=false&slideNumber=false&autoSlide=0&overview=false&touch=false&help=false&scrollActivationWidth=false';

  function revealIn(frame) {
    var win = frame?.contentWindow;
    var R = win?.Reveal;
    return R && typeof R.isReady === 'function' && R.isReady() ? R : null;
  }

  function indicesOf(R) {
    var i = R.getIndices();
    return { h: i.h || 0, v: i.v || 0, f: typeof i.f === 'number' ? i.f : -1 };
  }

  /** The notes shown for the current slide (and its current fragment), as HTML from the deck itself. */
  function notesOf(R) {
    var slide = R.getCurrentSlide();
    if (!slide) return '';
    var parts = [];
    if (slide.hasAttribute('data-notes')) parts.push(escapeHtml(slide.getAttribute('data-notes')));
    Array.prototype.forEach.call(slide.querySelectorAll('aside.notes'), (aside) => {
      if (!aside.closest('.fragment')) parts.push(aside.innerHTML);
    });
    var fragment = slide.querySelector('.current-fragment aside.notes');
    if (fragment) parts.push(fragment.innerHTML);
    return parts.join('\n');
  }

  function escapeHtml(text) {
    var div = document.createElement('div');
    div.textContent = text;
    return div.innerHTML;
  }

  /** Seconds planned per slide (data-timing, else reveal.js totalTime / defaultTiming), or null without a plan. */
  function planOf(R) {
    var slides = R.getSlides();
    var config = R.getConfig();
    var times = slides.map((slide) => {
      var value = parseFloat(slide.getAttribute('data-timing'));
      return Number.isFinite(value) && value >= 0 ? value : null;
    });
    var known = times.filter((t) => t !== null);
    var sumKnown = known.reduce((a, b) => a + b, 0);
    var missing = times.length - known.length;
    var fill = 0;
    if (config.totalTime > 0 && missing > 0) fill = Math.max(0, (config.totalTime - sumKnown) / missing);
    else if (config.defaultTiming > 0) fill = config.defaultTiming;
    else if (known.length === 0) return null;
    var filled = times.map((t) => (t === null ? fill : t));
    var index = slides.indexOf(R.getCurrentSlide());
    var start = 0;
    for (var i = 0; i < index; i++) start += filled[i];
    var total = filled.reduce((a, b) => a + b, 0);
    return { start: start, end: start + (filled[index] || 0), total: total };
  }

  /**
   * create({ current, upcoming?, onUpdate(view) }) → { next(), prev(), move(action), resetTimer(), elapsed() }
   * view = { presenter, connected, error, denied, index, count, notes, plan, atEnd, title }
   */
  function create(options) {
    var token = new URLSearchParams(location.search).get('token') || '';
    var state = null;
    var startedAt = null;
    var view = { presenter: false, connected: false, error: null, denied: null };
    var socket;

    function position() {
      var R = revealIn(options.current);
      return state || (R ? indicesOf(R) : { h: 0, v: 0, f: -1 });
    }

    function render() {
      var R = revealIn(options.current);
      if (R) {
        var slide = R.getCurrentSlide();
        view.index = R.getSlides().indexOf(slide);
        view.count = R.getTotalSlides();
        view.notes = notesOf(R);
        view.plan = planOf(R);
        var heading = slide?.querySelector('h1, h2, h3');
        view.title = heading ? heading.textContent.trim() : '';
      }
      options.onUpdate(view);
    }

    function apply() {
      var R = revealIn(options.current);
      if (!R) return render();
      var at = position();
      R.slide(at.h, at.v, at.f);
      var U = revealIn(options.upcoming);
      if (U) {
        U.slide(at.h, at.v, at.f);
        U.next();
        var u = indicesOf(U);
        view.atEnd = u.h === at.h && u.v === at.v && u.f === at.f;
      } else {
        view.atEnd = R.isLastSlide() && !R.availableFragments().next;
      }
      render();
    }

    function attach(frame) {
      if (!frame) return;
      frame.addEventListener('load', () => {
        var win = frame.contentWindow;
        win.addEventListener('deck:updated', apply);
        if (revealIn(frame)) apply();
        else if (win.Reveal) win.Reveal.on('ready', apply);
      });
      frame.src = `/?${FRAME_PARAMS}`;
    }

    function move(action) {
      var R = revealIn(options.current);
      if (!R || !view.presenter) return;
      var at = position();
      R.slide(at.h, at.v, at.f);
      R[action]();
      state = indicesOf(R);
      socket.send({ type: 'navigate', h: state.h, v: state.v, f: state.f });
      if (startedAt === null) startedAt = socket.serverNow();
      apply();
    }

    socket = window.DeckSocket.connect({
      role: options.role || 'presenter',
      token: token,
      onStatus: (connected) => {
        view.connected = connected;
        render();
      },
      onMessage: (message) => {
        switch (message.type) {
          case 'welcome':
            view.presenter = message.presenter;
            view.error = message.error;
            state = message.state ? { h: message.state.h, v: message.state.v, f: message.state.f } : state;
            startedAt = message.startedAt;
            apply();
            break;
          case 'state':
            state = { h: message.h, v: message.v, f: message.f };
            startedAt = message.startedAt;
            apply();
            break;
          case 'timer':
            startedAt = message.startedAt;
            render();
            break;
          case 'error':
            view.error = message.error;
            render();
            break;
          case 'denied':
            view.denied = message.reason;
            render();
            break;
          default:
            break;
        }
      },
    });

    attach(options.current);
    attach(options.upcoming);

    return {
      move: move,
      next: () => {
        move('next');
      },
      prev: () => {
        move('prev');
      },
      resetTimer: () => {
        socket.send({ type: 'timer', action: 'reset' });
      },
      /** Milliseconds since the talk started (the presenter's first move or the last reset), or null. */
      elapsed: () => (startedAt === null ? null : Math.max(0, socket.serverNow() - startedAt)),
    };
  }

  function clock(ms) {
    var s = Math.floor(Math.abs(ms) / 1000);
    var h = Math.floor(s / 3600);
    var m = Math.floor((s % 3600) / 60);
    var sec = s % 60;
    var pad = (n) => (n < 10 ? '0' : '') + n;
    return `${h > 0 ? `${h}:${pad(m)}` : String(m)}:${pad(sec)}`;
  }

  /** "On time", "Ahead by 1:20", "Behind by 0:45" for the elapsed time against the plan for this slide. */
  function pacing(plan, elapsedMs) {
    if (!plan) return { text: 'No timing plan', tone: 'none' };
    var s = (elapsedMs || 0) / 1000;
    if (s < plan.start) return { text: `Ahead by ${clock((plan.start - s) * 1000)}`, tone: 'ahead' };
    if (s > plan.end) return { text: `Behind by ${clock((s - plan.end) * 1000)}`, tone: 'behind' };
    return { text: `On time (${clock((plan.end - s) * 1000)} left on this slide)`, tone: 'ontime' };
  }

  window.DeckDriver = { create: create, clock: clock, pacing: pacing };
})();
