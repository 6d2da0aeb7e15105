// `pnpm bench`: Lamina vs the peer on the same machine, in the same run; prints a markdown table.
import { kernelRows } from './kernels';
import { table } from './timing';

async function main(): Promise<void> {
  const rows = await kernelRows();
  console.log(`\nLamina backend-cpu vs @tensorflow/tfjs 4.22 on its cpu backend (median of 7 runs)\n`);
  console.log(table(rows, 'tfjs cpu'));
}

void main();
