/*
 * deck serve: the script the server adds to the built deck.
 * - live reload: swaps the slides in place (or reloads the page) when the deck is rebuilt, staying on the same slide;
 * - build errors: shows them in an overlay until fixed;
 * - sync: the deck opened with ?token=… is the presenter's, whose moves are sent to the server; every other page
 *   follows the presenter. Opened with ?receiver (speaker view and presenter page previews) it neither drives nor
 *   follows.
 */
(() => {
  var script = document.currentScript;
  var params = new URLSearchParams(location.search);
  var receiver = params.has('receiver');
  var token = receiver ? '' : params.get('token') || '';
  var KEY = 'deck-serve:position';
  var R = window.Reveal;
  var hasReveal = !!(R && typeof R.on === 'function');
  var status = (window.deckServe = {
    mode: script?.getAttribute('data-mode') || 'present',
    receiver: receiver,
    presenter: false,
    connected: false,
    build: 0,
    error: null,
    updates: 0,
  });
  var following = false;
  // The build a full reload was for: a newer one announced while the page was reloading was missed.
  var reloadedFor = (() => {
    try {
      var saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      return saved && typeof saved.build === 'number' ? saved.build : null;
    } catch (_error) {
      return null;
    }
  })();

  function indices() {
    var i = R.getIndices();
    return { h: i.h || 0, v: i.v || 0, f: typeof i.f === 'number' ? i.f : -1 };
  }
  function go(to) {
    following = true;
    try {
      R.slide(to.h, to.v, to.f);
    } finally {
      following = false;
    }
  }
  function whenReady(fn) {
    if (!hasReveal) return;
    if (R.isReady()) fn();
    else R.on('ready', fn);
  }

  // Back on the slide we were on before a full reload.
  whenReady(() => {
    var saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      sessionStorage.removeItem(KEY);
    } catch (_error) {
      saved = null;
    }
    if (saved && Date.now() - saved.t < 60000) go(saved);
  });

  function hardReload() {
    if (hasReveal && R.isReady()) {
      var at = indices();
      at.t = Date.now();
      at.build = status.build;
      try {
        sessionStorage.setItem(KEY, JSON.stringify(at));
      } catch (_error) {
        /* private mode: the URL hash still keeps the slide */
      }
    }
    location.reload();
  }

  function softReload() {
    var at = indices();
    fetch(location.pathname, { cache: 'no-store' })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((html) => {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.reveal .slides');
        var live = document.querySelector('.reveal .slides');
        // Slides with scripts or code (highlighted once at start) need the whole page.
        if (!fresh || !live || fresh.querySelector('script, pre code') || live.querySelector('pre code')) return hardReload();
        live.innerHTML = fresh.innerHTML;
        R.sync();
        go(at);
        status.updates += 1;
        window.dispatchEvent(new CustomEvent('deck:updated'));
      })
      .catch(hardReload);
  }

  function swapCss(href, build) {
    var path = new URL(href, location.href).pathname;
    var links = Array.prototype.filter.call(
      document.querySelectorAll('link[rel="stylesheet"]'),
      (link) => new URL(link.href).pathname === path,
    );
    // A stylesheet the page does not link itself (one a theme @imports) needs the whole page.
    if (links.length === 0) return hardReload();
    links.forEach((link) => {
      var next = link.cloneNode();
      next.href = `${path}?v=${build}`;
      next.onload = next.onerror = () => {
        link.remove();
        status.updates += 1;
        window.dispatchEvent(new CustomEvent('deck:updated'));
      };
      link.after(next);
    });
  }

  function showError(error) {
    status.error = error || null;
    if (receiver || window.top !== window) return;
    var box = document.getElementById('deck-serve-error');
    if (!error) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.id = 'deck-serve-error';
      box.setAttribute('role', 'alert');
      box.style.cssText =
        'position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:50vh;overflow:auto;' +
        'background:#2a0e0e;color:#fbe9e9;border-top:4px solid #e5484d;padding:14px 20px;' +
        'font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"Noto Sans Mono CJK TC",monospace;white-space:pre-wrap;text-align:left';
      document.body.appendChild(box);
    }
    box.textContent = '';
    var title = document.createElement('strong');
    title.textContent = 'Build failed: showing the last good version of the deck';
    title.style.cssText = 'display:block;color:#ff8b8b;margin-bottom:6px';
    box.appendChild(title);
    if (error.file) {
      var where = document.createElement('div');
      where.className = 'deck-serve-error-where';
      where.textContent = error.file + (error.line ? `:${error.line}` : '');
      where.style.cssText = 'color:#ffd08a';
      box.appendChild(where);
    }
    var message = document.createElement('div');
    message.className = 'deck-serve-error-message';
    message.textContent = error.message;
    box.appendChild(message);
    if (error.hint) {
      var hint = document.createElement('div');
      hint.textContent = `hint: ${error.hint}`;
      hint.style.cssText = 'opacity:.8';
      box.appendChild(hint);
    }
  }

  function onMessage(message) {
    switch (message.type) {
      case 'welcome':
        if (reloadedFor !== null && message.build > reloadedFor) {
          reloadedFor = null;
          status.build = message.build;
          hardReload();
          break;
        }
        reloadedFor = null;
        status.presenter = message.presenter;
        status.build = message.build;
        showError(message.error);
        if (!receiver && message.state)
          whenReady(() => {
            go(message.state);
          });
        break;
      case 'state':
        if (!receiver)
          whenReady(() => {
            go(message);
          });
        break;
      case 'reload':
        status.build = message.build;
        if (message.hard || !hasReveal || !R.isReady()) hardReload();
        else softReload();
        break;
      case 'css':
        status.build = message.build;
        swapCss(message.href, message.build);
        break;
      case 'error':
        showError(message.error);
        break;
      default:
        break;
    }
  }

  var socket = window.DeckSocket.connect({
    role: receiver ? 'receiver' : 'deck',
    token: token,
    onMessage: onMessage,
    onStatus: (connected) => {
      status.connected = connected;
    },
  });

  function report() {
    if (!status.presenter || following || receiver) return;
    var at = indices();
    socket.send({ type: 'navigate', h: at.h, v: at.v, f: at.f });
  }
  if (hasReveal) {
    ['slidechanged', 'fragmentshown', 'fragmenthidden'].forEach((name) => {
      R.on(name, report);
    });
  }
})();
