import { describe, expect, it } from 'vitest';
import { withoutAddedProcessHandlers } from './process-handlers';
import { selectBackend } from './select-backend';
import { lowerWasmPriority } from './default-priority';
import '../kernels/wasm/index';

const events = ['uncaughtException', 'unhandledRejection'] as const;
const counts = () => events.map((event) => process.listeners(event as 'uncaughtException').length);

describe('withoutAddedProcessHandlers', () => {
  it('removes the handlers the start added and keeps the ones that were there', async () => {
    const users = () => {};
    process.on('uncaughtException', users);
    try {
      const before = counts();
      const result = await withoutAddedProcessHandlers(async () => {
        process.on('uncaughtException', () => {});
        process.on('unhandledRejection', () => {});
        return 42;
      });
      expect(result).toBe(42);
      expect(counts()).toEqual(before);
      expect(process.listeners('uncaughtException')).toContain(users);
    } finally {
      process.removeListener('uncaughtException', users);
    }
  });

  it('removes them when the start fails too', async () => {
    const before = counts();
    const failing = withoutAddedProcessHandlers(() => {
      process.on('unhandledRejection', () => {});
      throw new Error('no wasm');
    });
    await expect(failing).rejects.toThrow('no wasm');
    expect(counts()).toEqual(before);
  });
});

describe('selectBackend and the process-wide handlers', () => {
  it("leaves process's uncaughtException/unhandledRejection listeners as they were after starting wasm", async () => {
    lowerWasmPriority();
    const before = counts();
    const info = await selectBackend({ prefer: 'wasm' });
    expect(info.name).toBe('wasm');
    expect(counts()).toEqual(before);
  });
});
