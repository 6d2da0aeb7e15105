/** Median wall time of `fn` over `iters` runs after `warmup` runs (ms). */
export async function timeIt(fn: () => unknown | Promise<unknown>, { warmup = 2, iters = 7 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iters; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface Row { name: string; lamina: number; peer: number }

export function table(rows: Row[], peer: string): string {
  const head = `| case | Lamina (ms) | ${peer} (ms) | peer / Lamina |\n| --- | ---: | ---: | ---: |`;
  const body = rows.map((r) => `| ${r.name} | ${r.lamina.toFixed(2)} | ${r.peer.toFixed(2)} | ${(r.peer / r.lamina).toFixed(2)}x |`);
  return [head, ...body].join('\n');
}
