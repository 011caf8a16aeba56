/** The single file's own script: sync with a presenter window over BroadcastChannel, and that window's view. */
import { showPresenterView } from '../single/presenter-view.js';
import type { RevealApi } from '../single/reveal-api.js';
import { channelName, syncDeck } from '../single/sync.js';

const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
const presenter = new URLSearchParams(location.search).has('presenter');

function start(): void {
  const channel = new BroadcastChannel(channelName(location.pathname));
  const update = presenter ? showPresenterView(reveal) : undefined;
  syncDeck(reveal, channel);
  if (update) {
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) reveal.on(event, update);
    update();
    return;
  }
  // P opens the presenter window (reveal.js's own S needs its notes server page, which a single file cannot have).
  reveal.addKeyBinding({ keyCode: 80, key: 'P', description: 'Open the presenter window' }, () => {
    window.open(`${location.href.split(/[?#]/)[0]}?presenter`, 'deck-presenter', 'width=1280,height=800');
  });
}

if (reveal.isReady()) start();
else reveal.on('ready', start);
