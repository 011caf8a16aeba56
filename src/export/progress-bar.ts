import cliProgress from 'cli-progress';
import type { ExportProgress } from './export.js';

/** A terminal progress bar for the export (pages done / total). Call `stop()` when done, also on error. */
export function createProgressBar(stream: NodeJS.WritableStream = process.stderr): {
  update: (event: ExportProgress) => void;
  stop: () => void;
} {
  const bar = new cliProgress.SingleBar(
    { format: 'pdf {bar} {value}/{total} pages | {stage}', stream, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (event) => {
      if (!started) {
        bar.start(event.total, event.done, { stage: event.stage });
        started = true;
      } else {
        bar.setTotal(event.total);
        bar.update(event.done, { stage: event.stage });
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
