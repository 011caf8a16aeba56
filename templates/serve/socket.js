/* deck serve: the WebSocket connection every served page uses (reconnects by itself). Plain browser JS. */
(function () {
  'use strict';

  /**
   * connect({ role, token, onMessage, onStatus }) → { send(message), serverNow(), close() }
   * onStatus(connected: boolean) is called on every open/close.
   */
  function connect(options) {
    var ws = null;
    var closed = false;
    var delay = 250;
    var offset = 0; // local clock minus the server's

    function open() {
      var scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
      ws = new WebSocket(scheme + '//' + location.host + '/_deck/ws');
      ws.onopen = function () {
        delay = 250;
        var hello = { type: 'hello', role: options.role };
        if (options.token) hello.token = options.token;
        ws.send(JSON.stringify(hello));
        if (options.onStatus) options.onStatus(true);
      };
      ws.onmessage = function (event) {
        var message;
        try {
          message = JSON.parse(event.data);
        } catch (error) {
          return;
        }
        if (message && typeof message.now === 'number') offset = Date.now() - message.now;
        if (message && typeof message.type === 'string') options.onMessage(message);
      };
      ws.onclose = function () {
        if (options.onStatus) options.onStatus(false);
        if (closed) return;
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 5000);
      };
    }

    open();
    return {
      send: function (message) {
        if (ws && ws.readyState === 1) ws.send(JSON.stringify(message));
      },
      serverNow: function () {
        return Date.now() - offset;
      },
      close: function () {
        closed = true;
        if (ws) ws.close();
      },
    };
  }

  window.DeckSocket = { connect: connect };
})();
