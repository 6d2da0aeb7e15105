/** Plain-JS reference computations for layer tests (independent of the library's ops). */

/** TensorFlow padding rule for one axis: output size and leading pad. */
export function axisGeom(inSize: number, k: number, s: number, d: number, padding: 'valid' | 'same' | 'causal'): { out: number; before: number } {
  const eff = (k - 1) * d + 1;
  if (padding === 'same') {
    const out = Math.ceil(inSize / s);
    return { out, before: Math.floor(Math.max((out - 1) * s + eff - inSize, 0) / 2) };
  }
  if (padding === 'causal') return { out: Math.floor((inSize + eff - 1 - eff) / s) + 1, before: eff - 1 };
  return { out: Math.floor((inSize - eff) / s) + 1, before: 0 };
}

/** x [b,h,w,c], k [kh,kw,c,f] -> [b,oh,ow,f]. */
export function conv2dRef(
  x: number[], [b, h, w, c]: number[], k: number[], [kh, kw, , f]: number[],
  stride: [number, number], padding: 'valid' | 'same' | 'causal', dil: [number, number] = [1, 1], bias?: number[],
): number[] {
  const gh = axisGeom(h, kh, stride[0], dil[0], padding === 'causal' ? 'valid' : padding);
  const gw = axisGeom(w, kw, stride[1], dil[1], padding);
  const out: number[] = [];
  for (let n = 0; n < b; n++) for (let i = 0; i < gh.out; i++) for (let j = 0; j < gw.out; j++) for (let o = 0; o < f!; o++) {
    let s = bias ? bias[o]! : 0;
    for (let a = 0; a < kh; a++) for (let bb = 0; bb < kw; bb++) {
      const y = i * stride[0] + a * dil[0] - gh.before;
      const xx = j * stride[1] + bb * dil[1] - gw.before;
      if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
      for (let ci = 0; ci < c; ci++) s += x[((n * h + y) * w + xx) * c + ci]! * k[((a * kw + bb) * c + ci) * f! + o]!;
    }
    out.push(s);
  }
  return out;
}

/** Depthwise: k [kh,kw,c,m] -> channels c*m, output channel ci*m + q. */
export function depthwiseRef(x: number[], [b, h, w, c]: number[], k: number[], [kh, kw, , m]: number[], stride: [number, number], padding: 'valid' | 'same'): number[] {
  const gh = axisGeom(h, kh, stride[0], 1, padding);
  const gw = axisGeom(w, kw, stride[1], 1, padding);
  const out: number[] = [];
  for (let n = 0; n < b; n++) for (let i = 0; i < gh.out; i++) for (let j = 0; j < gw.out; j++) for (let ci = 0; ci < c; ci++) for (let q = 0; q < m!; q++) {
    let s = 0;
    for (let a = 0; a < kh; a++) for (let bb = 0; bb < kw; bb++) {
      const y = i * stride[0] + a - gh.before;
      const xx = j * stride[1] + bb - gw.before;
      if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
      s += x[((n * h + y) * w + xx) * c + ci]! * k[((a * kw + bb) * c + ci) * m! + q]!;
    }
    out.push(s);
  }
  return out;
}

/** Pooling over [b,h,w,c]; average excludes padded cells (TensorFlow). */
export function pool2dRef(x: number[], [b, h, w, c]: number[], [ph, pw]: [number, number], stride: [number, number], padding: 'valid' | 'same', kind: 'max' | 'avg'): number[] {
  const gh = axisGeom(h, ph, stride[0], 1, padding);
  const gw = axisGeom(w, pw, stride[1], 1, padding);
  const out: number[] = [];
  for (let n = 0; n < b; n++) for (let i = 0; i < gh.out; i++) for (let j = 0; j < gw.out; j++) for (let ci = 0; ci < c; ci++) {
    let acc = kind === 'max' ? -Infinity : 0;
    let count = 0;
    for (let a = 0; a < ph; a++) for (let bb = 0; bb < pw; bb++) {
      const y = i * stride[0] + a - gh.before;
      const xx = j * stride[1] + bb - gw.before;
      if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
      const v = x[((n * h + y) * w + xx) * c + ci]!;
      acc = kind === 'max' ? Math.max(acc, v) : acc + v;
      count++;
    }
    out.push(kind === 'max' ? acc : acc / count);
  }
  return out;
}

/** Row-major [rows, inner] · [inner, cols]. */
export function matmulRef(a: number[], b: number[], rows: number, inner: number, cols: number): number[] {
  const out = new Array<number>(rows * cols).fill(0);
  for (let r = 0; r < rows; r++) for (let k = 0; k < inner; k++) for (let c = 0; c < cols; c++) out[r * cols + c]! += a[r * inner + k]! * b[k * cols + c]!;
  return out;
}

export const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
export const hardSigmoid = (v: number): number => Math.min(1, Math.max(0, 0.2 * v + 0.5));
