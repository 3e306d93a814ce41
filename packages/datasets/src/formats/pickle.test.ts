import { describe, expect, it } from 'vitest';
import { unpickle } from './pickle';

describe('unpickle on malformed streams', () => {
  it.each([
    ['APPEND onto a dict', [0x80, 0x02, 0x7d, 0x4b, 0x01, 0x61, 0x2e], 'an APPEND onto object at byte 6'],
    ['BUILD onto a boolean', [0x80, 0x02, 0x89, 0x4b, 0x01, 0x62, 0x2e], 'a BUILD onto boolean at byte 6'],
    ['a stack underflow', [0x80, 0x02, 0x85, 0x2e], 'a stack underflow at byte 3'],
    ['a GET of an unset memo', [0x80, 0x02, 0x68, 0x05, 0x2e], 'a GET of memo 5, which was never PUT at byte 4'],
    ['REDUCE of a number', [0x80, 0x02, 0x4b, 0x01, 0x29, 0x52, 0x2e], 'a REDUCE of something other than a global and a tuple at byte 6'],
  ])('names the file for %s (Python refuses it too)', (_, bytes, message) => {
    expect(() => unpickle(Uint8Array.from(bytes), 'bad.pkl')).toThrow(`Expected a pickle stream in "bad.pkl", received ${message}`);
  });
});
