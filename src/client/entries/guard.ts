/**
 * /_deck/guard.js, in the <head> of every served deck page, before reveal.js: messages from other sites' windows
 * never reach reveal.js (src/client/message-guard.ts). It must come first: a window runs its message listeners
 * in the order they were added, capturing or not.
 */
import { acceptOwnOriginMessagesOnly } from '../message-guard.js';

acceptOwnOriginMessagesOnly(window);
