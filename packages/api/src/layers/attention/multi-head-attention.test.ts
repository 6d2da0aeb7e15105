import { multiHeadAttention } from './index';
import { layerTest, seededValues } from '../__tests__/layer-test';
import { Tensor, tensor } from '../../index';
import { input } from '../../models';
import type { SymbolicTensor } from '../base/symbolic';

const [B, TQ, TK, D, H, KD, VD] = [2, 3, 5, 4, 2, 3, 2];

/** Per head: softmax(Q K^T / sqrt(keyDim)) V, then the output projection; plain JS. */
function mhaRef(q: number[], v: number[], w: number[][], mask?: number[]): { out: number[]; scores: number[] } {
  const [qK, qB, kK, kB, vK, vB, oK, oB] = w as number[][];
  // x[b, t, :] · K[:, h, j] + bias[h, j]
  const proj = (x: number[], T: number, K: number[], bias: number[], size: number, b: number, h: number, t: number, j: number): number => {
    let s = bias[h * size + j]!;
    for (let d = 0; d < D; d++) s += x[(b * T + t) * D + d]! * K[(d * H + h) * size + j]!;
    return s;
  };
  const out: number[] = [];
  const scores: number[] = [];
  const ctx: number[][][][] = []; // [b][h][t][j]
  for (let b = 0; b < B; b++) {
    ctx.push([]);
    for (let h = 0; h < H; h++) {
      const rows: number[][] = [];
      for (let t = 0; t < TQ; t++) {
        const logits = Array.from({ length: TK }, (_, s) => {
          let dot = 0;
          for (let j = 0; j < KD; j++) dot += proj(q, TQ, qK!, qB!, KD, b, h, t, j) * proj(v, TK, kK!, kB!, KD, b, h, s, j);
          const keep = mask ? mask[(b * TQ + t) * TK + s]! : 1;
          return dot / Math.sqrt(KD) + (keep ? 0 : -1e9);
        });
        const m = Math.max(...logits);
        const e = logits.map((l) => Math.exp(l - m));
        const p = e.map((x) => x / e.reduce((a, c) => a + c, 0));
        scores.push(...p);
        rows.push(Array.from({ length: VD }, (_, j) => p.reduce((acc, ps, s) => acc + ps * proj(v, TK, vK!, vB!, VD, b, h, s, j), 0)));
      }
      ctx[b]!.push(rows);
    }
    for (let t = 0; t < TQ; t++) {
      for (let e = 0; e < D; e++) {
        let s = oB![e]!;
        for (let h = 0; h < H; h++) for (let j = 0; j < VD; j++) s += ctx[b]![h]![t]![j]! * oK![(h * VD + j) * D + e]!;
        out.push(s);
      }
    }
  }
  return { out, scores };
}

layerTest('multiHeadAttention [query, value]', {
  make: () => multiHeadAttention({ numHeads: H, keyDim: KD, valueDim: VD }),
  inputShapes: [[B, TQ, D], [B, TK, D]],
  expectedShape: [B, TQ, D],
  reference: ([q, v], w) => mhaRef(q!, v!, w).out,
});

describe('multiHeadAttention details', () => {
  const make = () => multiHeadAttention({ numHeads: H, keyDim: KD, valueDim: VD, biasInitializer: 'ones' });
  const q = tensor(Float32Array.from(seededValues(B * TQ * D, 1)), [B, TQ, D]);
  const v = tensor(Float32Array.from(seededValues(B * TK * D, 2)), [B, TK, D]);
  afterAll(() => [q, v].forEach((t) => t.dispose()));
  const maskValues = seededValues(B * TQ * TK, 3).map((x, i) => (x > 0 || i % TK === 0 ? 1 : 0));

  test('Keras 3 weight layout and order', () => {
    const l = multiHeadAttention({ numHeads: H, keyDim: KD, valueDim: VD, outputShape: 6, name: 'mha' });
    const y = l.apply([input({ shape: [TQ, D] }), input({ shape: [TK, 7] })]) as SymbolicTensor;
    expect(y.shape).toEqual([null, TQ, 6]);
    expect(l.weights.map((w) => [w.name, w.shape])).toEqual([
      ['mha/query/kernel', [D, H, KD]], ['mha/query/bias', [H, KD]], ['mha/key/kernel', [7, H, KD]], ['mha/key/bias', [H, KD]],
      ['mha/value/kernel', [7, H, VD]], ['mha/value/bias', [H, VD]], ['mha/attention_output/kernel', [H, VD, 6]], ['mha/attention_output/bias', [6]],
    ]);
  });

  test('attention mask and returned scores match the reference', () => {
    const l = make();
    const mask = tensor(Float32Array.from(maskValues), [B, TQ, TK]);
    const [out, scores] = l.apply([q, v], { attentionMask: mask, returnAttentionScores: true }) as Tensor[];
    const ref = mhaRef(Array.from(q.dataSync()), Array.from(v.dataSync()), l.getWeights().map((w) => Array.from(w.dataSync())), maskValues);
    expect(scores!.shape).toEqual([B, H, TQ, TK]);
    Array.from(scores!.dataSync()).forEach((s, i) => expect(s).toBeCloseTo(ref.scores[i]!, 5));
    Array.from(out!.dataSync()).forEach((s, i) => expect(s).toBeCloseTo(ref.out[i]!, 4));
    // masked positions get no weight
    const sc = scores!.dataSync();
    for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) for (let t = 0; t < TQ; t++) for (let s = 0; s < TK; s++) {
      if (!maskValues[(b * TQ + t) * TK + s]) expect(sc[((b * H + h) * TQ + t) * TK + s]).toBe(0);
    }
    [mask, out!, scores!].forEach((t) => t.dispose());
    l.dispose();
  });

  test('returnAttentionScores in a symbolic graph gives both shapes', () => {
    const l = make();
    const outs = l.apply([input({ shape: [TQ, D] }), input({ shape: [TK, D] })], { returnAttentionScores: true }) as SymbolicTensor[];
    expect(outs.map((o) => o.shape)).toEqual([[null, TQ, D], [null, H, TQ, TK]]);
  });

  test('a separate key, dropout in training only, clear errors', () => {
    const l = multiHeadAttention({ numHeads: 1, keyDim: 2, dropout: 0.5 });
    const k = tensor(Float32Array.from(seededValues(B * TK * D, 9)), [B, TK, D]);
    const a = l.apply([q, v, k]) as Tensor;
    const b2 = l.apply([q, v, k]) as Tensor;
    const t = l.apply([q, v, k], { training: true }) as Tensor;
    expect(Array.from(a.dataSync())).toEqual(Array.from(b2.dataSync()));
    expect(Array.from(t.dataSync())).not.toEqual(Array.from(a.dataSync()));
    expect(() => l.apply([q, v], { attentionMask: tensor([1, 0]) })).toThrow(/attentionMask must have shape \[2,3,5\]/);
    expect(() => l.apply(q)).toThrow(/\[query, value\]/);
    expect(() => multiHeadAttention({ numHeads: 2 } as never)).toThrow(/multiHeadAttention: invalid options:[\s\S]*'keyDim'/);
    expect(() => multiHeadAttention({ numHeads: 2, keyDim: 2, attentionAxes: [2] as never })).toThrow(/'attentionAxes'/);
    [k, a, b2, t].forEach((x) => x.dispose());
    l.dispose();
  });
});
