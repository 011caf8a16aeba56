/** /_deck/socket.js: the connection for the served pages that are still plain scripts (they read window.DeckSocket). */
import { connect } from '../socket.js';

(window as unknown as { DeckSocket: { connect: typeof connect } }).DeckSocket = { connect };
