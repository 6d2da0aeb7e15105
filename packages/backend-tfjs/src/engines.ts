import * as tf from '@tensorflow/tfjs-core';

/**
 * The tfjs engines Lamina can run on, best first, and how to load one. Each engine is an
 * optional peer dependency: the first one that `require` finds wins, unless the caller names one.
 */
export type EngineName = 'node-gpu' | 'node' | 'wasm' | 'cpu';

export interface EngineSpec {
  readonly name: EngineName;
  /** The npm package that registers the engine with tfjs-core when required. */
  readonly pkg: string;
  /** The name tfjs-core knows the engine by (`tf.getBackend()`). */
  readonly tfBackend: string;
  readonly install: string;
}

export const ENGINES: readonly EngineSpec[] = [
  {
    name: 'node-gpu', pkg: '@tensorflow/tfjs-node-gpu', tfBackend: 'tensorflow',
    install: 'npm install @tensorflow/tfjs-node-gpu@4.22.0 (Linux x64 with an NVIDIA GPU, driver >= 450, CUDA 11.2 and cuDNN 8.1; the install downloads libtensorflow)',
  },
  {
    name: 'node', pkg: '@tensorflow/tfjs-node', tfBackend: 'tensorflow',
    install: 'npm install @tensorflow/tfjs-node@4.22.0 (the install downloads libtensorflow)',
  },
  { name: 'wasm', pkg: '@tensorflow/tfjs-backend-wasm', tfBackend: 'wasm', install: 'npm install @tensorflow/tfjs-backend-wasm@4.22.0' },
  { name: 'cpu', pkg: '@tensorflow/tfjs-backend-cpu', tfBackend: 'cpu', install: 'npm install @tensorflow/tfjs-backend-cpu@4.22.0' },
];

const NAMES = ENGINES.map((e) => `'${e.name}'`).join(', ');

export function engineSpec(name: string): EngineSpec {
  const spec = ENGINES.find((e) => e.name === name || e.pkg === name);
  if (!spec) throw new Error(`Unknown tfjs engine '${name}'. Known engines, best first: ${NAMES}.`);
  return spec;
}

function isInstalled(spec: EngineSpec): boolean {
  try {
    require.resolve(spec.pkg);
    return true;
  } catch {
    return false;
  }
}

/** The engine to use: the one asked for (option, then LAMINA_TFJS_ENGINE), else the best installed. */
export function chooseEngine(requested?: string): EngineSpec {
  const asked = requested ?? (typeof process !== 'undefined' ? process.env.LAMINA_TFJS_ENGINE : undefined);
  if (asked) {
    const spec = engineSpec(asked);
    if (!isInstalled(spec)) {
      throw new Error(
        `The tfjs engine '${spec.name}' was requested${requested ? '' : ' (LAMINA_TFJS_ENGINE)'} but ${spec.pkg} is not installed. ` +
          `Install it: ${spec.install}. Or pick an installed engine from ${NAMES}.`,
      );
    }
    return spec;
  }
  const found = ENGINES.find(isInstalled);
  if (!found) {
    throw new Error(
      `@lamina/backend-tfjs found no tfjs engine. Install one, best first:\n` +
        ENGINES.map((e) => `  ${e.name}: ${e.install}`).join('\n'),
    );
  }
  return found;
}

/** Loads the engine's package (it registers itself with tfjs-core) and activates it. */
export function loadEngine(spec: EngineSpec): Promise<void> {
  if (!tf.findBackendFactory(spec.tfBackend)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(spec.pkg);
    } catch (e) {
      throw new Error(`Loading the tfjs engine '${spec.name}' (${spec.pkg}) failed: ${(e as Error).message}. Reinstall it: ${spec.install}.`);
    }
  }
  if (!tf.findBackendFactory(spec.tfBackend)) {
    throw new Error(
      `${spec.pkg} loaded but did not register the tfjs backend '${spec.tfBackend}' with this copy of @tensorflow/tfjs-core. ` +
        'Make sure it and @tensorflow/tfjs-core are both version 4.22.0.',
    );
  }
  // Synchronous for cpu and tensorflow backends (their factories are sync); wasm resolves later.
  const switched = tf.setBackend(spec.tfBackend);
  if (spec.tfBackend === 'cpu') silenceNodeHint();
  return switched.then((ok) => {
    if (!ok) throw new Error(`tfjs could not initialise the '${spec.name}' engine (${spec.pkg}); see the messages above.`);
    if (spec.name === 'node-gpu') warnIfNotOnGpu();
  });
}

/** tfjs-backend-cpu prints an advert for tfjs-node on first use; Lamina users chose their engine. */
function silenceNodeHint(): void {
  const b = tf.findBackend('cpu') as unknown as { firstUse?: boolean } | null;
  if (b && 'firstUse' in b) b.firstUse = false;
}

let warnedCpuFallback = false;

/**
 * tfjs-node-gpu silently runs on the CPU when CUDA or cuDNN cannot be loaded. Its backend
 * reports the device it got (`isUsingGpuDevice`, set from the native binding's device query).
 */
export function onGpu(): boolean | undefined {
  const b = tf.backend() as unknown as {
    isUsingGpuDevice?: boolean;
    binding?: { isUsingGpuDevice?: () => boolean };
  };
  if (typeof b.isUsingGpuDevice === 'boolean') return b.isUsingGpuDevice;
  if (typeof b.binding?.isUsingGpuDevice === 'function') return b.binding.isUsingGpuDevice();
  return undefined;
}

function warnIfNotOnGpu(): void {
  if (warnedCpuFallback || onGpu() !== false) return;
  warnedCpuFallback = true;
  console.warn(
    '\n[lamina/backend-tfjs] WARNING: @tensorflow/tfjs-node-gpu loaded but TensorFlow found no usable GPU, so it is running ON THE CPU.\n' +
      '  tfjs-node-gpu 4.22 needs an NVIDIA driver >= 450, CUDA 11.2 (libcudart.so.11.0) and cuDNN 8.1 (libcudnn.so.8) on LD_LIBRARY_PATH.\n' +
      '  The TensorFlow log lines above ("Could not load dynamic library ...") name the missing library.\n',
  );
}
