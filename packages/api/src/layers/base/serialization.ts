import type { Layer } from './layer';

/** A layer class as the registry needs it: its name and a way to rebuild from a config. */
export interface LayerClass {
  className: string;
  fromConfig?(config: Record<string, unknown>): Layer;
  new (config: never): Layer;
}

const registry = new Map<string, LayerClass>();

/** Register a layer class so configs naming it deserialize (custom layers too). */
export function registerClass(cls: LayerClass): void {
  if (!cls.className || cls.className === 'Layer') {
    throw new Error(`registerClass: the class needs its own static className (got '${cls.className}').`);
  }
  registry.set(cls.className, cls);
}

export function registerLayer(className: string, ctor: LayerClass): void {
  registry.set(className, ctor);
}

export function getRegisteredClass(className: string): LayerClass {
  const cls = registry.get(className);
  if (!cls) {
    throw new Error(
      `Unknown layer class '${className}'. Register custom layers with registerLayer('${className}', MyLayer) ` +
        `(or serialization.registerClass(MyLayer)) before loading. Known: ${[...registry.keys()].sort().join(', ')}.`,
    );
  }
  return cls;
}

/** Build a layer from {className, config} (tfjs style, camelCase). */
export function deserializeLayer(spec: { className: string; config: Record<string, unknown> }): Layer {
  const cls = getRegisteredClass(spec.className);
  return cls.fromConfig ? cls.fromConfig(spec.config) : new cls(spec.config as never);
}

export function serializeLayer(layer: Layer): { className: string; config: Record<string, unknown> } {
  return { className: layer.getClassName(), config: layer.getConfig() };
}
