/* deck serve: the one-screen presenter page (current slide, next slide, notes, timer, pacing). */
(() => {
  var $ = (id) => document.getElementById(id);
  var D = window.DeckDriver;
  var last = null;

  function update(view) {
    last = view;
    $('status').textContent = !view.connected
      ? 'reconnecting…'
      : view.presenter
        ? 'presenting: the audience follows'
        : 'wrong or missing token: you can only watch';
    $('status').className = `status ${view.connected && view.presenter ? 'ok' : 'bad'}`;
    $('position').textContent = view.count ? `${view.index + 1} / ${view.count}` : '–';
    $('notes').innerHTML = view.notes || '<p class="empty">No notes for this slide.</p>';
    $('end').hidden = !view.atEnd;
    var error = $('error');
    error.hidden = !view.error;
    error.textContent = view.error ? `Build failed (the audience still sees the last good deck): ${view.error.text}` : '';
    $('plan').textContent = view.plan ? `Plan: ${D.clock(view.plan.total * 1000)} in all` : '';
    tick();
  }

  function tick() {
    var now = new Date();
    $('clock').textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    var elapsed = driver.elapsed();
    $('elapsed').textContent = elapsed === null ? '0:00' : D.clock(elapsed);
    var pace = D.pacing(last?.plan, elapsed);
    $('pacing').textContent = elapsed === null && last && last.plan ? 'Starts with your first move' : pace.text;
    $('pacing').className = `pacing ${pace.tone}`;
  }

  var driver = D.create({ current: $('current'), upcoming: $('upcoming'), role: 'presenter', onUpdate: update });
  window.deckPresenter = driver;
  $('next').addEventListener('click', driver.next);
  $('prev').addEventListener('click', driver.prev);
  $('reset').addEventListener('click', driver.resetTimer);
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var keys = {
      ArrowRight: 'right',
      ArrowLeft: 'left',
      ArrowDown: 'down',
      ArrowUp: 'up',
      PageDown: 'next',
      PageUp: 'prev',
      ' ': 'next',
      n: 'next',
      p: 'prev',
    };
    var action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    driver.move(event.shiftKey && event.key === ' ' ? 'prev' : action);
  });
  setInterval(tick, 500);
})();
