/* deck serve: the phone remote (next, previous, notes, timer). */
(() => {
  var $ = (id) => document.getElementById(id);
  var D = window.DeckDriver;
  var last = null;

  function update(view) {
    last = view;
    $('status').textContent = !view.connected ? 'offline' : view.presenter ? '' : 'no token: view only';
    $('position').textContent = view.count ? `${view.index + 1} / ${view.count}${view.atEnd ? ' · end' : ''}` : '–';
    $('notes').innerHTML = view.notes || '<p class="empty">No notes.</p>';
    $('error').hidden = !view.error;
    $('error').textContent = view.error ? `Build failed: ${view.error.text}` : '';
    $('next').disabled = $('prev').disabled = !view.presenter;
    tick();
  }

  function tick() {
    var elapsed = driver.elapsed();
    $('elapsed').textContent = elapsed === null ? '0:00' : D.clock(elapsed);
    var pace = D.pacing(last?.plan, elapsed);
    $('pacing').textContent = last?.plan ? pace.text : '';
    $('pacing').className = `pacing ${pace.tone}`;
  }

  var driver = D.create({ current: $('current'), role: 'remote', onUpdate: update });
  window.deckRemote = driver;
  $('next').addEventListener('click', driver.next);
  $('prev').addEventListener('click', driver.prev);
  setInterval(tick, 1000);
})();
