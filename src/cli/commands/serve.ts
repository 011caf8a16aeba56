import { networkInterfaces } from 'node:os';
import type { Command } from 'commander';
import { addCommonOptions, flagsToConfig, loggerFor, type CommonOptions } from '../options.js';
import { firstStopSignal } from '../stop-signal.js';

interface ServeCliOptions extends CommonOptions {
  port: string;
  host: string;
  token?: string;
  allowHost: string[];
  watch: boolean;
}

/** This machine's addresses other devices can reach (for a server bound to every interface). */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a): a is NonNullable<typeof a> => Boolean(a) && !a!.internal && a!.family === 'IPv4')
    .map((a) => a.address);
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerServe(program: Command): void {
  const command = addCommonOptions(
    program
      .command('serve')
      .description('serve the deck with live reload, a presenter view, a phone remote and audience sync')
      .argument('[deck]', 'folder or Markdown file', 'slides')
      .option('--port <n>', 'port (the next free one is used if it is taken)', '4000')
      .option('--host <address>', 'address to listen on; 0.0.0.0 opens the deck to the network', '127.0.0.1')
      .option('--token <secret>', 'presenter token (default: a random one for each run)')
      .option('--allow-host <name>', 'also answer to this host name (a tunnel or proxy); repeatable; name:port for one port', collect, [])
      .option('--no-watch', 'do not rebuild when files change'),
  );
  // Serving builds into a temporary folder unless -o is given: it never overwrites the user's dist/.
  const out = command.options.find((option) => option.long === '--out');
  if (out) {
    out.description = 'also keep the served build in this folder (default: a temporary folder)';
    out.defaultValue = undefined;
  }
  command.action(async (deckPath: string, options: Omit<ServeCliOptions, 'out'> & { out?: string }) => {
    const log = loggerFor(options);
    const { startServer, parsePort, isPublicBind, tokensMatch } = await import('../../serve/index.js');
    const { createPdfRoute } = await import('../serve-pdf.js');
    const port = parsePort(options.port);
    const flags = flagsToConfig({ ...options, out: '' });
    let token: string | undefined;
    const pdf = createPdfRoute({
      deck: deckPath,
      build: { flags, configFile: options.config, templates: options.templates },
      find: { flag: options.browser },
      logger: log,
      token: () => token,
      tokensMatch,
    });
    const server = await startServer({
      routes: [pdf.route],
      deck: deckPath,
      outDir: options.out,
      host: options.host,
      port,
      token: options.token,
      allowedHosts: options.allowHost,
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
    const hosts = isPublicBind(server.host) && (server.host === '0.0.0.0' || server.host === '::') ? lanAddresses() : [];
    const onNetwork = (url: string) => hosts.map((h) => url.replace(/^http:\/\/[^/]+/, `http://${h}:${server.port}`));
    log.success(`serving ${deckPath} at ${server.url}`);
    log.info(`  audience:          ${[server.url, ...onNetwork(server.url)].join('  ')}`);
    log.info(`  presenter view:    ${server.presenterUrl}`);
    log.info(`  presenter's deck:  ${server.presenterDeckUrl}   (S opens reveal.js's speaker view)`);
    log.info(`  phone remote:      ${[server.remoteUrl, ...onNetwork(server.remoteUrl)].join('  ')}`);
    log.info(`  PDF of the deck:   ${new URL(`/_deck/deck.pdf?token=${server.token}`, server.url)}   (handout.pdf too)`);
    log.info(options.watch ? 'watching for changes; press Ctrl+C to stop' : 'press Ctrl+C to stop');
    const signal = await firstStopSignal().signal;
    log.debug(`${signal}: stopping the server`);
    await server.close();
    await pdf.close();
  });
}
