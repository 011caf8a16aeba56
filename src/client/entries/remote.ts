/** /_deck/remote.js: the phone remote (/remote?token=…). */
import { createDriver } from '../driver.js';
import { publishHook } from '../hook.js';
import { mountRemoteView } from '../remote-view.js';

const token = new URLSearchParams(location.search).get('token') ?? '';
const hook = publishHook({ mode: 'present', receiver: false, presenter: false, connected: false, build: 0, updates: 0 });
hook.driver = mountRemoteView((onUpdate) =>
  createDriver({
    role: 'remote',
    token,
    current: document.getElementById('current') as HTMLIFrameElement,
    upcoming: document.getElementById('upcoming') as HTMLIFrameElement,
    onUpdate: (view) => {
      hook.presenter = view.presenter;
      hook.connected = view.connected;
      hook.build = view.build;
      onUpdate(view);
    },
  }),
);
