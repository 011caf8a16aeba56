/** What the presenter view and the remote wire the same way: the token from the URL, the test hook, and a driver on the page's two frames. */
import { createDriver, type Driver, type DriverView } from './driver.js';
import { publishHook } from './hook.js';

/** Mount a page (`mountPresenterView`, `mountRemoteView`) on a driver for `role`; the hook follows its view. */
export function mountDrivenPage(
  role: 'presenter' | 'remote',
  mount: (createDriver: (onUpdate: (view: DriverView) => void) => Driver) => Driver,
): Driver {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const hook = publishHook({ mode: 'present', receiver: false, presenter: false, connected: false, build: 0, updates: 0 });
  hook.driver = mount((onUpdate) =>
    createDriver({
      role,
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
  return hook.driver;
}
