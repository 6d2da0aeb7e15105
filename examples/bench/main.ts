// `pnpm bench`: Lamina vs the peer on the same machine, in the same run; prints a markdown table.
import { fitRows } from './fit';
import { kernelRows } from './kernels';
import { table } from './timing';

async function main(): Promise<void> {
  const rows = [...(await kernelRows()), ...(await fitRows())];
  console.log(`\nLamina backend-cpu vs @tensorflow/tfjs 4.22 (tfjs-core + tfjs-layers) on its cpu backend (median of runs)\n`);
  console.log(table(rows, 'tfjs cpu'));
}

void main();
