import { uniqueLayerName } from '../base/layer';
import { rnnOptionKeys, type RNNOptions } from './rnn';

/**
 * simpleRNN/lstm/gru take the cell's and the loop's options in one flat object (tfjs style).
 * Split them, and name the cell after the layer so weights read 'lstm_1/lstm_cell/kernel'.
 */
export function splitLayerArgs<C extends Record<string, unknown>>(
  c: C, className: string, cellSuffix: string,
): { loop: RNNOptions; cell: Record<string, unknown> } {
  const loop: Record<string, unknown> = {};
  const cell: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (v === undefined) continue;
    (rnnOptionKeys.includes(k) ? loop : cell)[k] = v;
  }
  const name = (loop['name'] as string | undefined) ?? uniqueLayerName(className);
  loop['name'] = name;
  cell['name'] = `${name}/${cellSuffix}`;
  if (loop['dtype'] !== undefined) cell['dtype'] = loop['dtype'];
  return { loop: loop as RNNOptions, cell };
}

/** A cell's config without what belongs to the layer (its name, trainable, dtype). */
export function cellOptionsOf(config: Record<string, unknown>): Record<string, unknown> {
  const { name: _n, trainable: _t, dtype: _d, batchInputShape: _b, ...rest } = config;
  return rest;
}
