import type { Backend } from './backend';

/**
 * Backends by name. The active one is chosen by `setBackend`, else by LAMINA_BACKEND, else the
 * highest-priority registered one, else @lamina/backend-cpu if it can be loaded.
 */
interface Entry { factory: () => Backend; priority: number; instance?: Backend }

const entries = new Map<string, Entry>();
let active: Backend | null = null;
const listeners: Array<(b: Backend) => void> = [];

export function registerBackend(name: string, factory: () => Backend, priority = 1): void {
  const old = entries.get(name);
  if (old?.instance && old.instance === active) return; // never swap the active one from under live tensors
  entries.set(name, { factory, priority });
}

export function registeredBackends(): string[] {
  return [...entries.keys()];
}

function instantiate(name: string): Backend {
  const entry = entries.get(name);
  if (!entry) {
    const known = registeredBackends();
    throw new Error(
      `Unknown backend '${name}'. Registered backends: ${known.length ? known.map((k) => `'${k}'`).join(', ') : '(none)'}. ` +
        `Import the backend package first (e.g. import '@lamina/backend-${name}') so it registers itself.`,
    );
  }
  entry.instance ??= entry.factory();
  return entry.instance;
}

/** Make `backend` (a registered name or an instance) the active backend. */
export function setBackend(backend: string | Backend): Backend {
  const next = typeof backend === 'string' ? instantiate(backend) : backend;
  if (next !== active) {
    active = next;
    for (const l of listeners) l(next);
  }
  return next;
}

/** Called whenever the active backend changes (the engine resets its caches). */
export function onBackendChange(listener: (b: Backend) => void): void {
  listeners.push(listener);
}

/** Load @lamina/backend-NAME from wherever the user's program can see it (it registers itself). */
function tryLoadBackendPackage(name: string): void {
  if (entries.has(name)) return;
  const pkg = `@lamina/backend-${name}`;
  const candidates: Array<string | undefined> = [undefined, process.cwd(), require.main?.path];
  for (const from of candidates) {
    try {
      const id = from ? require.resolve(pkg, { paths: [from] }) : pkg;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(id);
      if (entries.has(name)) return;
    } catch {
      // not installed where we looked; try the next place
    }
  }
}

export function getBackend(): Backend {
  if (active) return active;
  const fromEnv = typeof process !== 'undefined' ? process.env.LAMINA_BACKEND : undefined;
  if (fromEnv) {
    tryLoadBackendPackage(fromEnv);
    return setBackend(fromEnv);
  }
  if (entries.size === 0) tryLoadBackendPackage('cpu');
  const best = [...entries.entries()].sort((a, b) => b[1].priority - a[1].priority)[0];
  if (!best) {
    throw new Error(
      'No Lamina backend is available. Install one: `npm install @lamina/backend-cpu` (works everywhere) ' +
        "or `npm install @lamina/backend-tfjs`, then import it once (import '@lamina/backend-cpu').",
    );
  }
  return setBackend(best[0]);
}
