import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/main.js';

const command = (name: string) => createProgram().commands.find((c) => c.name() === name)!;
const optionsOf = (name: string) => command(name).options.map((option) => option.long);
/** The whole --help text, the part added after the options (examples, keys) included. */
const helpOf = (name: string) => {
  let text = '';
  command(name)
    .configureOutput({ writeOut: (chunk) => (text += chunk) })
    .outputHelp();
  return text;
};

describe('every command’s --help', () => {
  it('lists only the options the command uses', () => {
    // build --single-file lays the deck out in Chromium, so build takes --browser and --timeout.
    expect(optionsOf('build')).toEqual(expect.arrayContaining(['--single-file', '--browser', '--timeout']));
    for (const unused of ['--browser', '--timeout', '--theme', '--templates']) expect(optionsOf('notes')).not.toContain(unused);
    expect(optionsOf('rehearse')).not.toContain('--browser');
    // serve exports PDFs on request, so it keeps --browser and --timeout.
    expect(optionsOf('serve')).toEqual(expect.arrayContaining(['--host', '--port', '--new-token', '--no-qr', '--browser']));
  });

  it('has examples for every command, and serve’s lists the keys and --host', () => {
    for (const name of createProgram().commands.map((c) => c.name())) expect(helpOf(name), name).toContain('Examples:');
    const serve = helpOf('serve');
    expect(serve).toContain('--host');
    for (const key of ['Space PageDown', 'B or .', 'go to slide', 'overview', 'start / pause / resume']) expect(serve).toContain(key);
  });
});
