/** The process-wide error events tfjs-backend-wasm's Emscripten glue takes over on Node. */
const HIJACKED_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

type Listener = (...args: unknown[]) => void;
interface ProcessEvents {
  listeners(event: string): Listener[];
  removeListener(event: string, listener: Listener): unknown;
}

function nodeProcess(): ProcessEvents | undefined {
  const candidate = (globalThis as { process?: Partial<ProcessEvents> }).process;
  return typeof candidate?.listeners === 'function' && typeof candidate.removeListener === 'function' ? (candidate as ProcessEvents) : undefined;
}

/**
 * Runs `start` (a backend's asynchronous start) and then removes every `uncaughtException` and
 * `unhandledRejection` listener it added to `process`. tfjs-backend-wasm's Emscripten glue installs
 * both on Node (`throw ex` and `throw reason`), which turns a user's rejected promise into exit code 7
 * under a `tf-backend-wasm.node.js` header and overrides the user's own handlers; Dendrite leaves
 * the process's error handling as it found it. Outside Node it only runs `start`.
 *
 * @param start - starts the backend (a tfjs backend factory).
 * @returns what `start` returns.
 * @example
 * ```ts
 * tf.registerBackend('wasm', () => withoutAddedProcessHandlers(wasmFactory), 0);
 * ```
 */
export async function withoutAddedProcessHandlers<T>(start: () => T | Promise<T>): Promise<T> {
  const target = nodeProcess();
  if (target === undefined) return start();
  const before = new Map(HIJACKED_EVENTS.map((event) => [event, new Set(target.listeners(event))]));
  try {
    return await start();
  } finally {
    for (const event of HIJACKED_EVENTS) {
      for (const listener of target.listeners(event)) {
        if (!before.get(event)!.has(listener)) target.removeListener(event, listener);
      }
    }
  }
}
