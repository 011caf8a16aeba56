import type { Command } from 'commander';
import { addCommonOptions, browserChoice, examples, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { firstStopSignal } from '../stop-signal.js';

interface ServeCliOptions extends Omit<CommonOptions, 'out'> {
  out?: string;
  port?: string;
  host: string;
  token?: string;
  allowHost: string[];
  newToken?: boolean;
  qr: boolean;
  watch: boolean;
}

const KEYS = `
Keys in the presenter view (/presenter) and the presenter's deck:
  → Space PageDown N ↓   next step (fragment, vertical slide, then the next slide: what "Next" shows)
  ← PageUp P ↑ Backspace  previous step        Home / End   first / last slide
  G                      go to slide (type its number, Enter)
  O                      overview grid: pick a slide (the audience moves only when you pick one)
  B or .                 black screen for the audience (again: back to the slides)   W   white screen
  T                      start / pause / resume the talk clock
  A− / A+  (- / +)       notes text size (remembered)      L   notes-first layout
  ?                      this list on screen
The phone remote (/remote): tap or swipe left/right, volume or clicker keys; blackout and the clock with pause.
`;

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerServe(program: Command): void {
  const command = addCommonOptions(
    program
      .command('serve')
      .description('serve the deck with live reload, a presenter view, a phone remote and audience sync')
      .argument('[deck]', 'folder or Markdown file', 'slides')
      .option('--port <n>', 'port (default: the last one used for this deck, else 4000; the next free one if taken)')
      .option('--host <address>', 'address to listen on; 0.0.0.0 opens the deck to the network (phones, other laptops)', '127.0.0.1')
      .option('--token <secret>', 'presenter token (default: the one saved for this deck, else a random one)')
      .option('--allow-host <name>', 'also answer to this host name (a tunnel or proxy); repeatable; name:port for one port', collect, [])
      .option('--new-token', 'forget the saved token and make a new one (open presenter/remote URLs stop working)')
      .option('--no-qr', 'do not print QR codes of the remote and audience URLs')
      .option('--no-watch', 'do not rebuild when files change'),
    // Serving builds into a private temporary folder unless -o is given: never the user's dist/, never shared.
    { out: { description: 'also keep the served (audience) build in this folder (default: a private temporary folder)' } },
  ).addHelpText(
    'after',
    examples([
      ['deck serve', 'present slides/ at http://127.0.0.1:4000/ (this machine only)'],
      ['deck serve my-talk --host 0.0.0.0', 'open it to the network: the phone remote and other screens can join'],
      ['deck serve my-talk --new-token', 'new presenter token (the old presenter/remote URLs stop working)'],
      ['deck serve talk.md -o public', 'also keep the audience build in public/'],
    ]) + KEYS,
  );
  command.action(async (deckPath: string, options: ServeCliOptions) => {
    const log = loggerFor(options);
    const { startServer, parsePort, isPublicBind, tokensMatch, stateFileFor, qrTerminal, shareLinks } = await import(
      '../../serve/index.js'
    );
    const { createPdfRoute } = await import('../serve-pdf.js');
    const port = options.port === undefined ? undefined : parsePort(options.port);
    const flags = flagsToConfig({ ...options, out: '' });
    let token: string | undefined;
    const pdf = createPdfRoute({
      deck: deckPath,
      build: { flags, configFile: options.config, templates: options.templates },
      find: browserChoice(options),
      logger: log,
      token: () => token,
      tokensMatch,
    });
    // Listening from before the server starts: a Ctrl+C at any moment (even right after the URLs are printed)
    // stops it cleanly instead of killing it mid-way.
    const stop = firstStopSignal();
    try {
      const server = await startServer({
        routes: [pdf.route],
        deck: deckPath,
        outDir: options.out,
        host: options.host,
        port,
        token: options.token,
        allowedHosts: options.allowHost,
        newToken: options.newToken,
        stateFile: stateFileFor(deckPath),
        flags,
        configFile: options.config,
        templates: options.templates,
        logger: log,
        watch: options.watch,
      });
      token = server.token;
      if (isPublicBind(server.host)) {
        log.warn(
          `listening on ${server.host}: the deck is reachable from the network. Share only the audience URL; ` +
            'anyone with the presenter token can drive the slides.',
        );
      }
      const share = shareLinks(server.host, server.port, server.token);
      log.success(`serving ${deckPath} at ${server.url}`);
      log.info(`  audience:          ${server.url}${share.loopbackOnly ? '' : `  ${share.audience}`}`);
      log.info(`  presenter view:    ${server.presenterUrl}`);
      log.info(`  presenter's deck:  ${server.presenterDeckUrl}   (S opens reveal.js's speaker view)`);
      log.info(`  phone remote:      ${server.remoteUrl}${share.loopbackOnly ? '' : `  ${share.remote}`}`);
      log.info(`  PDF of the deck:   ${new URL(`/_deck/deck.pdf?token=${server.token}`, server.url)}   (handout.pdf too)`);
      if (share.loopbackOnly) {
        log.info('  only this machine can open these; for the phone remote, restart with --host 0.0.0.0');
      } else if (options.qr) {
        log.info(`phone remote (scan; it carries the presenter token):\n${await qrTerminal(share.remote)}`);
        log.info(`audience:\n${await qrTerminal(share.audience)}`);
      }
      log.info(options.watch ? 'watching for changes; press Ctrl+C to stop' : 'press Ctrl+C to stop');
      const signal = await stop.signal;
      log.debug(`${signal}: stopping the server`);
      await server.close();
    } finally {
      await pdf.close();
      stop.dispose();
    }
  });
}
