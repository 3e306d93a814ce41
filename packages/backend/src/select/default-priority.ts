import { tf } from '../tf/index';
import { withoutAddedProcessHandlers } from './process-handlers';

/**
 * tfjs-backend-wasm registers itself above the cpu backend, but it starts asynchronously: code
 * that runs before `await selectBackend()` (or `tf.ready()`) would throw "backend 'wasm' has not
 * yet been initialized". Re-registering it below cpu makes such code run on cpu; `selectBackend()`
 * still picks wasm, by name. The re-registered factory also removes the process-wide
 * `uncaughtException`/`unhandledRejection` handlers that the wasm module installs on Node.
 */
export function lowerWasmPriority(): void {
  const factory = tf.findBackendFactory('wasm');
  // findBackend would start the asynchronous init; look at the registry instead.
  if (factory == null || 'wasm' in tf.engine().registry) return;
  tf.removeBackend('wasm');
  tf.registerBackend('wasm', () => withoutAddedProcessHandlers(factory), 0);
}
