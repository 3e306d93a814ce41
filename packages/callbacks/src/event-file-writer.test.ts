import { readFileSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventFileWriter } from './event-file-writer';
import { scalarEvent } from './tensorboard-events';
import { readEventFile } from './testing/event-file-reader';
import { useTempDirs } from '@dendrite/test-utils';

const tempDir = useTempDirs('callbacks');

describe('EventFileWriter', () => {
  it('names the file as TensorFlow does and starts it with the file version', () => {
    const dir = join(tempDir(), 'train');
    const writer = new EventFileWriter(dir, () => 1700000123.5);
    const [name] = readdirSync(dir);
    expect(name).toMatch(new RegExp(`^events\\.out\\.tfevents\\.1700000123\\.${hostname().replace(/[.]/g, '\\.')}\\.${process.pid}\\.\\d+\\.v2$`));
    expect(writer.path).toBe(join(dir, name));
    expect(readEventFile(writer.path)).toEqual([{ wallTime: 1700000123.5, step: 0, fileVersion: 'brain.Event:2', values: [] }]);
  });

  it('keeps events until flush, and refuses writes after close', () => {
    const writer = new EventFileWriter(tempDir());
    writer.write(scalarEvent(1, 2, 'a', 0.5));
    const sizeBefore = readFileSync(writer.path).length;
    writer.flush();
    expect(readFileSync(writer.path).length).toBeGreaterThan(sizeBefore);
    writer.write(scalarEvent(2, 3, 'a', 0.25));
    writer.close();
    expect(readEventFile(writer.path).map((event) => event.step)).toEqual([0, 1, 2]);
    expect(() => writer.write(scalarEvent(3, 4, 'a', 1))).toThrow(/^Expected an open event file, received a write after close/);
  });
});
