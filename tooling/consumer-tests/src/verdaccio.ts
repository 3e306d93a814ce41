import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A Verdaccio registry on a loopback port, with its own storage, for one test run. */
export interface LocalRegistry {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  /** A token that may publish. */
  token: string;
  /** Stops the server. */
  stop(): Promise<void>;
}

/** A port the OS just gave out, free for the next moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts Verdaccio in `folder` (storage, config and htpasswd live there). Packages named
 * `dendrite` and `@dendrite/*` exist only here (published by the test, never proxied); every other
 * package (tfjs-core, typescript…) is proxied from `upstream`, the registry this machine's npm uses.
 *
 * @param folder - an empty temporary folder
 * @param upstream - the registry to proxy third-party packages from
 * @returns the running registry, with a publish token
 */
export async function startVerdaccio(folder: string, upstream: string): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = [
    `storage: ${join(folder, 'storage')}`,
    'auth:',
    '  htpasswd:',
    `    file: ${join(folder, 'htpasswd')}`,
    '    max_users: 10',
    'uplinks:',
    '  upstream:',
    `    url: ${upstream}`,
    '    timeout: 60s',
    'packages:',
    "  'dendrite':",
    '    access: $all',
    '    publish: $authenticated',
    "  '@dendrite/*':",
    '    access: $all',
    '    publish: $authenticated',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    '    proxy: upstream',
    'server:',
    '  keepAliveTimeout: 60',
    'log: { type: stdout, format: pretty, level: error }',
    '',
  ].join('\n');
  const configPath = join(folder, 'config.yaml');
  writeFileSync(configPath, config);
  const bin = createRequire(import.meta.url).resolve('verdaccio/bin/verdaccio');
  const child: ChildProcess = spawn(process.execPath, [bin, '--config', configPath, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  try {
    await waitUntilUp(url, child, () => output);
    const token = await createUser(url);
    return { url, token, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with code ${child.exitCode}: ${output()}`);
    try {
      const response = await fetch(`${url}-/ping`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Verdaccio did not answer on ${url} within 30 s: ${output()}`);
}

async function createUser(url: string): Promise<string> {
  const name = 'consumer-tests';
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: 'consumer-tests-password', type: 'user', roles: [], date: new Date().toISOString() }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(`Expected Verdaccio to create a user, received ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}
