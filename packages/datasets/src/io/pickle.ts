// A minimal, safe unpickler: enough opcodes for numpy's object arrays (protocols 2 to 5,
// written by Python 2 or 3). It never runs code: a GLOBAL is an inert name, and REDUCE of
// anything but a few known numpy/codecs callables just records the call.

/** A Python 2 `str` or Python 3 `bytes`. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
  toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }
}

/** A reference to a Python global, e.g. numpy.core.multiarray._reconstruct. */
export class PyGlobal {
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}
  get qualified(): string {
    return `${this.module}.${this.name}`;
  }
}

/** The result of calling a global: its arguments, and the state BUILD gave it. */
export class PyCall {
  state: unknown = undefined;
  constructor(
    readonly callable: PyGlobal,
    readonly args: unknown[],
  ) {}
}

/** A Python tuple (kept apart from lists, though both are JS arrays underneath). */
export class PyTuple extends Array<unknown> {}

function tuple(items: unknown[]): PyTuple {
  const t = new PyTuple();
  t.push(...items);
  return t;
}

const MARK = Symbol('mark');

function signedLittleEndian(bytes: Uint8Array): number | bigint {
  if (bytes.length === 0) return 0;
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i]);
  if (bytes[bytes.length - 1] & 0x80) v -= 1n << BigInt(8 * bytes.length);
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

/** Runs the pickle in `data` and returns the object it builds. */
export function unpickle(data: Uint8Array, source: string): unknown {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const stack: unknown[] = [];
  const memo = new Map<number, unknown>();
  let p = 0;
  const fail = (what: string): never => {
    throw new Error(`unpickle: ${source}: ${what} (at byte ${p}). This reader handles numpy arrays of lists and numbers only.`);
  };
  const need = (n: number): void => {
    if (p + n > buf.length) fail('the pickle ends early; the file is truncated');
  };
  const take = (n: number): Uint8Array => {
    need(n);
    const out = buf.subarray(p, p + n);
    p += n;
    return out;
  };
  const line = (): string => {
    const end = buf.indexOf(0x0a, p);
    if (end < 0) fail('unterminated text argument');
    const s = buf.toString('latin1', p, end);
    p = end + 1;
    return s;
  };
  const popMark = (): unknown[] => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) fail('no MARK on the stack');
    const items = stack.splice(at);
    items.shift();
    return items;
  };
  const top = (): unknown => {
    if (stack.length === 0) fail('stack underflow');
    return stack[stack.length - 1];
  };
  const pop = (): unknown => {
    if (stack.length === 0) fail('stack underflow');
    return stack.pop();
  };
  const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('utf8');
  const str = (v: unknown): string => (v instanceof PyBytes ? v.toString() : String(v));
  const reduce = (fn: unknown, args: unknown[]): unknown => {
    if (!(fn instanceof PyGlobal)) return fail('REDUCE of something that is not a global');
    // Python 3 pickles Python 2-style bytes as _codecs.encode(text, 'latin1').
    if (fn.qualified === '_codecs.encode') return new PyBytes(Buffer.from(str(args[0]), 'latin1'));
    return new PyCall(fn, args);
  };

  for (;;) {
    need(1);
    const op = buf[p++];
    switch (op) {
      case 0x80: // PROTO
        take(1);
        break;
      case 0x95: // FRAME
        take(8);
        break;
      case 0x2e: // STOP
        return pop();
      case 0x28: // MARK
        stack.push(MARK);
        break;
      case 0x29: // EMPTY_TUPLE
        stack.push(tuple([]));
        break;
      case 0x74: // TUPLE
        stack.push(tuple(popMark()));
        break;
      case 0x85: // TUPLE1
        stack.push(tuple([pop()]));
        break;
      case 0x86: {
        // TUPLE2
        const b = pop();
        const a = pop();
        stack.push(tuple([a, b]));
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop();
        const b = pop();
        const a = pop();
        stack.push(tuple([a, b, c]));
        break;
      }
      case 0x5d: // EMPTY_LIST
        stack.push([]);
        break;
      case 0x6c: // LIST
        stack.push(popMark());
        break;
      case 0x61: {
        // APPEND
        const v = pop();
        (top() as unknown[]).push(v);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        const list = top() as unknown[];
        for (const item of items) list.push(item);
        break;
      }
      case 0x7d: // EMPTY_DICT
        stack.push(new Map());
        break;
      case 0x64: {
        // DICT
        const items = popMark();
        const m = new Map();
        for (let i = 0; i + 1 < items.length; i += 2) m.set(items[i], items[i + 1]);
        stack.push(m);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        (top() as Map<unknown, unknown>).set(k, v);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        const m = top() as Map<unknown, unknown>;
        for (let i = 0; i + 1 < items.length; i += 2) m.set(items[i], items[i + 1]);
        break;
      }
      case 0x4a: // BININT
        stack.push(take(4) && buf.readInt32LE(p - 4));
        break;
      case 0x4b: // BININT1
        stack.push(take(1)[0]);
        break;
      case 0x4d: // BININT2
        take(2);
        stack.push(buf.readUInt16LE(p - 2));
        break;
      case 0x8a: // LONG1
        stack.push(signedLittleEndian(take(take(1)[0])));
        break;
      case 0x8b: // LONG4
        take(4);
        stack.push(signedLittleEndian(take(buf.readUInt32LE(p - 4))));
        break;
      case 0x49: {
        // INT (text): also True/False as I01 / I00
        const s = line();
        stack.push(s === '01' ? true : s === '00' ? false : Number.parseInt(s, 10));
        break;
      }
      case 0x4c: // LONG (text)
        stack.push(Number.parseInt(line().replace(/L$/, ''), 10));
        break;
      case 0x46: // FLOAT (text)
        stack.push(Number.parseFloat(line()));
        break;
      case 0x47: // BINFLOAT
        take(8);
        stack.push(buf.readDoubleBE(p - 8));
        break;
      case 0x4e: // NONE
        stack.push(null);
        break;
      case 0x88: // NEWTRUE
        stack.push(true);
        break;
      case 0x89: // NEWFALSE
        stack.push(false);
        break;
      case 0x55: // SHORT_BINSTRING (py2 str)
        stack.push(new PyBytes(take(take(1)[0])));
        break;
      case 0x54: // BINSTRING
        take(4);
        stack.push(new PyBytes(take(buf.readInt32LE(p - 4))));
        break;
      case 0x43: // SHORT_BINBYTES
        stack.push(new PyBytes(take(take(1)[0])));
        break;
      case 0x42: // BINBYTES
        take(4);
        stack.push(new PyBytes(take(buf.readUInt32LE(p - 4))));
        break;
      case 0x8e: // BINBYTES8
        take(8);
        stack.push(new PyBytes(take(Number(buf.readBigUInt64LE(p - 8)))));
        break;
      case 0x8c: // SHORT_BINUNICODE
        stack.push(text(take(take(1)[0])));
        break;
      case 0x58: // BINUNICODE
        take(4);
        stack.push(text(take(buf.readUInt32LE(p - 4))));
        break;
      case 0x8d: // BINUNICODE8
        take(8);
        stack.push(text(take(Number(buf.readBigUInt64LE(p - 8)))));
        break;
      case 0x63: {
        // GLOBAL
        const module = line();
        stack.push(new PyGlobal(module, line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        stack.push(new PyGlobal(str(module), str(name)));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop();
        const fn = pop();
        stack.push(reduce(fn, args as unknown[]));
        break;
      }
      case 0x81: {
        // NEWOBJ
        const args = pop();
        const cls = pop();
        stack.push(reduce(cls, args as unknown[]));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const obj = top();
        if (obj instanceof PyCall) obj.state = state;
        else fail('BUILD on an object this reader does not know');
        break;
      }
      case 0x71: // BINPUT
        memo.set(take(1)[0], top());
        break;
      case 0x72: // LONG_BINPUT
        take(4);
        memo.set(buf.readUInt32LE(p - 4), top());
        break;
      case 0x94: // MEMOIZE
        memo.set(memo.size, top());
        break;
      case 0x70: // PUT (text)
        memo.set(Number.parseInt(line(), 10), top());
        break;
      case 0x68: // BINGET
        stack.push(memo.get(take(1)[0]));
        break;
      case 0x6a: // LONG_BINGET
        take(4);
        stack.push(memo.get(buf.readUInt32LE(p - 4)));
        break;
      case 0x67: // GET (text)
        stack.push(memo.get(Number.parseInt(line(), 10)));
        break;
      case 0x30: // POP
        pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        stack.push(top());
        break;
      default:
        fail(`unsupported pickle opcode 0x${op.toString(16)}`);
    }
  }
}
