import '@lamina/backend-cpu';
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setSeed, memory } from '../../index';
import { blobs, Mlp, oneHotRows } from '../__tests__/mlp';
import { compileModel, fitModel, getOptimizer, evaluateModel, predictModel } from '../index';
import { dispose } from '../../engine/scope';
import * as C from './index';
import { crc32c, maskedCrc32c } from './tensorboard';
import type { Tensor } from '../../tensor/tensor';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'lamina-cb-'));
const data = blobs(60, 2);
const X = data.x;
const Y = oneHotRows(data.labels, 2);

function model(lr = 0.05): Mlp {
  const m = new Mlp(2, 2, { activation: 'softmax' });
  compileModel(m, { optimizer: `sgd`, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  (getOptimizer(m) as { learningRate: number }).learningRate = lr;
  return m;
}

/** Feeds scripted val_loss values so callbacks see a known sequence. */
const script = (values: number[]) => ({ onEpochEnd: (e: number, logs?: Record<string, number>) => { logs!.val_loss = values[e]!; } });

describe('callbacks in a real fit', () => {
  beforeEach(() => setSeed(11));

  test('every hook of a custom callback runs, in order, as object and as class', async () => {
    const m = model();
    const seen: string[] = [];
    const hooks = ['onTrainBegin', 'onTrainEnd', 'onEpochBegin', 'onEpochEnd', 'onBatchBegin', 'onBatchEnd', 'onTestBegin', 'onTestEnd', 'onTestBatchBegin', 'onTestBatchEnd'];
    const obj = Object.fromEntries(hooks.map((h) => [h, async () => { seen.push(h); }]));
    class Counter extends C.Callback {
      batches = 0;
      override onBatchEnd(): void { this.batches++; }
    }
    const counter = new Counter();
    await fitModel(m, X, Y, { epochs: 2, batchSize: 30, verbose: 0, validationData: [X, Y], callbacks: [obj, counter] });
    expect(seen.filter((h) => h === 'onBatchEnd')).toHaveLength(4);
    expect(seen.filter((h) => h === 'onTestBatchEnd')).toHaveLength(4);
    expect(seen[0]).toBe('onTrainBegin');
    expect(seen[seen.length - 1]).toBe('onTrainEnd');
    expect(counter.batches).toBe(4);
    expect(counter.model).toBe(m);
    expect(counter.params.epochs).toBe(2);
    const pseen: string[] = [];
    const p = await predictModel(m, X, { batchSize: 25, callbacks: { onPredictBegin: () => { pseen.push('b'); }, onPredictBatchEnd: () => { pseen.push('x'); }, onPredictEnd: () => { pseen.push('e'); } } });
    expect(pseen).toEqual(['b', 'x', 'x', 'x', 'e']);
    dispose(p);
    m.dispose();
  });

  test('earlyStopping: patience, minDelta, restoreBestWeights, baseline, startFromEpoch', async () => {
    const m = model();
    const es = C.earlyStopping({ monitor: 'val_loss', patience: 2, restoreBestWeights: true });
    let bestWeights: number[][] = [];
    const grab = { onEpochEnd: (e: number) => { if (e === 1) bestWeights = m.trainableWeights.map((w) => Array.from(w.dataSync())); } };
    const h = await fitModel(m, X, Y, { epochs: 10, verbose: 0, callbacks: [script([1, 0.5, 0.6, 0.7, 0.2]), grab, es] });
    expect(h.epoch).toEqual([0, 1, 2, 3]);
    expect(es.bestEpoch).toBe(1);
    expect(m.trainableWeights.map((w) => Array.from(w.dataSync()))).toEqual(bestWeights);
    const es2 = C.earlyStopping({ patience: 1, minDelta: 0.2 });
    expect((await fitModel(m, X, Y, { epochs: 10, verbose: 0, callbacks: [script([1, 0.9, 0.85, 0.1]), es2] })).epoch).toEqual([0, 1]);
    // baseline 0.3 never beaten: the first epoch does not reset the wait, so it stops after patience epochs
    const es3 = C.earlyStopping({ patience: 2, baseline: 0.3 });
    expect((await fitModel(m, X, Y, { epochs: 10, verbose: 0, callbacks: [script([1, 1, 1, 1]), es3] })).epoch).toEqual([0, 1]);
    const es4 = C.earlyStopping({ patience: 0, startFromEpoch: 3 });
    expect((await fitModel(m, X, Y, { epochs: 10, verbose: 0, callbacks: [script([1, 2, 3, 4, 5, 6]), es4] })).epoch).toEqual([0, 1, 2, 3, 4]);
    m.dispose();
  });

  test('reduceLROnPlateau and learningRateScheduler change the optimizer learning rate', async () => {
    const m = model(0.1);
    const r = C.reduceLROnPlateau({ patience: 1, factor: 0.5, minLr: 0.03 });
    const h = await fitModel(m, X, Y, { epochs: 5, verbose: 0, callbacks: [script([1, 1, 1, 1, 1]), r] });
    // logged before the epoch's reduction, as Keras; never below minLr
    expect(h.history.learning_rate).toEqual([0.1, 0.1, 0.05, 0.03, 0.03]);
    const s = C.learningRateScheduler((epoch) => 0.1 / (epoch + 1));
    const h2 = await fitModel(m, X, Y, { epochs: 3, verbose: 0, callbacks: [s] });
    expect(h2.history.learning_rate!.map((v) => +v.toFixed(6))).toEqual([0.1, 0.05, 0.033333]);
    m.dispose();
  });

  test('terminateOnNaN stops at the first non-finite loss', async () => {
    const m = new Mlp(2, 2); // linear output + mse + huge lr: diverges to inf/NaN
    compileModel(m, { optimizer: 'sgd', loss: 'mse' });
    (getOptimizer(m) as { learningRate: number }).learningRate = 1e4;
    const big = X.map(([a, b]) => [a! * 1e3, b! * 1e3]);
    const batches: number[] = [];
    const h = await fitModel(m, big, Y, { epochs: 5, batchSize: 10, verbose: 0, callbacks: [{ onBatchEnd: (b: number) => { batches.push(b); } }, C.terminateOnNaN()] });
    expect(h.epoch).toEqual([0]);
    expect(Number.isFinite(h.history.loss![0]!)).toBe(false);
    expect(batches.length).toBeLessThan(6);
    m.dispose();
  });

  test('csvLogger writes a header and one row per epoch', async () => {
    const m = model();
    const file = path.join(tmp(), 'log.csv');
    const h = await fitModel(m, X, Y, { epochs: 3, verbose: 0, validationSplit: 0.2, callbacks: [C.csvLogger(file)] });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('epoch,accuracy,loss,val_accuracy,val_loss');
    expect(lines).toHaveLength(4);
    expect(Number(lines[3]!.split(',')[2])).toBeCloseTo(h.history.loss![2]!, 5);
    m.dispose();
  });

  test('modelCheckpoint: best only, {epoch} names, default weights files, custom save hook', async () => {
    const m = model();
    const dir = tmp();
    const calls: string[] = [];
    const ck = C.modelCheckpoint(path.join(dir, 'm-{epoch}'), { saveBestOnly: true, save: async (_m, p) => { calls.push(p); } });
    await fitModel(m, X, Y, { epochs: 4, verbose: 0, callbacks: [script([1, 2, 0.5, 0.7]), ck] });
    expect(calls.map((c) => path.basename(c))).toEqual(['m-1', 'm-3']);
    const ck2 = C.modelCheckpoint(path.join(dir, 'w'));
    await fitModel(m, X, Y, { epochs: 1, verbose: 0, callbacks: [ck2] });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'w.json'), 'utf8'));
    expect(manifest.weights.map((w: { shape: number[] }) => w.shape)).toEqual(m.trainableWeights.map((w) => w.shape));
    const bin = new Float32Array(Uint8Array.from(readFileSync(path.join(dir, 'w.bin'))).buffer);
    expect(Array.from(bin.subarray(0, 3))).toEqual(Array.from(m.trainableWeights[0]!.dataSync().subarray(0, 3)));
    expect(readdirSync(dir).some((f) => f.includes('.tmp-'))).toBe(false);
    m.dispose();
  });

  test('progress: one line per epoch off a TTY; a bar with ETA on a TTY; silent at verbose 0', async () => {
    const m = model();
    const out: string[] = [];
    const plain = new C.ProgressLogger(1, { stream: { write: (s: string) => out.push(s), isTTY: false } });
    await fitModel(m, X, Y, { epochs: 2, batchSize: 20, verbose: 0, callbacks: [plain] });
    expect(out.join('')).toMatch(/^Epoch 1\/2\n3\/3 - \S+ - loss: \d\.\d{4} - accuracy: \d\.\d{4}\nEpoch 2\/2\n/);
    const tty: string[] = [];
    const bar = new C.ProgressLogger(1, { stream: { write: (s: string) => tty.push(s), isTTY: true }, width: 10 });
    await fitModel(m, X, Y, { epochs: 1, batchSize: 20, verbose: 0, callbacks: [bar] });
    expect(tty.some((s) => /^\r2\/3 \[=====>\.\.\.\.\] - ETA: \S+ - loss: \d\.\d{4} - accuracy/.test(s))).toBe(true);
    m.dispose();
  });

  test('tensorBoard writes valid TFRecords of Event protos with epoch and batch scalars', async () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283); // the CRC-32C check value
    const m = model();
    const dir = tmp();
    const tb = C.tensorBoard(dir, { updateFreq: 'batch' });
    const h = await fitModel(m, X, Y, { epochs: 2, batchSize: 30, verbose: 0, validationData: [X, Y], callbacks: [tb] });
    const readRecords = (file: string): Uint8Array[] => {
      const buf = new Uint8Array(readFileSync(file));
      const dv = new DataView(buf.buffer, buf.byteOffset);
      const recs: Uint8Array[] = [];
      for (let o = 0; o < buf.length;) {
        const len = Number(dv.getBigUint64(o, true));
        expect(dv.getUint32(o + 8, true)).toBe(maskedCrc32c(buf.subarray(o, o + 8)));
        const rec = buf.subarray(o + 12, o + 12 + len);
        expect(dv.getUint32(o + 12 + len, true)).toBe(maskedCrc32c(rec));
        recs.push(rec);
        o += 16 + len;
      }
      return recs;
    };
    // minimal protobuf reader for Event { 1: double, 2: varint, 3: string, 5: Summary { 1: Value { 1: tag, 2: float } } }
    const parse = (b: Uint8Array): Record<number, unknown[]> => {
      const out: Record<number, unknown[]> = {};
      const dv = new DataView(b.buffer, b.byteOffset, b.length);
      let o = 0;
      const varint = (): number => { let r = 0, s = 0, x; do { x = b[o++]!; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
      while (o < b.length) {
        const key = varint(); const f = key >> 3; const wt = key & 7;
        let v: unknown;
        if (wt === 0) v = varint();
        else if (wt === 1) { v = dv.getFloat64(o, true); o += 8; }
        else if (wt === 5) { v = dv.getFloat32(o, true); o += 4; }
        else { const n = varint(); v = b.subarray(o, o + n); o += n; }
        (out[f] ??= []).push(v);
      }
      return out;
    };
    const scalarsOf = (file: string) => readRecords(file).slice(1).map((r) => {
      const e = parse(r);
      const vals = parse(e[5]![0] as Uint8Array)[1]!.map((v) => parse(v as Uint8Array));
      return { step: (e[2]?.[0] as number) ?? 0, values: Object.fromEntries(vals.map((v) => [new TextDecoder().decode(v[1]![0] as Uint8Array), v[2]![0] as number])) };
    });
    const [trainFile, valFile] = tb.files;
    const first = parse(readRecords(trainFile!)[0]!);
    expect(new TextDecoder().decode(first[3]![0] as Uint8Array)).toBe('brain.Event:2');
    const train = scalarsOf(trainFile!);
    const epochs = train.filter((s) => 'epoch_loss' in s.values);
    expect(epochs.map((s) => s.step)).toEqual([0, 1]);
    expect(epochs[1]!.values.epoch_loss).toBeCloseTo(h.history.loss![1]!, 5);
    expect(epochs[1]!.values.epoch_accuracy).toBeCloseTo(h.history.accuracy![1]!, 5);
    expect(train.filter((s) => 'batch_loss' in s.values).map((s) => s.step)).toEqual([1, 2, 3, 4]);
    const val = scalarsOf(valFile!);
    expect(val.map((s) => s.values.epoch_loss)).toEqual(h.history.val_loss!.map(Math.fround));
    expect(existsSync(path.join(dir, 'validation'))).toBe(true);
    m.dispose();
  });

  test('callbacks leak nothing (earlyStopping with restoreBestWeights, evaluate inside a callback)', async () => {
    const m = model();
    await fitModel(m, X, Y, { epochs: 1, verbose: 0 });
    const before = memory().numTensors;
    const evalCb = { onEpochEnd: async () => { dispose((await evaluateModel(m, X, Y)) as Tensor[]); } };
    await fitModel(m, X, Y, { epochs: 3, verbose: 0, callbacks: [script([1, 0.5, 0.7]), C.earlyStopping({ restoreBestWeights: true, patience: 5 }), evalCb] });
    expect(memory().numTensors).toBe(before);
    expect(memory().numDataHandles).toBe(before);
    m.dispose();
  });
});
