"""PyTorch CPU's side of the MNIST epoch benches, in a process of its own.

    python3 mnist_epoch.py <mlp|cnn> <data file> <epochs> <threads> [rows]

Reads the float32 file the bench writes (60 000 images of 784 values scaled to [0, 1], then
60 000 one-hot labels of 10), builds the bench's model as Keras would (Glorot-uniform kernels, zero
biases, Adam with lr 1e-3 and eps 1e-7, categorical crossentropy on the softmax output, accuracy),
fits the first 1 024 rows untimed, then times `epochs` one-epoch fits of the first `rows` rows
(all 60 000 by default): 80 % shuffled train rows in batches of 128, the last 20 % validated
unshuffled. Prints one JSON line: { seconds, peakRssMb, threads, torch, blas }.
"""

import json
import os
import resource
import sys
import time

import torch
from torch import nn

IMAGES, PIXELS, CLASSES = 60000, 784, 10
BATCH_SIZE = 128
VALIDATION_SPLIT = 0.2
WARM_UP_ROWS = 1024
EPSILON = 1e-7


def blas_in_use():
    """The BLAS library this process mapped (Debian's libblas.so.3 alternative), else torch's BLAS_INFO."""
    with open('/proc/self/maps') as maps:
        paths = {line.split()[-1] for line in maps if 'blas' in line.lower() and '/' in line}
    # libblas.so.3 and liblapack.so.3 are Debian's alternatives: the library behind them names the BLAS.
    resolved = sorted({os.path.realpath(path) for path in paths if 'lapack' not in os.path.basename(path) and 'libblas.so' not in os.path.basename(path)})
    if resolved:
        return ', '.join(resolved)
    info = [part for part in torch.__config__.show().split(',') if 'BLAS_INFO' in part]
    return info[0].strip() if info else 'unknown'


def mnist_model(kind):
    """The bench's model of `kind`, initialised as Keras initialises it."""
    if kind == 'mlp':
        layers = [nn.Linear(PIXELS, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, CLASSES)]
    else:
        layers = [
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, CLASSES),
        ]
    model = nn.Sequential(*layers, nn.Softmax(dim=1))
    for layer in model:
        if isinstance(layer, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_uniform_(layer.weight)
            nn.init.zeros_(layer.bias)
    return model


def categorical_crossentropy(probabilities, labels):
    """Keras's categorical crossentropy on probabilities: clipped to [eps, 1 - eps], mean over the batch."""
    return -(labels * probabilities.clamp(EPSILON, 1 - EPSILON).log()).sum(dim=1).mean()


def correct(probabilities, labels):
    return (probabilities.argmax(dim=1) == labels.argmax(dim=1)).sum()


def fit(model, optimizer, x, y, rows):
    """One Keras-style epoch on the first `rows` rows: shuffled train batches, then validation."""
    split = int(rows * (1 - VALIDATION_SPLIT))
    model.train()
    loss_sum, hits = torch.zeros(()), torch.zeros((), dtype=torch.long)
    order = torch.randperm(split)
    for start in range(0, split, BATCH_SIZE):
        batch = order[start:start + BATCH_SIZE]
        xs, ys = x[batch], y[batch]
        optimizer.zero_grad(set_to_none=True)
        probabilities = model(xs)
        loss = categorical_crossentropy(probabilities, ys)
        loss.backward()
        optimizer.step()
        loss_sum += loss.detach() * len(batch)
        hits += correct(probabilities.detach(), ys)
    model.eval()
    with torch.no_grad():
        val_loss, val_hits = torch.zeros(()), torch.zeros((), dtype=torch.long)
        for start in range(split, rows, BATCH_SIZE):
            xs, ys = x[start:min(start + BATCH_SIZE, rows)], y[start:min(start + BATCH_SIZE, rows)]
            probabilities = model(xs)
            val_loss += categorical_crossentropy(probabilities, ys) * len(xs)
            val_hits += correct(probabilities, ys)
    # Read once per epoch, as Keras's History does.
    return float(loss_sum) / split, float(hits) / split, float(val_loss) / (rows - split), float(val_hits) / (rows - split)


def main():
    kind, data_file, epoch_text, thread_text = sys.argv[1:5]
    rows = int(sys.argv[5]) if len(sys.argv) > 5 else IMAGES
    torch.set_num_threads(int(thread_text))
    torch.manual_seed(1)
    # Read straight into one tensor (no numpy copy): images then labels, as the bench wrote them.
    data = torch.from_file(data_file, shared=False, size=IMAGES * (PIXELS + CLASSES), dtype=torch.float32)
    x = data[:IMAGES * PIXELS].view(IMAGES, PIXELS) if kind == 'mlp' else data[:IMAGES * PIXELS].view(IMAGES, 1, 28, 28)
    y = data[IMAGES * PIXELS:].view(IMAGES, CLASSES)
    model = mnist_model(kind)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=EPSILON)
    fit(model, optimizer, x, y, WARM_UP_ROWS)
    seconds = []
    for _ in range(int(epoch_text)):
        start = time.perf_counter()
        logs = fit(model, optimizer, x, y, rows)
        seconds.append(time.perf_counter() - start)
        # On stderr, which the bench ignores: that the model learns, as a check by hand.
        print('loss %.4f, accuracy %.4f, val_loss %.4f, val_accuracy %.4f' % logs, file=sys.stderr)
    peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps({
        'seconds': seconds,
        'peakRssMb': peak_rss_mb,
        'threads': torch.get_num_threads(),
        'torch': torch.__version__,
        'blas': blas_in_use(),
    }))


if __name__ == '__main__':
    main()
