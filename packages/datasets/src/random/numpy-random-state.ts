/**
 * numpy's legacy `np.random.RandomState(seed).shuffle(...)`, bit for bit: MT19937 seeded with
 * init_genrand, and numpy's bounded-integer draw (mask, then reject). Keras's loaders shuffle
 * with it (imdb, boston_housing with seed 113), so reproducing their splits needs it.
 */
export class NumpyRandomState {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new Error(`NumpyRandomState: the seed must be an integer in [0, 2^32), got ${seed}.`);
    }
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  nextUint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** Uniform integer in [0, max], as numpy's `random_interval`. */
  interval(max: number): number {
    if (max === 0) return 0;
    if (max > 0xffffffff) throw new Error('NumpyRandomState.interval: max above 2^32-1 is not supported.');
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /** In-place shuffle with numpy's order of draws (from the end down to index 1). */
  shuffle<T>(items: T[] | Int32Array): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
      let v = mt[(i + 397) % 624] ^ (y >>> 1);
      if (y & 1) v ^= 0x9908b0df;
      mt[i] = v >>> 0;
    }
    this.index = 0;
  }
}

/** `np.random.RandomState(seed).shuffle(np.arange(n))`. */
export function numpyShuffledRange(n: number, seed: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  new NumpyRandomState(seed).shuffle(order);
  return order;
}
