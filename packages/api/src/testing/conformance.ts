import type { Backend } from '../backend/backend';
import { setBackend } from '../backend/registry';
import { runGradientConformance } from './conformance-gradients';
import { runMemoryConformance } from './conformance-memory';
import { runValueConformance } from './conformance-values';

/**
 * The backend contract as tests: kernel values, every gradient rule against finite
 * differences, and memory ownership. A backend runs it with one line in a jest file:
 *   runConformanceSuite('cpu', () => createCpuBackend());
 */
export function runConformanceSuite(name: string, createBackend: () => Backend): void {
  describe(`conformance: ${name}`, () => {
    let backend: Backend;
    beforeAll(() => {
      backend = createBackend();
      setBackend(backend);
    });
    afterAll(() => backend.close?.());
    runValueConformance();
    runGradientConformance();
    runMemoryConformance(() => backend);
  });
}
