/** /_deck/presenter.js: the presenter view (/presenter?token=…). */
import { mountDrivenPage } from '../driven-page.js';
import { mountPresenterView } from '../presenter-view.js';

mountDrivenPage('presenter', mountPresenterView);
