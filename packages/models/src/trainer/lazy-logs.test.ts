import { describe, expect, it } from 'vitest';
import { eagerLogs, lazyLogs } from './lazy-logs';

describe('lazyLogs', () => {
  it('reads nothing until a value is read, then reads once', () => {
    let reads = 0;
    const logs = lazyLogs(['loss', 'accuracy'], () => {
      reads++;
      return [0.5, 0.9];
    });
    expect(reads).toBe(0);
    expect(Object.keys(logs)).toEqual(['loss', 'accuracy']);
    expect(logs.accuracy).toBe(0.9);
    expect(logs.loss).toBe(0.5);
    expect(reads).toBe(1);
  });

  it('prefixes eager logs', () => {
    expect(eagerLogs(['loss'], [1], 'val_')).toEqual({ val_loss: 1 });
    expect(eagerLogs(['loss', 'mae'], [1, 2])).toEqual({ loss: 1, mae: 2 });
  });

  it('lets a callback drop or replace a lazy entry, as it could a plain one', () => {
    const logs = lazyLogs(['loss', 'mae'], () => [1, 2]);
    expect(delete logs.loss).toBe(true);
    Object.defineProperty(logs, 'mae', { value: 5, enumerable: true });
    expect(logs).toEqual({ mae: 5 });
  });
});
