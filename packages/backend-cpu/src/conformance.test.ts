import { runConformanceSuite } from '@lamina/api/testing';
import { createCpuBackend } from './index';

runConformanceSuite('backend-cpu', createCpuBackend);
