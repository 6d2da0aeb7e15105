import { ArrayTensor } from '../types';

export interface PadSequencesOptions {
  /** Output length (default: the longest sequence). */
  maxLen?: number;
  /** Pad at the start ('pre', default, as Keras) or the end ('post'). */
  padding?: 'pre' | 'post';
  /** Cut long sequences at the start ('pre', default) or the end ('post'). */
  truncating?: 'pre' | 'post';
  /** Padding value (default 0). */
  value?: number;
}

/** Pads/truncates sequences to one length (keras.utils.pad_sequences): int32 [n, maxLen]. */
export function padSequences(sequences: readonly ArrayLike<number>[], options: PadSequencesOptions = {}): ArrayTensor {
  const maxLen = options.maxLen ?? sequences.reduce((m, s) => Math.max(m, s.length), 0);
  if (!Number.isInteger(maxLen) || maxLen < 0) throw new Error(`padSequences: maxLen must be an integer >= 0, got ${maxLen}.`);
  const out = new Int32Array(sequences.length * maxLen).fill(options.value ?? 0);
  sequences.forEach((seq, i) => {
    const keep = Math.min(seq.length, maxLen);
    const from = options.truncating === 'post' ? 0 : seq.length - keep;
    const to = options.padding === 'post' ? 0 : maxLen - keep;
    for (let k = 0; k < keep; k++) out[i * maxLen + to + k] = seq[from + k];
  });
  return { data: out, shape: [sequences.length, maxLen] };
}
