import { z } from 'zod';
import { Layer } from '../base/layer';
import { deserializeLayer } from '../base/serialization';

/** A wrapped layer: an instance, or its {className, config} when loading. */
export const wrappedLayerOpt = z.union([
  z.instanceof(Layer),
  z.object({ className: z.string(), config: z.record(z.unknown()) }),
]);

export const toLayer = (l: z.infer<typeof wrappedLayerOpt>): Layer => (l instanceof Layer ? l : deserializeLayer(l));
