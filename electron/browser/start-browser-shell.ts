/**
 * The browser shell (DESIGN §2.1): the same host as in Electron, run in Node, with the built
 * renderer served on 127.0.0.1 and the RPC carried over a WebSocket. Development and CI use it
 * where the Electron binary is missing; the end-to-end tests drive it with Playwright.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveKioskApi, type HostEndpoint } from '../shared/rpc-serve';
import { ok, err, type Result } from '../shared/result';
import type { KioskConfig } from '../host/config/schema';
import { startKioskHost, type KioskHost, type StartHostOptions } from '../host/kiosk-host';
import {
  describePlatformConnectionError,
  openPlatformConnection,
  type PlatformConnection,
} from '../host/platform-connection';
import { SECURITY_HEADERS } from './security-headers';
import { createStaticHandler } from './static-files';
import { createWsCarrier } from './ws-carrier';

export interface BrowserShell {
  url: string;
  host: KioskHost;
  platform: PlatformConnection;
  close(): Promise<void>;
}

export interface StartBrowserShellOptions {
  config: KioskConfig;
  rendererDir: string;
  appVersion: string;
  /** Drivers in a supervised child process (default) or in the host itself. */
  devicesInChildProcess?: boolean;
  /** Shortened timings for tests (see StartHostOptions). */
  timings?: StartHostOptions['timings'];
}

export type BrowserShellError =
  | { code: 'renderer-not-built'; dir: string }
  | { code: 'platform'; message: string }
  | { code: 'port-in-use'; port: number };

export async function startBrowserShell(
  options: StartBrowserShellOptions,
): Promise<Result<BrowserShell, BrowserShellError>> {
  const { config, rendererDir } = options;
  if (!existsSync(join(rendererDir, 'index.html')))
    return err({ code: 'renderer-not-built', dir: rendererDir });

  const platform = await openPlatformConnection(config);
  if (!platform.ok)
    return err({ code: 'platform', message: describePlatformConnectionError(platform.error) });

  const host = await startKioskHost({
    config,
    platform: platform.value,
    shell: 'browser',
    appVersion: options.appVersion,
    devPanelAllowed: true,
    // The drivers in their own supervised process, as on a terminal (the Electron shell follows
    // once its utilityProcess wiring and worker bundle exist).
    devicesInChildProcess: options.devicesInChildProcess ?? true,
    ...(options.timings ? { timings: options.timings } : {}),
  });

  // Per launch: a page from an earlier run (or anyone else's page) cannot drive this host.
  const secret = randomBytes(32).toString('hex');
  const endpoints = new Set<HostEndpoint>();
  const stopEvents = host.onEvent((event) => {
    for (const endpoint of endpoints) endpoint.push(event);
  });

  let port = config.ui.port;
  const carrier = createWsCarrier({
    secret,
    allowedOrigins: () => [`http://127.0.0.1:${port}`],
    onChannel(channel) {
      const endpoint = serveKioskApi(host.api, channel);
      endpoints.add(endpoint);
      return () => {
        endpoints.delete(endpoint);
        endpoint.close();
      };
    },
  });
  const serveStatic = createStaticHandler(
    rendererDir,
    () => `<meta name="kiosk-rpc" content="ws"><meta name="kiosk-rpc-secret" content="${secret}">`,
  );

  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void serveStatic(pathname, res);
  });
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/rpc') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    carrier.handleUpgrade(req, socket, head);
  });

  const listening = await new Promise<Result<void, BrowserShellError>>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'EADDRINUSE'
          ? err({ code: 'port-in-use', port })
          : err({ code: 'platform', message: error.message }),
      );
    });
    server.listen(port, '127.0.0.1', () => resolve(ok()));
  });
  if (!listening.ok) {
    await host.close();
    await platform.value.close();
    return listening;
  }
  port = (server.address() as AddressInfo).port;

  return ok({
    url: `http://127.0.0.1:${port}/`,
    host,
    platform: platform.value,
    async close() {
      stopEvents();
      carrier.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await host.close();
      await platform.value.close();
    },
  });
}

export function describeBrowserShellError(error: BrowserShellError): string {
  switch (error.code) {
    case 'renderer-not-built':
      return `The renderer is not built (${error.dir} has no index.html); run: npm run build`;
    case 'platform':
      return error.message;
    case 'port-in-use':
      return `Port ${error.port} on 127.0.0.1 is in use; set KIOSK_UI_PORT to another port (0 picks a free one).`;
  }
}
