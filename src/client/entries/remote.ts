/** /_deck/remote.js: the phone remote (/remote?token=…). */
import { mountDrivenPage } from '../driven-page.js';
import { mountRemoteView } from '../remote-view.js';

mountDrivenPage('remote', mountRemoteView);
