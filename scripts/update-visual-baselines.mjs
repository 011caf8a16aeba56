// Rewrite the stored images of the visual regression tests (tests/visual/baseline/*.png: live slides, PDF pages and
// handout sheets) from the current deck:
//   node scripts/update-visual-baselines.mjs
// Look at the new PNGs before committing them: they become what every later run is compared with.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

if (process.env.CI) {
  console.error('CI compares with the committed baselines and never rewrites them (CI is set)');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', 'tests/visual/visual.test.ts', 'tests/visual/pdf.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DECK_UPDATE_VISUAL_BASELINES: '1' },
});
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else {
    if (code === 0) console.log(`baselines written to ${join(root, 'tests', 'visual', 'baseline')}`);
    process.exitCode = code ?? 1;
  }
});
