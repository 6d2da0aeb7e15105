// End to end on real data, kept small for CI: a CNN with batch norm and dropout trained with fit on
// a 2,000-image slice of the bundled MNIST must beat chance by far on held-out test images, and the
// whole fit / evaluate / predict cycle must leave the backend's handle count where it was.
import * as lm from '@lamina/api';
import '@lamina/backend-cpu';
import { mnist } from '@lamina/datasets';

function slice(x: { data: Uint8Array | Float32Array | Int32Array }, y: { data: Uint8Array | Float32Array | Int32Array }, from: number, n: number) {
  const px = new Float32Array(n * 784);
  for (let i = 0; i < px.length; i++) px[i] = x.data[from * 784 + i]! / 255;
  const labels = Int32Array.from(y.data.subarray(from, from + n));
  return { x: lm.tensor(px, [n, 28, 28, 1]), y: lm.tidy(() => lm.oneHot(lm.tensor(labels, [n], 'int32'), 10)) };
}

test('a small CNN learns MNIST from 2,000 images, leaking nothing', async () => {
  lm.setSeed(1);
  const data = mnist.loadSync();
  const train = slice(data.train.x, data.train.y, 0, 2000);
  const test = slice(data.test.x, data.test.y, 0, 500);
  const model = lm.sequential({
    layers: [
      lm.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
      lm.layers.batchNormalization(),
      lm.layers.maxPooling2d({ poolSize: 2 }),
      lm.layers.flatten(),
      lm.layers.dropout({ rate: 0.2 }),
      lm.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const handles = () => lm.getBackend().numHandles();

  const [loss0, acc0] = (await model.evaluate(test.x, test.y)) as lm.Tensor[];
  const startLoss = loss0!.scalarValue();
  expect(acc0!.scalarValue()).toBeLessThan(0.3); // untrained: near chance
  lm.dispose([loss0!, acc0!]);

  await model.fit(train.x, train.y, { epochs: 1, batchSize: 32, verbose: 0 }); // creates Adam's slots
  const before = handles();
  const history = await model.fit(train.x, train.y, { epochs: 2, batchSize: 32, validationSplit: 0.1, verbose: 0 });
  const [loss, acc] = (await model.evaluate(test.x, test.y, { batchSize: 100 })) as lm.Tensor[];
  const probs = (await model.predict(test.x, { batchSize: 128 })) as lm.Tensor;
  const testAcc = acc!.scalarValue();
  expect(probs.shape).toEqual([500, 10]);
  lm.dispose([loss!, acc!, probs]);
  expect(handles()).toBe(before);

  expect(history.history.loss![1]!).toBeLessThan(history.history.loss![0]!);
  expect(testAcc).toBeGreaterThan(0.85);
  expect(history.history.val_loss!.length).toBe(2);
  // batch norm's moving statistics (momentum 0.99) are still warming up after ~190 steps, so the
  // inference loss falls less than the accuracy rises
  const [lossEnd] = (await model.evaluate(test.x, test.y)) as lm.Tensor[];
  expect(lossEnd!.scalarValue()).toBeLessThan(startLoss * 0.6);
  lossEnd!.dispose();
});
