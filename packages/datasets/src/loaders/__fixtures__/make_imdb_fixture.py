# Makes tiny stand-ins for Keras's imdb.npz with real numpy (object arrays of Python lists,
# pickled inside .npy), and prints what Keras's imdb.load_data logic gives for them.
# Keras shuffles train then test with one RandomState(seed), and (Keras 3) drops sequences of
# length >= maxlen from each split separately.
# Run: python3 make_imdb_fixture.py  (numpy >= 1.17)
import json
import numpy as np

rng = np.random.RandomState(0)
def seqs(n):
    out = np.empty(n, dtype=object)
    for i in range(n):
        out[i] = [int(v) for v in rng.randint(1, 30, size=rng.randint(2, 9))]
    return out

x_train, x_test = seqs(12), seqs(8)
y_train = rng.randint(0, 2, size=12).astype(np.int64)
y_test = rng.randint(0, 2, size=8).astype(np.int64)
np.savez("tiny_imdb.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
np.savez_compressed("tiny_imdb_compressed.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
# Python-2-era pickles use protocol 2.
import pickle
with open("tiny_x_train_protocol2.npy", "wb") as f:
    np.lib.format.write_array_header_1_0(f, np.lib.format.header_data_from_array_1_0(x_train))
    pickle.dump(x_train, f, protocol=2)

def keras_load(num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2, index_from=3):
    xtr, ltr, xte, lte = x_train, y_train, x_test, y_test
    r = np.random.RandomState(seed); idx = np.arange(len(xtr)); r.shuffle(idx); xtr, ltr = xtr[idx], ltr[idx]
    idx = np.arange(len(xte)); r.shuffle(idx); xte, lte = xte[idx], lte[idx]
    if start_char is not None:
        xtr = [[start_char] + [w + index_from for w in x] for x in xtr]
        xte = [[start_char] + [w + index_from for w in x] for x in xte]
    elif index_from:
        xtr = [[w + index_from for w in x] for x in xtr]
        xte = [[w + index_from for w in x] for x in xte]
    else:
        xtr = [list(x) for x in xtr]; xte = [list(x) for x in xte]
    if maxlen:
        keep = [i for i, x in enumerate(xtr) if len(x) < maxlen]; xtr = [xtr[i] for i in keep]; ltr = ltr[keep]
        keep = [i for i, x in enumerate(xte) if len(x) < maxlen]; xte = [xte[i] for i in keep]; lte = lte[keep]
    xs = xtr + xte
    labels = np.concatenate([ltr, lte])
    if not num_words:
        num_words = max(max(x) for x in xs)
    if oov_char is not None:
        xs = [[w if skip_top <= w < num_words else oov_char for w in x] for x in xs]
    else:
        xs = [[w for w in x if skip_top <= w < num_words] for x in xs]
    n = len(xtr)
    return {"x_train": xs[:n], "y_train": labels[:n].tolist(), "x_test": xs[n:], "y_test": labels[n:].tolist()}

expected = {
    "raw": {"x_train": [list(x) for x in x_train], "y_train": y_train.tolist(), "x_test": [list(x) for x in x_test], "y_test": y_test.tolist()},
    "defaults": keras_load(),
    "numWords20_skipTop2_maxLen8": keras_load(num_words=20, skip_top=2, maxlen=8),
    "noOov_indexFrom0_noStart": keras_load(num_words=15, oov_char=None, index_from=0, start_char=None),
}
with open("tiny_imdb_expected.json", "w") as f:
    json.dump(expected, f)
