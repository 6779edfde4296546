"""Time nn.py's training on four workloads, beside numpy when numpy is there.

    python3 bench/bench.py                 all four workloads, 7 timed runs each
    python3 bench/bench.py W1 W2 --runs 9  some workloads, more runs
    python3 bench/bench.py --quick         a smoke run: small workloads, one run
    python3 bench/bench.py --wall          wall-clock time instead of processor time
    python3 bench/bench.py --plain         nn.py's own loop (nn.compiled = False), as
                                           with nn.py alone, without nn_fast.py

Every interpreter nn.py runs on can run this file; numpy is never needed.
MicroPython's unix port needs a bigger heap for W3 and W4 (-X heapsize=64M).
When numpy imports, each workload also runs as numpy code from the same
initial weights, with one BLAS thread, its runs interleaved with nn.py's,
and the table gives the ratio of the medians (nn.py time / numpy time).

    W1  tutorial 1: 3-4-5-1 sigmoid, no bias, sse, full batch, lr 0.1, 5000 epochs
    W2  tutorial 2: 2-3-1 sigmoid, no bias, sse, full batch, lr 1.0, 1000 epochs,
        inputs divided by the column maximum, scores by 100
    W3  64-32-10, sigmoid hidden, softmax and cross-entropy, biases, 1437 rows
        of 64 inputs in [0, 1], mini-batches of 32 in order, lr 0.5, 10 epochs
    W4  784-128-10, the same layers, 512 rows, batches of 32, lr 0.1, 1 epoch

W3 and W4 train on seeded synthetic data: what is measured is time.
"""

import os
import sys
import time

for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    try:
        os.environ[_name] = "1"          # numpy reads these when it is first imported
    except Exception:                     # MicroPython has no os.environ
        pass


def _here():
    "Return the folder this file is in ('.' when the interpreter does not say)."
    path = globals().get("__file__", "") or ""
    cut = max(path.rfind("/"), path.rfind("\\"))
    return path[:cut] if cut > 0 else "."


sys.path.insert(0, _here() + "/..")      # nn.py is in the folder above
sys.path.insert(0, "..")
try:
    import nn
except ImportError:
    sys.stdout.write("bench.py: cannot import nn. Interpreters that see only this folder "
                     "(MicroPython-wasm, Pyodide and Brython under Node) need a copy of "
                     "nn.py beside bench.py.\n")
    sys.exit(2)

try:
    import numpy as np
except Exception:                         # not installed, or not importable here
    np = None


# ---------------------------------------------------------------------------
# A clock on every interpreter
# ---------------------------------------------------------------------------

# The processor time of this process where the interpreter gives it: on a
# machine shared with other work, a long run is interrupted more often than a
# short one, and wall-clock time would count that against the long one.
# --wall times by the wall clock instead.
_CPU = hasattr(time, "process_time") and "--wall" not in sys.argv

if _CPU:
    def _seconds(work):
        "Return the processor time work() took, in seconds."
        start = time.process_time()
        work()
        return time.process_time() - start
elif hasattr(time, "perf_counter"):
    def _seconds(work):
        "Return how long work() took, in seconds."
        start = time.perf_counter()
        work()
        return time.perf_counter() - start
elif hasattr(time, "ticks_us"):           # MicroPython
    def _seconds(work):
        "Return how long work() took, in seconds."
        start = time.ticks_us()
        work()
        return time.ticks_diff(time.ticks_us(), start) / 1e6
else:                                      # Python 2.7 and Jython
    def _seconds(work):
        "Return how long work() took, in seconds."
        start = time.time()
        work()
        return time.time() - start


# ---------------------------------------------------------------------------
# The workloads: data, a network, and how to train it
# ---------------------------------------------------------------------------

class _Uniform(object):
    "A seeded generator of numbers in [0, 1), the same on every interpreter."

    def __init__(self, seed):
        self.state = seed

    def next(self):
        "Return the next number (a 31-bit linear congruential generator)."
        self.state = (1103515245 * self.state + 12345) % 2147483648
        return self.state / 2147483648.0


def _classes(rows, inputs, classes, seed):
    "Return (X, Y): rows of inputs in [0, 1] and one-hot targets, seeded."
    rng = _Uniform(seed)
    X = [[rng.next() for i in range(inputs)] for r in range(rows)]
    Y = []
    for r in range(rows):
        row = [0.0] * classes
        row[int(rng.next() * classes)] = 1.0
        Y.append(row)
    return X, Y


def workload(name, quick=False):
    """Return a workload as a dict: its network, data and training settings.

    quick shrinks it (fewer epochs or rows) for a smoke run.
    """
    if name == "W1":
        net = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
        X, Y = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], [[0], [1], [1], [0]]
        w = dict(net=net, X=X, Y=Y, epochs=5000, lr=0.1, batch=None, samples=4)
    elif name == "W2":
        net = nn.Network([2, 3, 1], loss="sse", bias=False, init="normal", seed=1,
                         input_scaling="max", target_scaling=100)
        X, Y = [[2, 9], [1, 5], [3, 6]], [[92], [86], [89]]
        w = dict(net=net, X=X, Y=Y, epochs=1000, lr=1.0, batch=None, samples=3)
    elif name == "W3":
        net = nn.Network([64, 32, 10], loss="cross_entropy", seed=1)
        X, Y = _classes(64 if quick else 1437, 64, 10, 3)
        w = dict(net=net, X=X, Y=Y, epochs=10, lr=0.5, batch=32, samples=len(X))
    else:
        net = nn.Network([784, 128, 10], loss="cross_entropy", seed=1)
        X, Y = _classes(16 if quick else 512, 784, 10, 4)
        w = dict(net=net, X=X, Y=Y, epochs=1, lr=0.1, batch=32, samples=len(X))
    if quick and name in ("W1", "W2"):
        w["epochs"] //= 10
    w["name"] = name
    w["weights"] = [[row[:] for row in W] for W in net.weights]
    w["biases"] = [list(b) for b in net.biases]
    return w


def run_nn(w):
    "Train a fresh copy of the workload's network with nn.py."
    net = w["net"]
    net.weights = [[row[:] for row in W] for W in w["weights"]]
    net.biases = [list(b) for b in w["biases"]]
    net.train(w["X"], w["Y"], epochs=w["epochs"], learning_rate=w["lr"],
              batch_size=w["batch"], shuffle=False)


def _numpy_arrays(w):
    "Return (X, Y, weights, biases) as numpy arrays, scaled as nn.py scales them."
    X = np.array(w["X"], dtype=float)
    Y = np.array(w["Y"], dtype=float)
    if w["name"] == "W2":
        X = X / np.amax(X, axis=0)
        Y = Y / 100.0
    weights = [np.array(W) for W in w["weights"]]
    biases = [np.array(b) if b else None for b in w["biases"]]
    return X, Y, weights, biases


def run_numpy(w):
    "Train the workload's network with numpy, from the same initial weights."
    X, Y, weights, biases = _numpy_arrays(w)
    if w["name"] == "W1":
        _Tutorial1(weights).train(X, Y, w["epochs"], w["lr"])
    elif w["name"] == "W2":
        _Tutorial2(weights).train(X, Y, w["epochs"])
    else:
        _numpy_classifier(X, Y, weights, biases, w["epochs"], w["lr"], w["batch"])


class _Tutorial1(object):
    "Tutorial 1's numpy network, as the tutorial writes it (without its prints)."

    def __init__(self, weights):
        self.w1, self.w2, self.w3 = weights

    def sigmoid(self, x):
        "The logistic function."
        return 1 / (1 + np.exp(-x))

    def sigmoid_prime(self, x):
        "Its slope, from the weighted sum x."
        return np.exp(-x) / ((1 + np.exp(-x)) ** 2)

    def forward_propagation(self, inputs):
        "Return the prediction, keeping every layer's z and a."
        self.z2 = np.dot(inputs, self.w1)
        self.a2 = self.sigmoid(self.z2)
        self.z3 = np.dot(self.a2, self.w2)
        self.a3 = self.sigmoid(self.z3)
        self.z4 = np.dot(self.a3, self.w3)
        return self.sigmoid(self.z4)

    def compute_cost(self, prediction, actual):
        "Half the summed squared error."
        return np.sum(0.5 * (actual - prediction) ** 2)

    def backpropagation(self, inputs, labels, predictions):
        "Return the gradients of the three weight matrices."
        delta4 = np.multiply(-(labels - predictions), self.sigmoid_prime(self.z4))
        dJdW3 = np.dot(self.a3.T, delta4)
        delta3 = np.dot(delta4, self.w3.T) * self.sigmoid_prime(self.z3)
        dJdW2 = np.dot(self.a2.T, delta3)
        delta2 = np.dot(delta3, self.w2.T) * self.sigmoid_prime(self.z2)
        dJdW1 = np.dot(inputs.T, delta2)
        return dJdW1, dJdW2, dJdW3

    def train(self, inputs, labels, epochs, learning_rate):
        "Full-batch gradient descent; return the last cost."
        for iteration in range(epochs):
            predictions = self.forward_propagation(inputs)
            cost = self.compute_cost(predictions, labels)
            dJdW1, dJdW2, dJdW3 = self.backpropagation(inputs, labels, predictions)
            self.w1 = self.w1 - (learning_rate * dJdW1)
            self.w2 = self.w2 - (learning_rate * dJdW2)
            self.w3 = self.w3 - (learning_rate * dJdW3)
        return cost


class _Tutorial2(object):
    "Tutorial 2's numpy network, as the tutorial writes it (without its prints)."

    def __init__(self, weights):
        self.W1, self.W2 = weights

    def forward(self, X):
        "Return the output, keeping the hidden layer."
        self.z = np.dot(X, self.W1)
        self.z2 = self.sigmoid(self.z)
        self.z3 = np.dot(self.z2, self.W2)
        return self.sigmoid(self.z3)

    def sigmoid(self, s):
        "The logistic function."
        return 1 / (1 + np.exp(-s))

    def sigmoidPrime(self, s):
        "Its slope, from its output s."
        return s * (1 - s)

    def backward(self, X, y, o):
        "Step the weights against the gradient of the summed squared error (rate 1)."
        self.o_error = y - o
        self.o_delta = self.o_error * self.sigmoidPrime(o)
        self.z2_error = self.o_delta.dot(self.W2.T)
        self.z2_delta = self.z2_error * self.sigmoidPrime(self.z2)
        self.W1 += X.T.dot(self.z2_delta)
        self.W2 += self.z2.T.dot(self.o_delta)

    def train(self, X, y, epochs):
        "Full-batch training; return the last loss (the mean squared error)."
        for i in range(epochs):
            o = self.forward(X)
            loss = np.mean(np.square(y - o))
            self.backward(X, y, o)
        return loss


def _numpy_classifier(X, Y, weights, biases, epochs, lr, batch):
    "Mini-batches in order: a sigmoid hidden layer, softmax and cross-entropy, with biases."
    W1, W2 = weights
    b1, b2 = biases
    n = len(X)
    for e in range(epochs):
        loss = 0.0
        for start in range(0, n, batch):
            x, y = X[start:start + batch], Y[start:start + batch]
            h = 1.0 / (1.0 + np.exp(-(x.dot(W1) + b1)))
            z = h.dot(W2) + b2
            z = z - z.max(axis=1, keepdims=True)
            e = np.exp(z)
            total = e.sum(axis=1, keepdims=True)
            loss += np.sum(y * (np.log(total) - z))
            d2 = (e / total - y) / len(x)
            d1 = d2.dot(W2.T) * h * (1.0 - h)
            W2 -= lr * h.T.dot(d2)
            b2 -= lr * d2.sum(axis=0)
            W1 -= lr * x.T.dot(d1)
            b1 -= lr * d1.sum(axis=0)
    return loss


# ---------------------------------------------------------------------------
# Timing and the table
# ---------------------------------------------------------------------------

def _median(values):
    "Return the median of a list of numbers."
    s = sorted(values)
    m = len(s) // 2
    return s[m] if len(s) % 2 else (s[m - 1] + s[m]) / 2.0


def _interpreter():
    "Return a short name of the running interpreter and its version."
    impl = getattr(getattr(sys, "implementation", None), "name", "") or "python"
    if sys.platform.startswith("java"):
        impl = "jython"
    version = sys.version_info
    return "%s %d.%d" % (impl, version[0], version[1])


def _cell(times):
    "Return 'median (min-max)' of a list of seconds."
    return "%.4f (%.4f-%.4f)" % (_median(times), min(times), max(times))


def measure(name, runs, quick):
    "Time one workload; return the cells of its row in the table."
    w = workload(name, quick)
    peers = [("nn.py", run_nn)]
    if np is not None:
        peers.append(("numpy", run_numpy))
    times = dict((label, []) for label, f in peers)
    if not quick:
        for label, f in peers:           # warm-up: imports, caches, a JIT's first traces
            f(w)
    for r in range(runs):
        for label, f in peers:           # interleaved, so that a busy moment hits both
            times[label].append(_seconds(lambda: f(w)))
    median = _median(times["nn.py"])
    row = [name, _interpreter(), _cell(times["nn.py"]),
           "%.0f" % (w["samples"] * w["epochs"] / median if median > 0 else 0.0)]
    if np is not None:
        row += [_cell(times["numpy"]), "%.2f" % (median / _median(times["numpy"]))]
    return row


def _table(header, rows):
    "Return rows of text cells as a Markdown table."
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv):
    "Run the benchmark the arguments ask for; return the exit status."
    names, runs, quick = [], 7, False
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("W1", "W2", "W3", "W4"):
            names.append(arg)
        elif arg == "--wall":
            pass                             # read where the clock is chosen
        elif arg == "--quick":
            quick, runs = True, 1
        elif arg == "--plain":
            nn.compiled = False
        elif arg == "--runs" and i + 1 < len(argv):
            i += 1
            runs = max(1, int(argv[i]))
        else:
            sys.stdout.write(__doc__)
            return 0 if arg in ("-h", "--help") else 2
        i += 1
    unit = "CPU s" if _CPU else "s"
    header = ["workload", "interpreter", "nn.py %s: median (min-max)" % unit, "samples/s"]
    if np is not None:
        header += ["numpy %s: median (min-max)" % unit, "nn.py / numpy"]
    rows = []
    for name in names or ["W1", "W2", "W3", "W4"]:
        try:
            rows.append(measure(name, runs, quick))
        except MemoryError:              # a small MicroPython heap
            rows.append([name, _interpreter(), "out of memory"] + [""] * (len(header) - 3))
    sys.stdout.write(_table(header, rows) + "\n")
    note = "a smoke run: smaller workloads, no warm-up" if quick else \
        "%d timed runs of each after a warm-up" % runs
    note += ", nn_fast.py used" if nn.compiled else ", nn.py's own loop"
    if np is not None:
        note += ", interleaved with numpy %s (one BLAS thread)" % np.__version__
    sys.stdout.write(note + ".\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
