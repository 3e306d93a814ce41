/**
 * A reader for the subset of Python's pickle that NumPy object arrays use (Keras's imdb.npz and
 * reuters.npz: arrays of lists of ints). It never runs code: `GLOBAL`/`REDUCE` only build inert
 * `{global, args}` records, and only NumPy's array reconstruction is understood.
 */
export interface PickledCall {
  global: string;
  args: unknown[];
  state?: unknown;
}

const MARK = Symbol('mark');

/**
 * Decodes a pickle stream into JS values: ints (numbers or bigints beyond 2⁵³), floats, strings,
 * bytes, lists, tuples (arrays), dicts (Maps), None (null), booleans, and {@link PickledCall}s.
 *
 * @throws Error naming the opcode it does not read, or a truncated stream
 */
export function unpickle(bytes: Uint8Array, fileName: string): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: unknown[] = [];
  const memo = new Map<number, unknown>();
  let i = 0;
  const fail = (what: string) => new Error(`Expected a pickle stream in "${fileName}", received ${what} at byte ${i}`);
  const need = (n: number) => {
    if (i + n > bytes.length) throw fail('a truncated stream');
  };
  const u8 = () => (need(1), bytes[i++]);
  const u16 = () => (need(2), (i += 2), view.getUint16(i - 2, true));
  const u32 = () => (need(4), (i += 4), view.getUint32(i - 4, true));
  const text = (n: number) => (need(n), (i += n), new TextDecoder().decode(bytes.subarray(i - n, i)));
  // Python 2 `str` is bytes: ASCII comes back as a string (dict keys), anything else as bytes.
  const pythonTwoString = (n: number) => {
    need(n);
    const raw = bytes.subarray(i, (i += n));
    return raw.every((b) => b < 0x80) ? new TextDecoder().decode(raw) : raw.slice();
  };
  const line = () => {
    const end = bytes.indexOf(0x0a, i);
    if (end < 0) throw fail('an unterminated line');
    const value = new TextDecoder().decode(bytes.subarray(i, end));
    i = end + 1;
    return value;
  };
  const popMark = () => {
    const index = stack.lastIndexOf(MARK);
    if (index < 0) throw fail('a missing MARK');
    const items = stack.splice(index);
    items.shift();
    return items;
  };
  // Python raises on these ("unpickling stack underflow", an APPEND onto a dict): so does this
  // reader, naming the file, instead of a bare TypeError from a wrong JS type.
  const pop = () => {
    if (stack.length === 0 || stack[stack.length - 1] === MARK) throw fail('a stack underflow');
    return stack.pop();
  };
  const top = <T>(is: (value: unknown) => value is T, what: string): T => {
    const value = stack[stack.length - 1];
    if (!is(value)) throw fail(`${what} onto ${value === MARK ? 'a MARK' : typeof value}`);
    return value;
  };
  const isList = (value: unknown): value is unknown[] => Array.isArray(value);
  const isDict = (value: unknown): value is Map<unknown, unknown> => value instanceof Map;
  const isCall = (value: unknown): value is PickledCall => typeof value === 'object' && value !== null && typeof (value as PickledCall).global === 'string' && Array.isArray((value as PickledCall).args);
  const memoGet = (key: number) => {
    if (!memo.has(key)) throw fail(`a GET of memo ${key}, which was never PUT`);
    return memo.get(key);
  };
  const littleInt = (n: number) => {
    need(n);
    let value = 0n;
    for (let k = n - 1; k >= 0; k--) value = (value << 8n) | BigInt(bytes[i + k]);
    if (n > 0 && bytes[i + n - 1] & 0x80) value -= 1n << BigInt(8 * n);
    i += n;
    return Number.isSafeInteger(Number(value)) ? Number(value) : value;
  };
  for (;;) {
    const opcode = u8();
    switch (opcode) {
      case 0x80: u8(); break; // PROTO
      case 0x95: need(8); i += 8; break; // FRAME
      case 0x2e: return pop(); // STOP
      case 0x28: stack.push(MARK); break; // MARK
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x4a: stack.push(littleInt(4)); break; // BININT
      case 0x8a: stack.push(littleInt(u8())); break; // LONG1
      case 0x8b: stack.push(littleInt(u32())); break; // LONG4
      case 0x47: need(8); stack.push(view.getFloat64(i, false)); i += 8; break; // BINFLOAT
      case 0x8c: stack.push(text(u8())); break; // SHORT_BINUNICODE
      case 0x58: stack.push(text(u32())); break; // BINUNICODE
      case 0x43: { const n = u8(); need(n); stack.push(bytes.slice(i, i + n)); i += n; break; } // SHORT_BINBYTES
      case 0x42: { const n = u32(); need(n); stack.push(bytes.slice(i, i + n)); i += n; break; } // BINBYTES
      case 0x55: stack.push(pythonTwoString(u8())); break; // SHORT_BINSTRING
      case 0x54: stack.push(pythonTwoString(u32())); break; // BINSTRING
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x6c: stack.push(popMark()); break; // LIST
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); const a = pop(); stack.push([a, b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); const a = pop(); stack.push([a, b, c]); break; } // TUPLE3
      case 0x61: { const item = pop(); top(isList, 'an APPEND').push(item); break; } // APPEND
      case 0x65: { const items = popMark(); top(isList, 'an APPENDS').push(...items); break; } // APPENDS
      case 0x73: { const value = pop(); const key = pop(); top(isDict, 'a SETITEM').set(key, value); break; } // SETITEM
      case 0x75: { const items = popMark(); const dict = top(isDict, 'a SETITEMS'); if (items.length % 2) throw fail('a SETITEMS of an odd number of items'); for (let k = 0; k < items.length; k += 2) dict.set(items[k], items[k + 1]); break; } // SETITEMS
      case 0x71: memo.set(u8(), stack[stack.length - 1]); break; // BINPUT
      case 0x72: memo.set(u32(), stack[stack.length - 1]); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, stack[stack.length - 1]); break; // MEMOIZE
      case 0x68: stack.push(memoGet(u8())); break; // BINGET
      case 0x6a: stack.push(memoGet(u32())); break; // LONG_BINGET
      case 0x63: { const module = line(); const name = line(); stack.push({ global: `${module}.${name}`, args: [] }); break; } // GLOBAL
      case 0x93: { const name = pop(); const module = pop(); if (typeof name !== 'string' || typeof module !== 'string') throw fail('a STACK_GLOBAL of non-strings'); stack.push({ global: `${module}.${name}`, args: [] }); break; } // STACK_GLOBAL
      case 0x52: { const args = pop(); const callable = pop(); if (!isCall(callable) || !Array.isArray(args)) throw fail('a REDUCE of something other than a global and a tuple'); stack.push({ global: callable.global, args }); break; } // REDUCE
      case 0x62: { const state = pop(); top(isCall, 'a BUILD').state = state; break; } // BUILD
      case 0x30: pop(); break; // POP
      case 0x32: stack.push(stack[stack.length - 1]); break; // DUP
      default:
        throw fail(`opcode 0x${opcode.toString(16)}, which this reader does not support`);
    }
  }
}
