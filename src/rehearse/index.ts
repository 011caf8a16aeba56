/** Rehearsal: recording slide times in the served deck, reports, applying them as the plan, the speaker script. */
export {
  startRehearsal,
  pageSummary,
  type RehearsalOptions,
  type RehearsalResult,
  type RehearsalSession,
  type StartServer,
} from './session.js';
export { createRecorder, type Recorder, type RecorderOptions } from './recorder.js';
export { createJournal, readJournal, parseJournal, type JournalWriter, type JournalContents } from './journal.js';
export { summarize, clockOffset, endTime, type RehearsalEnd } from './summarize.js';
export {
  deckNameOf,
  rehearsalsDirOf,
  listRehearsals,
  listJournals,
  readRehearsal,
  saveRehearsal,
  recoverJournals,
  newRehearsalBase,
  JOURNAL_SUFFIX,
  type Recovered,
} from './store.js';
export { reportText } from './report-text.js';
export { reportHtml, slideChart, trendChart } from './report-html.js';
export { appliedFrom, applyConcerns, planChanges, writeApplied, type PlanChange } from './apply.js';
export { estimateNote, notesScript } from './notes.js';
export { rehearsalRoute, ENDPOINT, REPORT_PATH } from './routes.js';
export { rehearsalClientHtml } from './client.js';
export { clock, signedClock, verdict } from './format.js';
export type * from './model.js';
export {
  loadHistory,
  lastRehearsal,
  reportPathFor,
  writeReport,
  applyLastRehearsal,
  type SavedRehearsal,
  type ApplyResult,
} from './actions.js';
