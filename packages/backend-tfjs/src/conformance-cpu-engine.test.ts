import '@lamina/api'; // installs the Tensor method chain the suite uses
import { runConformanceSuite } from '@lamina/api/testing';
import { createTfjsBackend } from './tfjs-backend';

runConformanceSuite('tfjs (cpu engine)', () => createTfjsBackend({ engine: 'cpu' }));
