// The README's main job: train a classifier on the bundled MNIST with progress, then report
// test accuracy, time and memory. `pnpm main` runs it; EPOCHS=n shortens or lengthens it.
import * as lm from '@lamina/api';
import '@lamina/backend-cpu';
import { mnist } from '@lamina/datasets';

async function main(): Promise<void> {
  const epochs = Number(process.env.EPOCHS ?? 6);
  lm.setSeed(42);
  const t0 = performance.now();
  const data = mnist.loadSync();
  const toX = (x: { data: Uint8Array | Float32Array | Int32Array; shape: number[] }) => {
    const scaled = new Float32Array(x.data.length);
    for (let i = 0; i < scaled.length; i++) scaled[i] = x.data[i]! / 255;
    return lm.tensor(scaled, [x.shape[0]!, 784]);
  };
  const toY = (y: { data: Uint8Array | Float32Array | Int32Array; shape: number[] }) =>
    lm.tidy(() => lm.oneHot(lm.tensor(Int32Array.from(y.data), [y.shape[0]!], 'int32'), 10));
  const [xTrain, yTrain, xTest, yTest] = [toX(data.train.x), toY(data.train.y), toX(data.test.x), toY(data.test.y)];
  console.log(`MNIST: ${xTrain.shape[0]} train / ${xTest.shape[0]} test images, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const model = lm.sequential({
    layers: [
      lm.layers.dense({ units: 128, activation: 'relu', inputShape: [784] }),
      lm.layers.dropout({ rate: 0.1 }),
      lm.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.summary();
  model.compile({ optimizer: lm.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

  const beforeFit = lm.memory().numTensors;
  const tFit = performance.now();
  const history = await model.fit(xTrain, yTrain, { epochs, batchSize: 64, validationSplit: 0.1, verbose: 1 });
  const fitSeconds = (performance.now() - tFit) / 1000;
  const optimizerState = lm.memory().numTensors - beforeFit; // Adam's moment slots, created on the first step
  const beforeEval = lm.memory().numTensors;
  const [loss, acc] = (await model.evaluate(xTest, yTest, { batchSize: 512 })) as lm.Tensor[];

  console.log('\nTraining report');
  console.log(`  epochs            ${epochs}`);
  console.log(`  final train loss  ${history.history.loss!.at(-1)!.toFixed(4)}`);
  console.log(`  final val acc     ${(Number(history.history.val_acc?.at(-1) ?? history.history.val_accuracy?.at(-1)) * 100).toFixed(2)}%`);
  console.log(`  test loss         ${loss!.scalarValue().toFixed(4)}`);
  console.log(`  test accuracy     ${(acc!.scalarValue() * 100).toFixed(2)}%`);
  console.log(`  fit time          ${fitSeconds.toFixed(1)} s (${(fitSeconds / epochs).toFixed(1)} s/epoch)`);
  lm.dispose([loss!, acc!]);
  console.log(`  optimizer state   ${optimizerState} tensors; evaluate left ${lm.memory().numTensors - beforeEval} behind`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
