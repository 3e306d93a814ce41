import type { ConnectionOptions } from 'bullmq';

/**
 * BullMQ connection options from a `redis://[user:password@]host:port[/db]` URL (`rediss://` for
 * TLS). Workers need `maxRetriesPerRequest: null` (BullMQ's blocking commands wait indefinitely).
 *
 * @throws TypeError for a URL that is not redis:// or rediss://
 */
export function redisConnection(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`Expected a Redis URL such as redis://127.0.0.1:6379, received "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new TypeError(`Expected a Redis URL such as redis://127.0.0.1:6379, received "${url}"`);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined;
  return {
    host: parsed.hostname,
    port: parsed.port === '' ? 6379 : Number(parsed.port),
    ...(parsed.username !== '' ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password !== '' ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}

/** The BullMQ queue of a project: one per search (`dendrite-tuner-<project>`; BullMQ names have no `:`). */
export function queueName(project: string): string {
  if (!/^[\w.-]+$/.test(project)) throw new TypeError(`Expected a project name of letters, digits, "_", "-" and ".", received "${project}"`);
  return `dendrite-tuner-${project}`;
}
