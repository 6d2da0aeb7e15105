import { RemoteFile } from '../download/fetch-verified';
import { downloadedIdxLoader } from './idx-images';

// Keras's location for the (byte-identical) Zalando files; hashes from data/fashion_mnist/MANIFEST.md.
const BASE = 'https://storage.googleapis.com/tensorflow/tf-keras-datasets';

function file(name: string, sha256: string, bytes: number): RemoteFile {
  return { name, url: `${BASE}/${name}`, sha256, bytes };
}

/**
 * Fashion-MNIST (Zalando, MIT licence), downloaded on first use and cached.
 * Shapes as keras.datasets.fashion_mnist:
 *   train.x uint8 [60000, 28, 28], train.y uint8 [60000]
 *   test.x  uint8 [10000, 28, 28], test.y  uint8 [10000]
 */
export const fashionMnist = {
  ...downloadedIdxLoader('fashion_mnist', {
    trainImages: file('train-images-idx3-ubyte.gz', '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84', 26421880),
    trainLabels: file('train-labels-idx1-ubyte.gz', 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845', 29515),
    testImages: file('t10k-images-idx3-ubyte.gz', '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073', 4422102),
    testLabels: file('t10k-labels-idx1-ubyte.gz', '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5', 5148),
  }),
  classNames: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
};
