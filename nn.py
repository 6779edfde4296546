"""nn.py: a neural network in one file of pure Python, with no dependencies.

Copy nn.py next to your program and import it. It runs on CPython 2.7 and 3.6
to 3.13, PyPy, Jython, MicroPython, Pyodide and Brython. Matrices are lists of
lists, and a seed gives numpy's weights on every interpreter.

    >>> import nn
    >>> X = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
    >>> Y = [[0], [1], [1], [0]]
    >>> net = nn.Network([3, 4, 1], seed=1)
    >>> history = net.train(X, Y, epochs=300, learning_rate=2.0)
    >>> print(" ".join(["%.2f" % row[0] for row in net.predict(X)]))
    0.03 0.96 0.96 0.04

    dot, matmul, transpose, add, subtract, multiply, scale   lists of lists
    sigmoid, tanh, relu, leaky_relu, linear, softmax        activations
    sse, mse, binary_crossentropy, cross_entropy             losses
    Network(sizes, ...), History, DivergedError    the network; what train() returns, raises
    RandomState, Scaler, SGD, Adam    numpy's generator; scaling; the update rules
    check_gradients, load, save_weights, load_weights

nn_fast.py beside it compiles the epochs for one shape (the same numbers);
nn_tools.py adds read_csv, train_test_split, one_hot, explain, to_svg,
export_python, history.plot and the command line. "python3 nn.py" runs the tutorials.
"""

__version__ = "1.0.0"

__all__ = ["dot", "matmul", "transpose", "add", "subtract", "multiply", "scale", "sigmoid", "tanh",
           "relu", "leaky_relu", "linear", "softmax", "ACTIVATIONS", "LOSSES", "sse", "mse",
           "binary_crossentropy", "cross_entropy", "RandomState", "Scaler", "SGD", "Adam",
           "History", "Network", "DivergedError", "check_gradients", "load", "save_weights",
           "load_weights"]

import math  # exp, log, sqrt, tanh
import json  # the saved model format
import os    # rename, for saving atomically
import sys   # stdout, argv, the interpreter's name
import time  # time budgets and progress
import random as _random  # a C copy of the generator, to draw numpy's stream faster

if __name__ == "__main__" and __name__ in sys.modules:   # a script: nn_fast and nn_tools
    sys.modules["nn"] = sys.modules[__name__]             # import this same module as nn


# ---------------------------------------------------------------------------
# Vectors and matrices
# ---------------------------------------------------------------------------
# A vector is a list of numbers; a matrix a list of rows: A[i][j] is in row i,
# column j. The kernels (_dot, _transpose) check nothing; the public names do.

def _dot(u, v):
    "Return u[0]*v[0] + u[1]*v[1] + ..., the inner product, summed left to right."
    total = 0.0
    for a, b in zip(u, v):
        total += a * b
    return total


def _by_column(A):
    "Return the columns of matrix A: list(zip(*A)), a loop in C, tuples; lists on MicroPython."
    if _IMPLEMENTATION == "micropython":      # whose star-arguments share a small fixed stack
        return [[row[j] for row in A] for j in range(len(A[0]))] if A else []
    return list(zip(*A))


def _transpose(A):
    "Return the transpose of matrix A as a list of lists."
    columns = _by_column(A)
    return columns if _IMPLEMENTATION == "micropython" else [list(c) for c in columns]


def _vectors(who, u, v):
    "Return u and v as lists of floats of one length, or raise TypeError or ValueError."
    u = _number_row(u, len(_sequence(u, who, "u", "a list of numbers")), who, "u")
    return u, _number_row(v, len(u), who, "v")


def dot(u, v):
    "Return u[0]*v[0] + u[1]*v[1] + ..., the inner product of two vectors of one length."
    return _dot(*_vectors("dot", u, v))


def transpose(A):
    "Return the transpose of matrix A: transpose([[1, 2], [3, 4]]) == [[1, 3], [2, 4]]."
    return _transpose(_number_rows(A, None, "transpose", "A")[0])


def matmul(A, B):
    "Return the matrix product A B, with A n-by-k and B k-by-m."
    B = _number_rows(B, None, "matmul", "B")[0]
    columns = _by_column(B)
    return [[_dot(row, column) for column in columns]
            for row in _number_rows(A, len(B), "matmul", "A")[0]]


def add(u, v):
    "Return the element-wise sum of two vectors."
    return [a + b for a, b in zip(*_vectors("add", u, v))]


def subtract(u, v):
    "Return the element-wise difference u - v of two vectors."
    return [a - b for a, b in zip(*_vectors("subtract", u, v))]


def multiply(u, v):
    "Return the element-wise (Hadamard) product of two vectors."
    return [a * b for a, b in zip(*_vectors("multiply", u, v))]


def scale(c, u):
    "Return the vector u with every element multiplied by the number c."
    c, u = _check_number(c, "scale", "c"), _sequence(u, "scale", "u", "a list of numbers")
    return [c * a for a in _number_row(u, len(u), "scale", "u")]


# ---------------------------------------------------------------------------
# Activations
# ---------------------------------------------------------------------------
# An activation f maps a weighted sum z to an output a = f(z). _UNITS defines each over
# a row: f(r, exp, th), the outputs of the sums r (exp and th: see _exp), and its slope,
# as delta(G, A): g f'(z) for outputs A with gradients G, f' taken from a = f(z). Each is
# finite for every finite z without catching overflow (below -36 the sigmoid is e^z).

def _softmax(z, exp, th=None):
    "Return the softmax of a list of floats: e^z_j / sum e^z, positive numbers that sum to 1."
    top = max(z)                 # e^(z - top) cannot overflow, and the quotients are the same
    e, total = [], 0.0
    for v in z:                  # summed left to right: sum() rounds differently on 3.12+
        e.append(exp(v - top))
        total += e[-1]
    return [v / total for v in e]


_UNITS = {
    "sigmoid": (lambda r, exp, th: [1.0 / (1.0 + exp(-z)) if z > -36.0 else exp(z) for z in r],
                lambda G, A: [g * a * (1.0 - a) for g, a in zip(G, A)]),
    "tanh": (lambda r, exp, th: [th(z) for z in r],
             lambda G, A: [g * (1.0 - a * a) for g, a in zip(G, A)]),
    "relu": (lambda r, exp, th: [0.0 if z <= 0.0 else z for z in r],     # so that NaN stays NaN
             lambda G, A: [0.0 if a <= 0.0 else g for g, a in zip(G, A)]),
    "leaky_relu": (lambda r, exp, th: [z if z > 0.0 else 0.01 * z for z in r],
                   lambda G, A: [g if a > 0.0 else 0.01 * g for g, a in zip(G, A)]),
    "linear": (lambda r, exp, th: list(r), lambda G, A: G),
    "softmax": (_softmax,                  # of a whole (output) layer: s_i (g_i - sum_j g_j s_j)
                lambda G, S: [s * (g - _dot(G, S)) for g, s in zip(G, S)]),
}
_OUTPUT_ACTIVATIONS = ("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax")


def _unit(name, z):
    "Return f(z) for the activation called name, after checking z."
    return _UNITS[name][0]([_check_number(z, name, "z")], math.exp, math.tanh)[0]


def _slope(name, a, low=None, high=None):
    "Return f'(z) for the activation called name where its output is a, taken into [low, high]."
    a = _check_number(a, name + "_derivative", "a")
    return _UNITS[name][1]([1.0], [a if low is None else min(max(a, low), high)])[0]


def sigmoid(z):
    "Return 1 / (1 + e^-z), the logistic function, which maps any number into (0, 1)."
    return _unit("sigmoid", z)


def sigmoid_derivative(a):
    "Return the slope of the sigmoid where its output is a: a (1 - a), with a taken into [0, 1]."
    return _slope("sigmoid", a, 0.0, 1.0)


def tanh(z):
    "Return the hyperbolic tangent of z, which maps any number into (-1, 1)."
    return _unit("tanh", z)


def tanh_derivative(a):
    "Return the slope of tanh where its output is a: 1 - a^2, with a taken into [-1, 1]."
    return _slope("tanh", a, -1.0, 1.0)


def relu(z):
    "Return max(0, z), the rectified linear unit."
    return _unit("relu", z)


def relu_derivative(a):
    "Return the slope of relu where its output is a: 1 for a > 0, else 0 (0 at 0 too)."
    return _slope("relu", a)


def leaky_relu(z):
    "Return z for z > 0, else 0.01 z."
    return _unit("leaky_relu", z)


def leaky_relu_derivative(a):
    "Return the slope of leaky_relu where its output is a: 1 for a > 0, else 0.01."
    return _slope("leaky_relu", a)


def linear(z):
    "Return z unchanged (the identity, for regression outputs), as a float."
    return _unit("linear", z)


def linear_derivative(a):
    "Return 1.0, the slope of the identity."
    return _slope("linear", a)


# name: (f(z), f'(z) from a = f(z)), for one number each
ACTIVATIONS = {"sigmoid": (sigmoid, sigmoid_derivative), "tanh": (tanh, tanh_derivative),
               "relu": (relu, relu_derivative), "leaky_relu": (leaky_relu, leaky_relu_derivative),
               "linear": (linear, linear_derivative)}


def softmax(z):
    "Return the softmax of the vector z: positive numbers that sum to 1, e^z_j / sum e^z."
    z = _sequence(z, "softmax", "z", "a list of numbers")
    if not z:
        raise ValueError("softmax: z is empty")
    return _softmax(_number_row(z, len(z), "softmax", "z"), math.exp)


def _activate(name, Z, exp=math.exp, th=math.tanh):
    "Return the rows Z with the activation called name applied to every value."
    f = _UNITS[name][0]
    return [f(r, exp, th) for r in Z]


def _backpropagate(name, D, W, A):
    "Return the deltas below a layer, (D W^T) * f'(A): D its deltas, W its weights, A its inputs."
    delta = _UNITS[name][1]
    return [delta([_dot(d, w) for w in W], ar) for d, ar in zip(D, A)]


# ---------------------------------------------------------------------------
# Losses
# ---------------------------------------------------------------------------
# A loss measures how far the outputs O are from the targets Y, both lists of n rows
# of m numbers. The cross-entropies are computed from the output layer's weighted
# sums z (o = sigmoid(z) or softmax(z)), never taking log(0).

def _log1p(x):
    "Return log(1 + x), to the last digits of a small x (log(1.0 + x) loses them)."
    u = 1.0 + x
    return x if u == 1.0 else math.log(u) * (x / (u - 1.0))   # (u - 1.0) is exact


try:                             # the same in C, where math has it (not on MicroPython)
    from math import log1p as _log1p
except ImportError:
    pass


def _bce_from_z(Z, Y):
    "Return the sum of -(y log o + (1 - y) log(1 - o)) over all values, o = sigmoid(z)."
    total = 0.0
    for z_row, y_row in zip(Z, Y):
        for z, y in zip(z_row, y_row):
            if z > 0.0:          # -log(sigmoid(z)) = log(1 + e^-z), exp() never overflowing
                total += (1.0 - y) * z + _log1p(math.exp(-z))
            else:
                total += -y * z + _log1p(math.exp(z))
    return total


def _ce_from_z(Z, Y):
    "Return the sum over rows of -sum_k y_k log softmax(z)_k."
    # -log softmax(z)_k = (top - z_k) + log(1 + rest), top the largest z and rest the
    # sum of e^(z_j - top) but one e^0 = 1.0: two terms >= 0, so a small loss keeps its digits
    total = 0.0
    for z_row, y_row in zip(Z, Y):
        top = max(z_row)
        rest, ties = 0.0, -1.0
        for z in z_row:          # left to right, as the compiled epoch adds them
            e = math.exp(z - top)
            if e == 1.0:
                ties += 1.0
            else:
                rest += e        # NaN too
        log_sum = _log1p(rest + ties)
        for z, y in zip(z_row, y_row):
            if y != 0.0:           # 0 * log(0) counts as 0
                total += y * (top - z + log_sum)
    return total


def _check_probabilities(T, who, name):
    "Raise ValueError unless every value of the rows T is from 0 to 1."
    for i, row in enumerate(T):
        for j, y in enumerate(row):
            if not 0.0 <= y <= 1.0:
                raise ValueError("%s: row %d of %s, value %d is %r, not from 0 to 1"
                                 % (who, i, name, j, y))


def _loss(who, outputs, targets):
    "Return the loss called who of outputs against targets, checked, as net.cost() has it."
    O = _number_rows(outputs, None, who, "outputs")[0]
    T = _number_rows(targets, len(O[0]), who, "targets")[0]
    if len(T) != len(O):
        raise ValueError("%s: outputs has %d rows but targets has %d" % (who, len(O), len(T)))
    Z = O                        # the sums z that give O, which the cross-entropies read
    if who in _OUTPUT_FOR:       # a cross-entropy
        _check_probabilities(T, who, "targets")
        Z = []
        for row in O:
            if who == "cross_entropy":           # z = log(o): softmax(z) = o
                Z.append([math.log(max(o, _TINY)) for o in row])
            else:                                # z = logit(o), with o kept inside (0, 1)
                row = [min(max(o, _TINY), 1.0 - _EPSILON) for o in row]
                Z.append([math.log(o) - math.log(1.0 - o) for o in row])
    return _cost(who, Z, O, T)


def sse(outputs, targets):
    "Return 0.5 * the sum of (o - y)^2 over all rows and outputs (tutorial 1's cost)."
    return _loss("sse", outputs, targets)


def mse(outputs, targets):
    "Return the mean of (o - y)^2 over all rows and outputs (tutorial 2's printed loss)."
    return _loss("mse", outputs, targets)


def binary_crossentropy(outputs, targets):
    "Return the mean over rows and outputs of -(y log o + (1 - y) log(1 - o)), y from 0 to 1."
    return _loss("binary_crossentropy", outputs, targets)


def cross_entropy(outputs, targets):
    "Return the mean over rows of -sum_j y_j log o_j, for outputs that are probabilities."
    return _loss("cross_entropy", outputs, targets)


LOSSES = {"sse": sse, "mse": mse, "binary_crossentropy": binary_crossentropy,
          "cross_entropy": cross_entropy}
_OUTPUT_FOR = {"binary_crossentropy": "sigmoid", "cross_entropy": "softmax"}   # what they need


def _loss_sum(loss, Z, O, Y, mean=False):
    "Return the loss of a batch (Z, O: the output layer's sums and outputs), mean: over its rows."
    if loss == "binary_crossentropy":
        total = _bce_from_z(Z, Y) / len(Y[0])
    elif loss == "cross_entropy":
        total = _ce_from_z(Z, Y)
    else:
        total = 0.0
        for o_row, y_row in zip(O, Y):
            for o, y in zip(o_row, y_row):
                total += (o - y) * (o - y)
        total = 0.5 * total if loss == "sse" else total / len(Y[0])
    return total / len(Y) if mean and loss != "sse" else total     # sse: the sum


def _cost(loss, Z, O, Y):
    "Return the loss cost() reports for the rows: their mean loss, the largest float past it."
    return min(_loss_sum(loss, Z, O, Y, True), _BIG)   # overflow: the largest; NaN stays NaN


def _output_delta(loss, name, O, Y, count):
    "Return dLoss/dz of the output layer (activation name), for outputs O and targets Y."
    # sse and mse: dLoss/do = o - y, or 2 (o - y) / (n m), times f'(z). The cross-entropies,
    # on their own output activations, give dLoss/dz at once: (o - y) / (n m) with a sigmoid,
    # (o sum(y) - y) / n with a softmax.
    ce = loss == "cross_entropy"
    n_m = count if ce else count * len(Y[0])
    c = 1.0 if loss == "sse" else (2.0 if loss == "mse" else 1.0) / n_m
    delta = None if loss in _OUTPUT_FOR else _UNITS[name][1]
    D = []
    for o_row, y_row in zip(O, Y):
        s = sum(y_row) if ce else 1.0    # o * 1.0 is o
        g = [c * (o * s - y) for o, y in zip(o_row, y_row)]
        D.append(delta(g, o_row) if delta else g)
    return D


# ---------------------------------------------------------------------------
# Learning: a step down the gradient
# ---------------------------------------------------------------------------
# Every weight steps against its gradient g (plus weight_decay * w, L2; biases have no decay):
#   SGD:       w <- w - learning_rate * g             (the tutorials' rule)
#   momentum:  v <- momentum * v - learning_rate * g;  w <- w + v
# step() gets layer k's weight rows WT, biases b, deltas DT and inputs AT; Adam is further on.

def _step_rows(WT, b, DT, AT, decay):
    "Return (values, gradients, weight decay) for each weight row of a layer, then its biases."
    n = len(AT)      # map(_dot, [d] * n, AT) makes a row's gradients in C
    rows = [(WT[j], map(_dot, [d] * n, AT), decay) for j, d in enumerate(DT)]
    if b:
        rows.append((b, [sum(d) for d in DT], 0.0))
    return rows


class SGD(object):
    "Stochastic gradient descent, with momentum when momentum > 0."

    _settings = ("learning_rate", "momentum", "weight_decay")     # in order, for a copy

    def __init__(self, learning_rate=0.1, momentum=0.0, weight_decay=0.0):
        who = "SGD"
        self.learning_rate = _check_number(learning_rate, who, "learning_rate", 0.0, low_open=True)
        self.momentum = _check_number(momentum, who, "momentum", 0.0, 1.0, high_open=True)
        self.weight_decay = _check_number(weight_decay, who, "weight_decay", 0.0)
        self._velocity = {}

    def step(self, k, WT, b, DT, AT):
        "Update layer k's weight rows WT and biases b in place."
        lr, mu = self.learning_rate, self.momentum
        if mu == 0.0 and self.weight_decay == 0.0:       # the tutorials' rule
            for values, d in zip(WT, DT):
                values[:] = [w - lr * _dot(d, a) for w, a in zip(values, AT)]
            if b:
                b[:] = [c - lr * sum(d) for c, d in zip(b, DT)]
            return
        rows = _step_rows(WT, b, DT, AT, self.weight_decay)
        if k not in self._velocity:          # a row of velocities for each row of values
            self._velocity[k] = [[0.0] * len(values) for values, grads, decay in rows]
        for (values, grads, decay), v_row in zip(rows, self._velocity[k]):
            v_row[:] = [mu * v - lr * (g + decay * w) for v, w, g in zip(v_row, values, grads)]
            values[:] = [w + v for w, v in zip(values, v_row)]


# ---------------------------------------------------------------------------
# The network
# ---------------------------------------------------------------------------

_INITS = ("normal", "glorot", "he", "uniform")     # the ways to draw the first weights

class Network(object):
    """A fully connected feed-forward network, trained by backpropagation.

    sizes               the width of every layer, input first: [3, 4, 5, 1] has
                        3 inputs, hidden layers of 4 and 5 units and 1 output
    activation          of the hidden layers: "sigmoid", "tanh", "relu", "leaky_relu", "linear"
    output_activation   the same or "softmax"; None: what the loss needs, else activation
    loss                "sse", "mse", "binary_crossentropy", "cross_entropy"; None: by the targets
    bias                False for no biases (the tutorials have none)
    init                "normal" (numpy's randn), "glorot", "he" or "uniform" (scikit-learn's)
    seed                0 to 2**32 - 1: the weights of np.random.seed(seed); None draws one
    input_scaling       None, "max", "minmax", "standard" or a number (see Scaler),
    target_scaling      fitted on the first training data

    net.weights[k][i][j] is the weight from unit i of layer k to unit j of layer
    k + 1, net.biases[k][j] the bias of unit j of layer k + 1: plain lists.
    """

    def __init__(self, sizes, activation="sigmoid", output_activation=None, loss=None,
                 bias=True, init=None, seed=None, input_scaling=None, target_scaling=None):
        self._configure(sizes, activation, output_activation, loss, bias, init, seed,
                        input_scaling, target_scaling, "Network")
        rng, self.weights, self.biases = RandomState(self.seed), [], []
        for k, name in enumerate(self._activations()):
            n_in, n_out = self.sizes[k], self.sizes[k + 1]
            n, m = n_in * n_out, n_out if bias else 0         # how many weights, biases
            init = self.init or ("he" if name in ("relu", "leaky_relu") else "glorot")
            if init == "uniform":           # scikit-learn's: in [-r, r], weights then biases
                r = math.sqrt((2.0 if self.activation == "sigmoid" else 6.0) / (n_in + n_out))
                draws = [-r + 2.0 * r * rng.random() for j in range(n + m)]
            else:                           # numpy's randn(n_in, n_out) times 1, he's or glorot's
                fan = n_in + (n_out if init == "glorot" else 0)
                std = 1.0 if init == "normal" else math.sqrt(2.0 / fan)
                draws = [rng.normal() * std for j in range(n)] + [0.0] * m     # biases 0
            self.weights.append([draws[i * n_out:(i + 1) * n_out] for i in range(n_in)])
            self.biases.append(draws[n:])
        self._rng = rng              # goes on to shuffle the training data

    def _configure(self, sizes, activation, output_activation, loss, bias, init, seed,
                   input_scaling, target_scaling, who):
        "Set everything but the weights from the constructor's arguments, checked for who."
        self.sizes, self.activation, self.output_activation = sizes, activation, output_activation
        self.loss, self.bias, self.init = loss, bias, init
        self.seed = _fresh_seed() if seed is None else seed
        self.classes = self.input_names = self.target_name = self._rng = self._cache = None
        self._output_given = output_activation is not None
        for name, scaler in (("input_scaler", input_scaling), ("target_scaler", target_scaling)):
            if scaler is not None and not _is(scaler, Scaler):
                kind, scaler = scaler, Scaler()
                scaler.kind = kind                # checked next, named as the argument
            setattr(self, name, scaler)
        self._check_settings(who, "")

    def _activations(self):
        "Return the activation of every layer after the input: hidden ones, then the output."
        return [self.activation] * (len(self.sizes) - 2) + [self.output_activation]

    # -- forward, backward, train and predict: the story -------------------------

    def _forward(self, layers, X, portable=False):
        "Return (activations, Z): a_0 = X, a_(k+1) = f(a_k W_k + b_k), and the last layer's z."
        acts = [X]           # portable: the same bits everywhere (sums from the left, _exp)
        inner, exp, th = (_dot_in_order, _exp, _tanh) if portable else (_dot, math.exp, math.tanh)
        for (WT, W, b), name in zip(layers, self._activations()):
            if b:
                Z = [[inner(a, w) + c for w, c in zip(WT, b)] for a in acts[-1]]
            else:
                Z = [[inner(a, w) for w in WT] for a in acts[-1]]
            acts.append(_activate(name, Z, exp, th))
        return acts, Z

    def _backward(self, layers, acts, delta, visit):
        """Backpropagation: call visit(k, DT, AT) for every layer k, the last one first.

        delta: the output layer's dLoss/dz, a row per example. DT: layer k + 1's deltas, AT:
        layer k's activations, by column: dLoss/dweights[k][i][j] = dot(AT[i], DT[j]).
        """
        names = self._activations()
        for k in range(len(layers) - 1, -1, -1):
            DT, AT = _by_column(delta), _by_column(acts[k])
            if k:
                delta = _backpropagate(names[k - 1], delta, layers[k][1], acts[k])
            visit(k, DT, AT)

    def train(self, X, Y, epochs=1000, learning_rate=None, batch_size=None, optimizer="sgd",
              momentum=0.0, weight_decay=0.0, shuffle=True, validation_split=0.0,
              validation_data=None, patience=None, target_loss=None, time_limit=None,
              print_every=0, progress=False, seed=None):
        """Train the network on inputs X and targets Y by gradient descent; return a History.

        Y is a list of target rows, or a flat list of class labels (a classifier).
        epochs           passes over the data
        learning_rate    the step size; None means 0.1 for sgd and 0.001 for adam
        batch_size       rows per step; None means all rows (full-batch, as the tutorials)
        optimizer        "sgd" or "adam", or an SGD(...) or Adam(...) object
        momentum         for sgd, e.g. 0.9
        weight_decay     L2 regularisation: adds weight_decay * w to each weight's gradient
        shuffle          shuffle the rows every epoch (with batch_size); seeded
        validation_split the fraction of rows (the last ones) held out to validate
        validation_data  (X_val, Y_val) to validate on instead
        patience         stop when the validation loss (else the training loss) has not
                         improved for this many epochs, keeping the best epoch's weights
        target_loss      stop once the training loss is at or below this
        time_limit       stop after this many seconds
        print_every      print a line every this many epochs (0: never)
        progress         on a terminal, a one-line progress bar with the time left
        seed             reseed the shuffling; None goes on with the network's generator

        An epoch's loss is the mean of its batches' losses (sse: their sum), each before
        its step, as Keras has it. DivergedError for a loss that is not finite.
        """
        who = "train"
        epochs = _check_int(epochs, who, "epochs", 1, _MAX_EPOCHS)
        print_every = _check_int(print_every, who, "print_every", 0)
        momentum = _check_number(momentum, who, "momentum", 0.0, 1.0, high_open=True)
        weight_decay = _check_number(weight_decay, who, "weight_decay", 0.0)
        split = _check_number(validation_split, who, "validation_split", 0.0, 1.0, high_open=True)
        shuffle = _check_flag(shuffle, who, "shuffle")
        progress = _check_flag(progress, who, "progress")
        batch, patience, target_loss, time_limit, seed, learning_rate = [   # these may be None
            None if value is None else check(value, who, name, *limits)
            for value, check, name, limits in (
                (batch_size, _check_int, "batch_size", ()),
                (patience, _check_int, "patience", ()),
                (target_loss, _check_number, "target_loss", ()),
                (time_limit, _check_number, "time_limit", (0.0, None, True)),
                (seed, _check_int, "seed", (0, 0xffffffff)),
                (learning_rate, _check_number, "learning_rate", (0.0, None, True)))]
        if _is(optimizer, (SGD, Adam)):          # a copy, its settings checked again
            settings = [getattr(optimizer, name, None) for name in optimizer._settings]
            optimizer = type(optimizer)(learning_rate or settings[0], *settings[1:])
        elif _check_choice(optimizer, ["sgd", "adam"], who, "optimizer") == "sgd":
            optimizer = SGD(learning_rate or 0.1, momentum, weight_decay)
        elif momentum:
            raise ValueError("train: momentum is for sgd, not adam")
        else:
            optimizer = Adam(learning_rate or 0.001, weight_decay=weight_decay)

        layers = self._layers(who)           # checks the weights before anything changes
        rows, T = self._prepare(X, Y, who, learn=True)
        n, val = len(rows), None
        if validation_data is not None:
            pair = _sequence(validation_data, who, "validation_data", "a pair (X_val, Y_val)")
            if len(pair) != 2:
                raise TypeError("train: validation_data holds %d items, not 2" % len(pair))
            val = self._prepare(pair[0], pair[1], who,
                                names=("validation_data[0]", "validation_data[1]"))
        elif split > 0.0:
            held = int(n * split)
            if held < 1 or held >= n:
                raise ValueError("train: validation_split %r holds out %d of %d rows"
                                 % (split, held, n))
            n -= held
            val, rows, T = (rows[n:], T[n:]), rows[:n], T[:n]
        batch = min(batch or n, n)
        if seed is None and self._rng is None:   # a loaded network: go on from its seed
            self._rng = RandomState(self.seed)
        rng = self._rng if seed is None else RandomState(seed)
        loop = _training_loop(self, layers, rows, T, val, optimizer, batch, shuffle and batch < n,
                              rng)
        return loop.run(epochs, patience, target_loss, time_limit, print_every, progress)

    def predict(self, X):
        "Return the output row (in the targets' units) or class label for each row of X, or one."
        answers, single = self._answers(X, "predict")
        return answers[0] if single else answers

    # -- the settings and the weights, as the kernels want them ------------------

    def _check_settings(self, who, net="net."):
        "Check every setting but the weights and make it plain; net prefixes the names."
        self.sizes = sizes = _check_sizes(self.sizes, who, net + "sizes")
        if _is_text(self.activation) and self.activation == "softmax":
            raise ValueError("%s: softmax is for the output layer only; use "
                             "output_activation='softmax'" % who)
        for name, choices in (("activation", ACTIVATIONS), ("loss", LOSSES), ("init", _INITS),
                              ("output_activation", _OUTPUT_ACTIVATIONS)):
            value = getattr(self, name)
            if value is None and name == "output_activation":    # what the loss needs
                value = _OUTPUT_FOR.get(self.loss, self.activation)
            if value is not None or name == "activation":
                setattr(self, name, _check_choice(value, choices, who, net + name))
        needed = _OUTPUT_FOR.get(self.loss, self.output_activation)
        if self.output_activation != needed:
            raise ValueError("%s: %s needs output_activation %r, not %r"
                             % (who, self.loss, needed, self.output_activation))
        _check_flag(self.bias, who, net + "bias")
        self.seed = _check_int(self.seed, who, net + "seed", 0, 0xffffffff)
        if self.classes is not None:             # and the loss and scaling that suit them
            self._learn_classes(_check_classes(self.classes, who, "net.classes"), who,
                                "net.classes")
        for name, width in (("input_scaler", sizes[0]), ("target_scaler", sizes[-1])):
            scaler = getattr(self, name)     # the constructor's argument: input_scaling
            if scaler is not None:
                if not _is(scaler, Scaler):
                    raise TypeError("%s: net.%s must be a Scaler or None, got %s"
                                    % (who, name, _describe(scaler)))
                scaler._check(width, who, net + name if net else name.replace("er", "ing"))

    def _layers(self, who):
        "Return [(WT, W, b)] a layer from net.weights and net.biases: checked once, then cached."
        self._check_settings(who)
        cache, sizes, L = self._cache, self.sizes, len(self.sizes) - 1
        try:                         # a numpy row compares to an array, which is no answer
            if cache is not None and cache[0] == [sizes, self.bias, self.weights, self.biases]:
                return cache[1]
        except (TypeError, ValueError):
            pass
        weights = _sequence(self.weights, who, "net.weights")
        biases = _sequence(self.biases, who, "net.biases")
        if len(weights) != L or len(biases) != L:
            raise ValueError("%s: net.weights and net.biases must hold %d layers, not %d and %d"
                             % (who, L, len(weights), len(biases)))
        layers, Ws, bs = [], [], []  # and the cache's key: the weights and biases as floats
        for k in range(L):
            rows = _sequence(weights[k], who, "net.weights[%d]" % k)
            if len(rows) != sizes[k]:
                raise ValueError("%s: net.weights[%d] must have %d rows, got %d"
                                 % (who, k, sizes[k], len(rows)))
            W = [_number_row(row, sizes[k + 1], who, "net.weights[%d][%d]" % (k, i))
                 for i, row in enumerate(rows)]
            b = _number_row(biases[k], sizes[k + 1] if self.bias else 0, who,
                            "net.biases[%d]" % k)
            Ws.append(W)
            bs.append(b)
            layers.append((_transpose(W), W, b or None))    # W: weights[k] as floats, WT: W^T
        self._cache = ([list(sizes), self.bias, Ws, bs], layers)
        return layers

    def _store(self, layers):
        "Write the kernels' layers back into net.weights and net.biases."
        self.weights, self.biases, self._cache = [], [], None
        for WT, W, b in layers:
            self.weights.append(_transpose(WT))
            self.biases.append(list(b or []))

    # -- the answers, the cost and its gradient ----------------------------------

    def feedforward(self, x):
        "Return the outputs of every layer for one input row x (not scaled), input first."
        layers = self._layers("feedforward")
        rows = _number_rows(x, self.sizes[0], "feedforward", "x", single=True)[0]
        if len(rows) != 1:
            raise ValueError("feedforward: x must be one row, got %d" % len(rows))
        outputs = [a[0] for a in self._forward(layers, rows, portable=True)[0]]
        where = _first_not_finite(outputs)
        if where:
            raise ValueError("feedforward: layer %d's outputs are not finite" % where[0])
        return outputs

    def _answers(self, X, who, outputs=False):
        "Return (answers, single): what predict(X) answers for every row, or the outputs."
        layers = self._layers(who)
        rows, single = _number_rows(X, self.sizes[0], who, "X", single=True)
        O = self._forward(layers, self._scale_inputs(rows, who), portable=True)[0][-1]
        where = _first_not_finite(O)
        if where:
            raise ValueError("%s: the outputs for row %d of X are not finite" % (who, where[0]))
        if self.classes is not None and not outputs:
            O = [self.classes[_best_class(row)] for row in O]
        elif self.target_scaler is not None:      # never with classes: see _learn_classes
            O = self.target_scaler._apply(O, who, "the outputs", inverse=True)
        return O, single

    def _scale_inputs(self, rows, who, name="X"):
        "Return rows scaled as the training inputs were; refuse a scaling not fitted yet."
        for kind, scaler in (("input", self.input_scaler), ("target", self.target_scaler)):
            if scaler is not None and scaler.shift is None:
                raise ValueError("%s: %s_scaling is not fitted yet; train the network first"
                                 % (who, kind))
        scaler = self.input_scaler
        return rows if scaler is None else scaler._apply(rows, who, name)

    def _loss(self, layers, rows, T):
        "Return (loss, outputs) of the layers on rows and targets: the mean loss (sse: the sum)."
        acts, Z = self._forward(layers, rows)
        return _loss_sum(self.loss, Z, acts[-1], T, True), acts[-1]

    def cost(self, X, Y):
        "Return the loss on inputs X and targets Y (see LOSSES), on scaled targets if scaling."
        layers = self._layers("cost")
        rows, T = self._prepare(X, Y, "cost")
        acts, Z = self._forward(layers, rows)
        cost = _cost(self.loss, Z, acts[-1], T)
        if cost != cost:
            raise ValueError("cost: the loss is not a number")
        return cost

    def gradients(self, X, Y):
        """Return (weight_grads, bias_grads), the gradient of cost(X, Y), by backpropagation.

        weight_grads[k][i][j] is dcost / dweights[k][i][j]; bias_grads[k][j] likewise.
        """
        layers = self._layers("gradients")
        rows, T = self._prepare(X, Y, "gradients")
        acts, Z = self._forward(layers, rows)
        weight_grads, bias_grads = [None] * len(layers), [None] * len(layers)

        def keep(k, DT, AT):
            weight_grads[k] = [[_dot(d, a) for d in DT] for a in AT]
            bias_grads[k] = list(map(sum, DT)) if layers[k][2] else []
        self._backward(layers, acts, _output_delta(self.loss, self.output_activation, acts[-1],
                                                   T, len(rows)), keep)
        for k in range(len(layers)):
            if _first_not_finite(weight_grads[k] + [bias_grads[k]]):
                raise ValueError("gradients: the gradient of layer %d is not finite" % k)
        return weight_grads, bias_grads

    # -- the data: inputs, and targets that are numbers or class labels ----------

    def _prepare(self, X, Y, who, learn=False, names=("X", "Y")):
        """Return (inputs, targets) checked, labels one-hot, scaled; names: what X and Y are called.

        learn: set up the classes, the loss and the scaling from them, as train() does.
        """
        rows = _number_rows(X, self.sizes[0], who, names[0])[0]
        name, width = names[1], self.sizes[-1]
        Y = _as_list(Y, who, name)
        if len(Y) != len(rows):
            raise ValueError("%s: %s has %d rows but %s has %d"
                             % (who, names[0], len(rows), name, len(Y)))
        if _is_scalar(Y[0]) and self.loss in ("sse", "mse") and self.classes is None:
            for i, y in enumerate(Y):                          # a number a row
                if not _is_number(y):
                    raise TypeError("%s: %s[%d] is %s; the loss %r needs numeric targets, not "
                                    "labels" % (who, name, i, _describe(y), self.loss))
            Y = [[y] for y in Y]
        if _is_scalar(Y[0]):                                   # class labels
            Y = [_check_label(y, who, "%s[%d]" % (name, i)) for i, y in enumerate(Y)]
            if len(set(map(_label_kind, Y))) > 1:
                raise TypeError("%s: %s mixes class labels of different kinds" % (who, name))
            if self.classes is None:
                if not learn:
                    raise ValueError("%s: the network has no classes" % who)
                self._learn_classes(sorted(set(Y)), who)
            for i, y in enumerate(Y):
                if y not in self.classes:
                    raise ValueError("%s: %s[%d] is %s, not one of net.classes %s"
                                     % (who, name, i, _glimpse(y), _short_list(self.classes)))
            # one-hot rows; two classes on one output: the second class's column
            T = [[float(c == y) for c in self.classes][-width:] for y in Y]
        else:
            T = _number_rows(Y, width, who, name)[0]
            scaler = self.target_scaler
            if scaler is not None and (learn or scaler.shift is not None):  # or _scale_inputs
                if scaler.shift is None:                                   # refuses it
                    scaler._fit(T, who, name)
                T = scaler._apply(T, who, name)
            if self.loss in _OUTPUT_FOR:         # a cross-entropy: probabilities
                _check_probabilities(T, who, name)
        if learn and self.input_scaler is not None and self.input_scaler.shift is None:
            self.input_scaler._fit(rows, who, names[0])
        if self.loss is None:                   # rows of numbers: a regression
            self.loss = "mse"
        return self._scale_inputs(rows, who, names[0]), T

    def _learn_classes(self, classes, who, name="Y"):
        "Set net.classes, and the loss and output activation that suit them; name: whose they are."
        width, n = self.sizes[-1], len(classes)
        loss = "binary_crossentropy" if width == 1 else "cross_entropy"  # 1: two on a sigmoid
        output = _OUTPUT_FOR[loss]
        if self.target_scaler is not None:
            raise ValueError("%s: target_scaling is for numeric targets, not class labels" % who)
        if n < 2:
            raise ValueError("%s: %s holds only one class, %r" % (who, name, classes[0]))
        if max(width, 2) != n:
            raise ValueError("%s: %s holds %d classes for %d outputs; use %d (1 for two)"
                             % (who, name, n, width, n))
        if self.loss not in (None, loss) or (self._output_given and
                                             self.output_activation != output):
            raise ValueError("%s: %d classes on %d outputs need loss %r and output_activation "
                             "%r, not %r and %r" % (who, n, width, loss, output, self.loss,
                                                    self.output_activation))
        self.loss, self.output_activation, self.classes = loss, output, list(classes)

    # -- saving, classification and scores, looking at it ------------------------

    def save(self, path):
        "Save the network to path as JSON (never half-written); nn.load(path) gives it back."
        _save(self, path)

    def export_python(self, path):
        "Write the network to path as a Python module whose predict(x) answers as net.predict."
        return _tools("export_python").export_python(self, path)

    @classmethod
    def from_weights(cls, weights, biases=None, activation="sigmoid", output_activation=None,
                     loss=None, classes=None, sizes=None):
        """Return a network with the given weights and biases (plain nested lists).

        weights[k][i][j] as net.weights (PyTorch's weight transposed); biases None for none.
        """
        return _from_weights(cls, weights, biases, activation, output_activation, loss,
                             classes, sizes)

    def predict_proba(self, X):
        "Return the probability of each class (net.classes) for every row of X; one row: one list."
        if self.classes is None:
            raise ValueError("predict_proba: the network has no classes")
        O, single = self._answers(X, "predict_proba", True)
        if self.sizes[-1] == 1:                  # two classes on one output
            O = [[1.0 - row[0], row[0]] for row in O]
        return O[0] if single else O

    def score(self, X, Y):
        "Return the accuracy on X and labels Y for a classifier, else R^2 (see _r2)."
        who = "score"
        answers, Y = self._answers(X, who)[0], _as_list(Y, who, "Y")
        if len(Y) != len(answers):
            raise ValueError("score: X has %d rows but Y has %d" % (len(answers), len(Y)))
        if self.classes is not None:
            return sum([1.0 for i, y in enumerate(Y)          # every label checked
                        if _check_label(y, who, "Y[%d]" % i) == answers[i]]) / len(Y)
        if _is_scalar(Y[0]):
            Y = [[y] for y in Y]
        return _r2(answers, _number_rows(Y, self.sizes[-1], who, "Y")[0])

    def parameter_count(self):
        "Return the number of weights and biases."
        self._check_settings("parameter_count")
        return sum([(a + (1 if self.bias else 0)) * b for a, b in zip(self.sizes, self.sizes[1:])])

    def summary(self, file=None):
        "Print the layers, their units, activations and parameter counts (to file, if given)."
        return _tools("summary").summary(self, file)

    def explain(self, X, Y, learning_rate=None, file=None, digits=6):
        "Print one step of training on at most 4 rows, with every number (see nn_tools.explain)."
        return _tools("explain").explain(self, X, Y, learning_rate, file, digits)

    def to_svg(self, path=None, labels=None):
        "Draw the network as SVG: to path, or returned; labels: the weights (None: if few)."
        return _tools("to_svg").draw(self, path, labels)

    def __repr__(self):
        return "Network(%r, activation=%r, output_activation=%r, loss=%r, bias=%r)" % (
            self.sizes, self.activation, self.output_activation, self.loss, self.bias)


def _restated(error, who, more=""):
    "Return an error like error, its message under the name who instead of the function's own."
    return type(error)("%s: %s%s" % (who, str(error).split(": ", 1)[-1], more))


def _best_class(row):
    "Return the index of the class a row of outputs picks (one sigmoid output: p >= 0.5)."
    return int(row[0] >= 0.5) if len(row) == 1 else row.index(max(row))


def _hits(O, T):
    "Return how many output rows pick the same class as their target rows."
    return float(sum([1 for o, t in zip(O, T) if _best_class(o) == _best_class(t)]))


def _squares(O, Y):
    "Return each column's sum over the rows of (o - y)^2, added in order as nn_fast adds them."
    sums = [0.0] * len(Y[0])
    for o, y in zip(O, Y):
        sums = [s + (a - b) * (a - b) for s, a, b in zip(sums, o, y)]
    return sums


def _r2(O, Y, residuals=None):
    "Return R^2 of outputs O (or their residuals, see _squares) on targets Y, as r2_score."
    if residuals is None:          # columns whose squares would overflow scaled: R^2 has no units
        tops = [max(map(abs, column)) for column in _by_column(O + Y)]
        limit = math.sqrt(_BIG) * 1e-4     # no float literal beyond a 32-bit float's range
        scales = [top if top > limit else 1.0 for top in tops]
        O, Y = [[[v / s for v, s in zip(row, scales)] for row in A] for A in (O, Y)]
        residuals = _squares(O, Y)
    means = [sum(column) / len(column) for column in _by_column(Y)]
    score = 0.0
    for r, t in zip(residuals, _squares([means] * len(Y), Y)):
        score += 1.0 - r / t if t > 0.0 else (0.0 if r else 1.0)
    return score / len(means)


def _write_lines(lines, file=None, who=None, end="\n"):
    "Write lines of text to file, or to standard output (None), escaping what it cannot encode."
    out = sys.stdout if file is None else file
    text = "\n".join(lines) + end
    try:
        try:
            out.write(text)
        except UnicodeError:
            out.write(text.encode("ascii", "backslashreplace").decode("ascii"))
        if file is None:
            out.flush()
    except Exception as error:       # standard output that fails (pythonw) loses the lines
        if file is not None:             # a caller's file: FileError for the disk, else TypeError
            if who is None:
                raise
            kind = FileError if isinstance(error, _IOError) else TypeError
            raise kind("%s: cannot write to the file: %s" % (who, _reason(error)))


def _check_stream(file, who, name="file"):
    "Return file if it is None (standard output) or has a write() method; else raise TypeError."
    if file is not None and not callable(getattr(file, "write", None)):
        raise TypeError("%s: %s must have a write() method, got %s" % (who, name, _describe(file)))
    return file


class _TrainingLoop(object):
    "One run of train() on a copy of the layers, written back to the network however it ends."

    compiled = run_many = None   # nn_fast's straight-line epoch, and its many epochs in one call

    def __init__(self, net, layers, rows, T, val, optimizer, batch, shuffle, rng):
        self.net, self.rows, self.T, self.val, self.optimizer = net, rows, T, val, optimizer
        self.batch, self.shuffle, self.rng, self.layers = batch, shuffle, rng, layers
        self.classify = net.classes is not None
        self.restore(self.snapshot())    # a copy: the network's weights change only at the end

    def epoch(self, order):
        "Run a pass over the rows in the given order; return the summed loss and metric."
        if self.compiled:
            return self.compiled_epoch(order)
        net, layers, rows, T, batch = self.net, self.layers, self.rows, self.T, self.batch

        def update(k, DT, AT):      # a step down layer k's gradient; W for the deltas made again
            WT, W, b = layers[k]
            self.optimizer.step(k, WT, b, DT, AT)
            layers[k] = (WT, _by_column(WT) if k else None, b)
        total, hits = 0.0, 0.0 if self.classify else [0.0] * len(T[0])
        for start in range(0, len(rows), batch):
            chosen = order[start:start + batch]
            Xb, Tb = [rows[i] for i in chosen], [T[i] for i in chosen]
            acts, Z = net._forward(layers, Xb)
            total += _loss_sum(net.loss, Z, acts[-1], Tb)
            if self.val:
                hits = (hits + _hits(acts[-1], Tb) if self.classify else
                        [h + r for h, r in zip(hits, _squares(acts[-1], Tb))])
            net._backward(layers, acts, _output_delta(net.loss, net.output_activation, acts[-1],
                                                      Tb, len(Xb)), update)
        return total, hits

    def snapshot(self):
        "Return a copy of the weights and biases being trained."
        return [([r[:] for r in WT], list(b) if b else None) for WT, W, b in self.layers]

    def restore(self, saved):
        "Go back to the weights of a snapshot, taken over, not copied."
        self.layers = [(WT, _by_column(WT) if k else None, b) for k, (WT, b) in enumerate(saved)]

    def finite(self):
        "Return True when every weight and bias is finite (a sum in C, NaN if any is not)."
        return _finite(sum([sum([sum(r) for r in WT]) + sum(b or []) for WT, W, b in self.layers]))

    def run(self, epochs, patience, target_loss, time_limit, print_every, progress):
        "Train for up to epochs passes; return the History."
        net, n, val = self.net, len(self.rows), self.val
        history = _series(epochs)
        h = history.history
        name = "accuracy" if self.classify else "r2"
        keys = ("loss", "val_loss", name, "val_" + name) if val else ("loss",)
        for key in keys[1:]:     # the metrics, as Keras gives them when asked: with validation
            h[key] = _series(epochs)
        watched = h[keys[1] if val else "loss"]          # the loss patience watches
        count = n if net.loss != "sse" else 1
        started, shown = _clock(), -1.0
        bar = progress and getattr(sys.stdout, "isatty", bool)()      # pythonw: no stdout
        before = good = self.snapshot()
        reason, best, order = "epochs", None, list(range(n))
        try:
            if self.run_many and not (val or print_every or bar or self.shuffle) and (
                    patience, target_loss, time_limit) == (None, None, None):
                try:             # nothing to watch between epochs: nn_fast runs many at once
                    self.run_many(epochs, count, history)
                finally:         # Ctrl-C too: the weights and losses of the chunks kept
                    before = good = self.snapshot()
            for e in range(len(history), epochs):
                if self.shuffle:         # the last order shuffled again, as scikit-learn does
                    order = [order[i] for i in self.rng.permutation(n)]
                total, hits = self.epoch(order)
                loss = total / count
                if not _finite(loss) or not self.finite():   # a loss beyond floats: one more back
                    reason, good = "diverged", good if _finite(loss) else before
                    break
                before, good = good, self.snapshot()
                history.append(loss)
                if val:
                    val_loss, O = net._loss(self.layers, val[0], val[1])
                    h["val_loss"].append(val_loss)
                    h[name].append(hits / n if self.classify else _r2(None, self.T, hits))
                    h["val_" + name].append(_hits(O, val[1]) / len(O) if self.classify else
                                            _r2(O, val[1]))
                if patience is not None and (best is None or
                                             watched[e] < watched[history.best_epoch]):
                    # the weights the loss is of: full batch without validation, the epoch's start
                    best = before if val is None and self.batch >= n else good
                    history.best_epoch = e
                text, now = "", _clock()
                if print_every and e % print_every == 0:
                    text = "  ".join(["epoch %d/%d" % (e, epochs)] +
                                     ["%s %s" % (key, _fmt(h[key][e])) for key in keys]) + "\n"
                if bar and (text or now - shown >= 0.1 or e + 1 == epochs):   # 10 times a second
                    shown = now
                    text = "\r%79s\r%s[%-30s] %d/%d  loss %s  %ds left " % (
                        "", text, "#" * (30 * (e + 1) // epochs), e + 1, epochs, _fmt(loss),
                        int((now - started) * (epochs - e - 1) / (e + 1.0) + 0.5))
                if text:
                    _write_lines([text], end="")
                if patience is not None and e - history.best_epoch >= patience:
                    reason = "early_stopping"
                elif target_loss is not None and loss <= target_loss:
                    reason = "target_loss"
                elif time_limit is not None and now - started >= time_limit:
                    reason = "time_limit"
                if reason != "epochs":
                    break
        except KeyboardInterrupt:
            reason = "interrupted"
        self.restore(best if best is not None and reason != "diverged" else good)
        net._store(self.layers)
        for series in h.values():       # cut to the epochs every series has: the last one's
            series._n = len(h[keys[-1]])
            del series._blocks[(series._n + 31) >> 5:]        # and the blocks made for more
        history.stop_reason, history.seconds = reason, _clock() - started
        if bar:
            _write_lines(["\r%79s\r" % ""], end="")
        if reason == "diverged":
            what = "the weights became too large" if _finite(loss) else "the loss became %r" % loss
            error = DivergedError("train: %s in epoch %d; scale the inputs or lower the learning "
                                  "rate (it keeps the weights at the start of epoch %d)"
                                  % (what, e, e if _finite(loss) else max(e - 1, 0)))
            error.history = history
            raise error
        if print_every or progress:
            _write_lines([_stop_line(history, epochs)])
        return history


_training_loop = _TrainingLoop  # what train() runs; nn_fast gives its own for small networks


def _fmt(x):
    "Return a number with six significant digits, for people to read."
    if x == 0.0 or 1e-4 <= abs(x) < 1e15 or not _finite(x):
        return "%.6g" % x
    exponent = int(math.floor(math.log10(abs(x))))     # "%g" by hand: Brython's is wrong here
    shift = 16 if exponent < -300 else 0                # 10.0 ** -320 would be 0.0
    text = _fmt(x * 10.0 ** shift / 10.0 ** (exponent + shift))
    if text.lstrip("-") == "10":                        # rounded up to the next power of ten
        text, exponent = text[:-1], exponent + 1
    return "%se%+03d" % (text, exponent)


def _stop_line(history, epochs):
    "Return the line that says why training ended."
    reason = history.stop_reason    # target_loss, time_limit: "the target loss was reached"
    why = {"epochs": "all %s done" if epochs > 1 else "%s done",
           "early_stopping": "stopped early after %s: no improvement for a while",
           "interrupted": "interrupted after %s"}.get(
        reason, "stopped after %%s: the %s was reached" % reason.replace("_", " "))
    line = "%s in %.1f s" % (why % _plural(epochs if reason == "epochs" else len(history),
                                           "epoch"), history.seconds)
    if history:
        line += ", loss %s" % _fmt(history[-1])
    if history.best_epoch is not None:
        line += "; kept the weights of epoch %d" % history.best_epoch
    return line


def _plural(n, noun):
    "Return '1 epoch' or '3 epochs'."
    return "%d %s%s" % (n, noun, "" if n == 1 else "s")


# ---------------------------------------------------------------------------
# History: what train() returns
# ---------------------------------------------------------------------------

class DivergedError(ValueError):
    "An infinite or NaN loss stopped training: the last finite weights stay, .history has it."


class History(object):
    """What train() returns: the loss of every epoch, read as a list, with more beside it.

    history[e]           the training loss of epoch e (measured during the epoch)
    history.history      a dict of series, as Keras returns: "loss", and with validation
                         "val_loss", "accuracy" or "r2", "val_accuracy" or "val_r2"
    history.stop_reason  "epochs", "early_stopping", "target_loss", "time_limit" or "interrupted"
    history.best_epoch   the epoch whose weights were kept, with patience set
    history.seconds      how long training took
    """

    stop_reason = best_epoch = None
    seconds = 0.0
    _typecode = None              # "d" or "f": blocks of array(_typecode), as _series makes them

    def __init__(self, losses=()):
        # Blocks of 32 numbers: a board's heap, scattered by training, has room for many small
        # blocks long after it has none for one large list. train() cuts a series by lowering _n.
        self._blocks, self._n = [], 0
        self.history = {"loss": self}
        self.extend(losses)

    def __len__(self):
        return self._n

    def __getitem__(self, e):    # iter() and list() read through this too
        if type(e) is slice:
            return list(self)[e]
        if not -self._n <= e < self._n:
            raise IndexError(e)
        e %= self._n
        return self._blocks[e >> 5][e & 31]

    def __eq__(self, other):
        return list(self) == list(other)

    def __repr__(self):
        return repr(list(self))

    def append(self, value):
        "Add the number of the next epoch."
        n = self._n
        self._reserve(n + 1)
        self._blocks[n >> 5][n & 31] = value
        self._n = n + 1

    def _reserve(self, n):
        "Make room for n numbers, in blocks of 32."
        blocks = self._blocks
        while len(blocks) << 5 < n:  # copies of the first: no list of 32 floats left as a gap
            blocks.append(blocks[0][:] if blocks else
                          _array(self._typecode, [0.0] * 32) if self._typecode else [None] * 32)

    def extend(self, values):
        "Add the numbers of the next epochs."
        for value in values:
            self.append(value)

    def plot(self, width=60, height=12, log=False, file=None):
        "Print the loss of every epoch as a text chart: '*' training, 'o' validation."
        return _tools("plot").plot(self, width, height, log, file)

    def to_svg(self, path=None, log=False):
        "Draw the loss curve as an SVG picture: write it to path, or return its text if no path."
        return _tools("to_svg").history_svg(self, path, log)


def _series(epochs):
    "Return an empty History that keeps its numbers unboxed where array is: 8 bytes, 4 on a board."
    series = History()
    series._typecode = None if _array is None else "f" if _FLOAT32 else "d"
    series._reserve(min(epochs, 8192))  # the blocks made before training scatters a board's heap
    return series


# ---------------------------------------------------------------------------
# Checking the gradients
# ---------------------------------------------------------------------------

def check_gradients(net, X, Y, epsilon=1e-5):
    """Return the worst relative error between backpropagation and finite differences.

    Each slope (cost(w + epsilon) - cost(w - epsilon)) / (2 epsilon) is compared with
    net.gradients(X, Y): near 1e-7 or below means backpropagation is right, near 1 a bug.
    """
    who = "check_gradients"
    if not _is(net, Network):
        raise TypeError("%s: net must be a Network, got %s" % (who, _describe(net)))
    epsilon = _check_number(epsilon, who, "epsilon", 0.0, 1.0, low_open=True)
    layers = [(list(map(list, WT)), W, list(b) if b else None) for WT, W, b in net._layers(who)]
    rows, T = net._prepare(X, Y, who)
    count = net.parameter_count()
    if 2 * count * count * len(rows) > _MAX_WORK:      # two costs for every weight
        raise ValueError("%s: %d parameters on %d rows would take hours" % (who, count, len(rows)))
    try:
        weight_grads, bias_grads = net.gradients(X, Y)
    except (TypeError, ValueError) as error:    # in gradients' words: say whose they are
        raise _restated(error, who)
    worst = 0.0
    for k, (WT, W, b) in enumerate(layers):
        # each unit's incoming weights, then the biases, beside backpropagation's slopes
        for values, slopes in list(zip(WT, _by_column(weight_grads[k]))) + [(b, bias_grads[k])]:
            for j, analytic in enumerate(slopes):
                saved = values[j]
                values[j] = saved + epsilon
                up = net._loss(layers, rows, T)[0]
                values[j] = saved - epsilon
                estimate = (up - net._loss(layers, rows, T)[0]) / (2.0 * epsilon)
                values[j] = saved
                if not _finite(estimate):
                    raise ValueError("%s: the cost overflows near layer %d's weights" % (who, k))
                scale = max(abs(analytic), abs(estimate), 1e-8)
                worst = max(worst, abs(analytic - estimate) / scale)
    return worst


# ---------------------------------------------------------------------------
# Adam
# ---------------------------------------------------------------------------
#   m <- b1 m + (1 - b1) g;  s <- b2 s + (1 - b2) g^2;
#   w <- w - learning_rate * m_hat / (sqrt(s_hat) + epsilon)
# where m_hat, s_hat undo the bias of starting at 0.

class Adam(object):
    "Adam: per-weight step sizes from running averages of the gradient and its square."

    _settings = ("learning_rate", "beta1", "beta2", "epsilon", "weight_decay")

    def __init__(self, learning_rate=0.001, beta1=0.9, beta2=0.999, epsilon=1e-8,
                 weight_decay=0.0):
        who = "Adam"
        self.learning_rate = _check_number(learning_rate, who, "learning_rate", 0.0, low_open=True)
        self.beta1 = _check_number(beta1, who, "beta1", 0.0, 1.0, high_open=True)
        self.beta2 = _check_number(beta2, who, "beta2", 0.0, 1.0, high_open=True)
        self.epsilon = _check_number(epsilon, who, "epsilon", 0.0, low_open=True)
        self.weight_decay = _check_number(weight_decay, who, "weight_decay", 0.0)
        self._moments = {}

    def step(self, k, WT, b, DT, AT):
        "Update layer k's weight rows WT and biases b in place."
        b1, b2, sqrt = self.beta1, self.beta2, math.sqrt
        rows = _step_rows(WT, b, DT, AT, self.weight_decay)
        if k not in self._moments:           # m and s for each row of values; t
            self._moments[k] = ([[0.0] * len(values) for values, grads, decay in rows],
                                [[0.0] * len(values) for values, grads, decay in rows], [0])
        M, S, t = self._moments[k]
        t[0] += 1
        # the bias corrections, folded into the step size
        lr = self.learning_rate * sqrt(1.0 - b2 ** t[0]) / (1.0 - b1 ** t[0])
        eps_hat = self.epsilon * sqrt(1.0 - b2 ** t[0])
        for (values, grads, decay), m_row, s_row in zip(rows, M, S):
            for i, g in enumerate(grads):
                g += decay * values[i]
                m_row[i] = m = b1 * m_row[i] + (1.0 - b1) * g
                s_row[i] = s = b2 * s_row[i] + (1.0 - b2) * g * g
                values[i] -= lr * m / (sqrt(s) + eps_hat)


# ---------------------------------------------------------------------------
# Scaling
# ---------------------------------------------------------------------------

class Scaler(object):
    """Scales columns as x' = (x - shift) / divisor, learnt with fit(rows).

    kind: "max"      divide by the largest absolute value (tutorial 2's scaling)
          "minmax"   map the smallest value to 0 and the largest to 1
          "standard" subtract the mean and divide by the standard deviation
          a number   divide every column by it, e.g. 100 for exam scores
    A constant column gets divisor 1.
    """

    def __init__(self, kind="standard", shift=None, divisor=None):
        self.kind, self.shift, self.divisor = kind, shift, divisor
        self._check(None, "Scaler")

    def _check(self, width, who, name=""):
        "Check kind, shift and divisor (width columns, or any for None), making them plain."
        prefix = name and name + "."                  # in messages, before the attributes
        kind = self.kind
        if _is(kind, _TEXT):
            kind = _check_choice(kind, ("max", "minmax", "standard"), who, prefix + "kind")
        elif _check_number(kind, who, prefix + "kind") == 0.0:
            raise ValueError("%s: %skind must not be 0" % (who, prefix))
        shift, divisor = self.shift, self.divisor
        if shift is not None or divisor is not None:
            if width is None:
                width = len(_sequence(shift, who, prefix + "shift", "a list of numbers"))
            shift = _number_row(shift, width, who, prefix + "shift")
            divisor = _number_row(divisor, width, who, prefix + "divisor")
            if 0.0 in divisor:
                raise ValueError("%s: %sdivisor holds a 0" % (who, prefix))
        self.kind, self.shift, self.divisor = _plain(kind, who, prefix + "kind"), shift, divisor

    def fit(self, rows):
        "Learn the shift and divisor of every column from rows; return self."
        self._check(None, "Scaler.fit")
        return self._fit(_number_rows(rows, None, "Scaler.fit", "rows")[0], "Scaler.fit", "rows")

    def _fit(self, rows, who, name):
        "Learn from checked rows (kind checked); name is what the caller calls them."
        kind, n = self.kind, float(len(rows))
        shift, divisor = [], []
        for j, col in enumerate(_by_column(rows)):
            s, d = 0.0, kind                          # kind a number: divide by it
            if kind == "max":
                d = max(map(abs, col))
            elif kind == "minmax":
                s, d = min(col), max(col) - min(col)
            elif kind == "standard":
                s = sum(col) / n
                d = math.sqrt(sum([(v - s) * (v - s) for v in col]) / n)
            if not (_finite(s) and _finite(d)):
                raise ValueError("%s: column %d of %s is too large for %r scaling"
                                 % (who, j, name, kind))
            shift.append(s)
            divisor.append(float(d) or 1.0)           # a constant column
        self.shift, self.divisor = shift, divisor
        return self

    def transform(self, rows, inverse=False):
        "Return rows scaled, (x - shift) / divisor in every column (inverse: scaled back)."
        who = "Scaler.inverse" if inverse else "Scaler.transform"
        self._check(None, who)
        if self.shift is None:
            raise ValueError("%s: not fitted yet; call fit(rows) first" % who)
        return self._apply(_number_rows(rows, len(self.shift), who, "rows")[0], who, "rows",
                           inverse)

    def inverse(self, rows):
        "Return scaled rows mapped back to the original units: x' * divisor + shift."
        return self.transform(rows, True)

    def _apply(self, rows, who, name, inverse=False):
        "Return checked rows scaled (or, with inverse=True, scaled back); refuse overflow."
        out = [[x * d + s if inverse else (x - s) / d
                for x, s, d in zip(row, self.shift, self.divisor)] for row in rows]
        where = _first_not_finite(out)
        if where:
            raise ValueError("%s: row %d of %s, value %d, is too large to scale"
                             % (who, where[0], name, where[1]))
        return out

    def to_dict(self):
        "Return the scaler as a dict of plain values, for saving."
        return {"kind": self.kind, "shift": self.shift, "divisor": self.divisor}


# ---------------------------------------------------------------------------
# Random numbers: numpy's legacy generator, on every interpreter
# ---------------------------------------------------------------------------
# random.seed(1) gives other streams on Jython and MicroPython: this is numpy's MT19937.

class RandomState(object):
    """The stream of numpy's legacy np.random, bit for bit, on every interpreter.

    RandomState(1).randn(3, 4) is np.random.seed(1); np.random.randn(3, 4).
    """

    def __init__(self, seed):
        prev = _check_int(seed, "RandomState", "seed", 0, 0xffffffff)
        # the 624 words of state np.random.seed(seed) starts from (init_genrand)
        state = _array("I", range(624)) if _array else list(range(624))   # 2.5 KB, not 15 as ints
        if getattr(state, "itemsize", 4) < 4:        # MicroPython has no itemsize: "I" is 32 bits
            state = _array("L", state)
        state[0] = prev
        for i in range(1, 624):
            prev = (1812433253 * (prev ^ (prev >> 30)) + i) & 0xffffffff
            state[i] = prev
        self._state, self._index = state, 624
        self._spare = None                     # the polar method makes normals in pairs
        self._fast = None                      # the same stream from C, where there is one:
        try:                                   # CPython, PyPy, Pyodide and Brython
            fast = _random.Random()
            fast.setstate((3, (1,) * 624 + (624,), None))
            if fast.random() == 0.9954821169039764:    # numpy's, from 624 words of 1
                fast.setstate((3, tuple(state) + (624,), None))
                self._fast = fast
        except Exception:                      # no Random (MicroPython), or another state
            pass

    def uint32(self):
        "Return the next 32-bit word of the stream, an integer in [0, 2**32)."
        if self._fast:
            return self._fast.getrandbits(32)
        mt = self._state
        if self._index >= 624:                 # refill the state: the twist
            for k in range(624):
                y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff)
                v = mt[(k + 397) % 624] ^ (y >> 1)
                mt[k] = v ^ 0x9908b0df if y & 1 else v
            self._index = 0
        y = mt[self._index]
        self._index += 1
        y ^= y >> 11                           # tempering
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        return y ^ (y >> 18)

    def random(self):
        "Return a float in [0, 1) made from two words, as np.random.random_sample()."
        if self._fast:
            return self._fast.random()
        a = self.uint32() >> 5
        return (a * 67108864.0 + (self.uint32() >> 6)) / 9007199254740992.0

    def normal(self):
        "Return a standard normal number, as np.random.randn() (the polar method)."
        if self._spare is not None:
            value, self._spare = self._spare, None
            return value
        r2 = 0.0
        while not 0.0 < r2 < 1.0:
            x1 = 2.0 * self.random() - 1.0
            x2 = 2.0 * self.random() - 1.0
            r2 = x1 * x1 + x2 * x2
        # numpy calls the C library's log; _log is correctly rounded, the same everywhere,
        # and glibc's but for 8 inputs in 10,000
        f = math.sqrt(-2.0 * _log(r2) / r2)
        self._spare = f * x1
        return f * x2

    def randn(self, rows, columns):
        "Return a rows-by-columns matrix of normal numbers, as np.random.randn(rows, columns)."
        rows = _check_int(rows, "randn", "rows", 0, _MAX_DRAWS)           # numbers drawn
        columns = _check_int(columns, "randn", "columns", 0, _MAX_DRAWS // max(rows, 1))
        return [[self.normal() for j in range(columns)] for i in range(rows)]

    def interval(self, top):
        "Return an integer in [0, top], as numpy draws them (masked rejection); top below 2**32."
        mask = top = _check_int(top, "interval", "top", 0, 0xffffffff)
        for shift in (1, 2, 4, 8, 16):
            mask |= mask >> shift
        value = mask + 1
        while value > top:
            value = self.uint32() & mask
        return value

    def permutation(self, n):
        "Return the integers 0..n-1 shuffled, as np.random.permutation(n)."
        order = list(range(_check_int(n, "permutation", "n", 0, _MAX_DRAWS)))
        for i in range(n - 1, 0, -1):
            j = self.interval(i)
            order[i], order[j] = order[j], order[i]
        return order


def _fresh_seed():
    "Return a seed from the operating system (or the clock), leaving random's state alone."
    try:
        return sum([b << (8 * i) for i, b in enumerate(bytearray(os.urandom(4)))])
    except Exception:
        return int(_clock() * 1000003) & 0xffffffff


# ---------------------------------------------------------------------------
# Arithmetic that gives the same bits on every interpreter
# ---------------------------------------------------------------------------
# +, -, *, / and sqrt are exactly rounded everywhere, but exp, tanh and log come from
# each platform's library and differ in the last bit now and then. So predict() uses
# this exp and tanh, made of exact operations, and the generator this correctly rounded
# log; training keeps the library's. export_python copies these lines, from _LN2_HI to
# the end of _tanh, so its notes are here: k * _LN2_HI is exact (log 2 to 32 bits, _LN2_LO
# the rest); NaN gives NaN, as math's (floor() would raise); below t = 0.34, e^t - 1 is the
# series': no cancellation. Plain code, not text run by exec: a board needs no compiler.
_LN2_HI = 0.6931471803691238
_LN2_LO = 1.9082149292705877e-10
_INVERSE_FACTORIALS = [1.0 / f for f in (6227020800, 479001600, 39916800, 3628800, 362880,
                                         40320, 5040, 720, 120, 24, 6, 2, 1)]


def _expm1_small(r):
    "Return e^r - 1 for |r| <= 0.35 by Horner's rule on its Taylor series to r^13."
    p = 0.0
    for c in _INVERSE_FACTORIALS:
        p = (p + c) * r
    return p


def _exp(x):
    "Return e^x within an ulp, the same bits everywhere: 2^k e^r, x = k log 2 + r."
    if x != x:
        return x
    if x < -745.2:
        return 0.0
    x = min(x, 709.0)
    k = int(math.floor(x * 1.4426950408889634 + 0.5))
    r = (x - k * _LN2_HI) - k * _LN2_LO
    return math.ldexp(1.0 + _expm1_small(r), k)


def _tanh(z):
    "Return tanh(z) = (e^2z - 1) / (e^2z + 1) within a few ulps, the same bits everywhere."
    if z != z:
        return z
    t = 2.0 * abs(z)
    e = _expm1_small(t) if t <= 0.34 else _exp(min(t, 44.0)) - 1.0
    q = 1.0 if t >= 44.0 else e / (e + 2.0)
    return -q if z < 0 else q


def _log(x):
    "Return the natural logarithm of x > 0, correctly rounded, with integers only."
    # x = M 2^(e - 53), M in [sqrt(1/2), sqrt(2)) 2^53, and log(M / 2^53) is 2 atanh(s),
    # s = (M - 2^53) / (M + 2^53): its series, s + s^3/3 + ..., in 120-bit fixed point
    m, e = math.frexp(x)
    one = 9007199254740992                   # 2^53
    M = int(m * one)
    if M < 6369051672525773:                 # 2^53 sqrt(1/2), rounded up
        M, e = M * 2, e - 1
    s = (abs(M - one) << 120) // (M + one)
    s2, total, term, k = (s * s) >> 120, s, s, 1
    while term:                              # each term is 5 bits smaller: about 24 terms
        term = (term * s2) >> 120
        k += 2
        total += term // k
    # 2^120 log 2, as 2 atanh(1/3) by the sum above
    value = 2 * (total if M >= one else -total) + e * 0xb17217f7d1cf79abc9e3b39803f2d4
    a = abs(value)
    extra = max(len(bin(a)) - 2 - 53, 0)     # bits beyond a double's 53: round them off
    q, rest = a >> extra, a & ((1 << extra) - 1)
    if 2 * rest > 1 << extra or (2 * rest == 1 << extra and q & 1):    # ties to even
        q += 1
    result = math.ldexp(float(q), extra - 120)      # exact: q has at most 54 bits
    return result if value >= 0 else -result


# ---------------------------------------------------------------------------
# Saving and loading
# ---------------------------------------------------------------------------
# A network is saved as JSON, each float as the shortest text that reads back to the
# same bits. load() measures digits and nesting before it parses.

_FORMAT, _FORMAT_VERSION = "nn.py network", 1
_FIELDS = ("format", "version", "sizes", "activation", "output_activation", "loss", "bias",
           "init", "seed", "classes", "input_scaling", "target_scaling", "input_names",
           "target_name", "weights", "biases", "comment")
_MAX_FILE_BYTES = 64 * 1024 * 1024       # a network at the parameter limit takes 45-52 MB
_MAX_NESTING = 10                        # a saved network nests 4 deep
_MAX_DIGITS = 400                        # a saved float has 17 significant digits
_FOLDER = 0o040000                       # a folder's kind in os.stat()'s mode


def _float_text(x):
    "Return the shortest text that reads back as exactly x (never 'e+', which Brython misreads)."
    text = repr(float(x))
    if float(text) != x:                  # MicroPython before 1.26 printed some floats short
        text = "%.17g" % x
    return text.replace("e+", "e")


def _json_text(value, pad=None):
    "Return None, a boolean, number, string, list or dict as JSON; with pad, a list item a line."
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, dict):
        return "{%s}" % ", ".join(["%s: %s" % (json.dumps(str(k)), _json_text(value[k]))
                                   for k in sorted(value)])
    if value is None or _is_scalar(value):
        return json.dumps(value)
    if not isinstance(value, (list, tuple)):  # which MicroPython's json writes as <object>
        raise TypeError("JSON cannot hold %s" % _describe(value))
    items = [_json_text(v) for v in value]
    if pad is None:
        return "[%s]" % ", ".join(items)
    return "[\n%s  %s\n%s]" % (pad, (",\n" + pad + "  ").join(items), pad)


def _write_atomic(path, text, who):
    "Write text to a new file beside path, renamed over it; the old file keeps its place on error."
    path, temporary = _check_path(path, who), None
    try:
        temporary, f = _new_file(path)
        try:
            f.write(text)
            f.flush()
            if hasattr(os, "fsync") and hasattr(f, "fileno"):
                os.fsync(f.fileno())          # the bytes are on disk before the rename
        finally:
            f.close()
        info = _os("stat", path)
        if info and hasattr(os, "chmod"):
            os.chmod(temporary, info[0] & 0o7777)
        getattr(os, "replace", os.rename)(temporary, path)   # rename: 2.7, Jython, MicroPython
    except Exception as error:
        _os("remove", temporary)
        raise FileError("%s: cannot write %r: %s" % (who, path, _reason(error)))


def _new_file(path):
    "Return (name, file open to write) of a file made beside path for this write alone."
    for name in (path + ".tmp", path + ".tmp1", path + ".tmp2"):    # past folders at the first
        _os("remove", name)                   # a killed save's, or a link (not what it points to)
        try:
            if hasattr(os, "O_EXCL"):         # made here, following no link, opening no pipe
                fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                if bytes is not str:          # Python 3: the very file just made
                    return name, open(fd, "w")
                os.close(fd)                  # Python 2 and Jython open by name only
            return name, open(name, "w")      # MicroPython and Brython have no os.open
        except Exception as e:
            error = e
    raise error


def _os(call, path):
    "Return os.<call>(path) (stat: 0 mode, 1 inode, 2 device), or None if it fails or is missing."
    try:
        return getattr(os, call)(path)
    except Exception:
        return None


def _reason(error):
    "Return the readable part of an exception from the operating system."
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def _open_file(path, who, whole=False):
    "Return (the file at path open to read bytes, its name for messages); whole: its UTF-8 text."
    path = _check_path(path, who)
    where = '"%s"' % (path if type(path) is str else path.encode("ascii", "backslashreplace"))
    kind = (_os("stat", path) or [0])[0] & 0o170000
    if kind not in (0o100000, 0):             # 0: no such file (open() says so), or no stat
        raise FileError("%s: %s is a %s, not a regular file"
                        % (who, where, "folder" if kind == _FOLDER else "device or a pipe"))
    try:
        f = open(path, "rb")
    except Exception as error:
        raise FileError("%s: cannot read %s: %s" % (who, where, _reason(error)))
    if not whole:
        return f, where
    try:
        data = b"".join(_guarded(f, who, where))
    finally:
        f.close()
    try:                                      # a byte order mark is dropped
        return data[3 if data[:3] == b"\xef\xbb\xbf" else 0:].decode("utf-8")
    except Exception:
        raise FileError("%s: %s is not UTF-8 text" % (who, where))


def _guarded(f, who, where):
    "Yield the pieces of an open file, at most _MAX_FILE_BYTES (some in /proc never end)."
    total = 0
    while True:
        try:
            piece = f.read(16384)             # small, for a board's heap
        except _IOError as error:
            raise FileError("%s: cannot read %s: %s" % (who, where, _reason(error)))
        if not piece:
            return
        total += len(piece)
        if total > _MAX_FILE_BYTES:
            raise FileError("%s: %s is more than %d bytes" % (who, where, _MAX_FILE_BYTES))
        yield piece


def _save(net, path):
    "Write net to path as JSON (see Network.save), once load's own code has read it back."
    text = _model_text(net, "save")
    try:
        _load_text(text, path)                # never a file that load() refuses
    except ValueError as error:
        raise ValueError("save: %s; nothing was written" % str(error).split(": ", 1)[-1])
    _write_atomic(path, text, "save")


def _model_text(net, who):
    "Return the JSON text of a saved network, a row of numbers a line."
    layers = net._layers(who)                 # the weights, checked, as floats
    scaling = [s and s.to_dict() for s in (net.input_scaler, net.target_scaler)]
    values = [_FORMAT, _FORMAT_VERSION, net.sizes, net.activation, net.output_activation,
              net.loss, net.bias, net.init, net.seed, net.classes, scaling[0], scaling[1],
              net.input_names, net.target_name]       # the names are checked as load reads
    try:
        fields = ['"%s": %s' % (name, _json_text(v)) for name, v in zip(_FIELDS, values)]
    except TypeError as error:                # what JSON cannot hold
        raise TypeError("%s: %s" % (who, error))
    fields.append('"weights": [\n  %s\n]' % ",\n  ".join([_json_text(W, "  ")
                                                          for WT, W, b in layers]))
    fields.append('"biases": ' + _json_text([b or [] for WT, W, b in layers], ""))
    return "{\n%s\n}\n" % ",\n".join(fields)


def load(path):
    "Return the Network saved in path by net.save(path), or raise FileError (a ValueError)."
    if _IMPLEMENTATION != "micropython":
        return _load_text(_open_file(path, "load", True), path)
    # A board's heap holds the network, but hardly its text as well: json reads the open
    # file, once its pieces have passed _unsafe, each with the end of the one before.
    f, where = _open_file(path, "load")
    try:
        text = start = b""
        for piece in _guarded(f, "load", where):
            text = text[-2 * _MAX_DIGITS:] + piece
            start = start or piece[:3]
            _load_text(text, path, False)
        f.seek(3 if start == b"\xef\xbb\xbf" else 0)     # past a byte order mark
        try:
            return _load_text(f, path)
        except FileError:                     # json parses bytes that are not UTF-8:
            _open_file(path, "load", True)    # a file that is not says so
            raise
    finally:
        f.close()


def _load_text(text, path, parse=True):
    "Return the Network in the text of a saved file, or in an open one; path names it."

    def unique(pairs):
        "Return the pairs of a JSON object as a dict, refusing a name given twice."
        data = {}
        for name, value in pairs:
            if name in data:
                raise ValueError("the field %s appears more than once" % _glimpse(name))
            data[name] = value
        return data

    try:
        if not hasattr(text, "read"):
            _unsafe(text)
        if not parse:
            return None
        if _IMPLEMENTATION == "brython":      # whose json reads no "e+"
            text = text.replace("e+", "e").replace("E+", "E")
        try:
            try:
                data = json.loads(text, object_pairs_hook=unique)
            except TypeError:                 # MicroPython: no hook, and no repeats noticed
                data = json.load(text) if hasattr(text, "read") else json.loads(text)
        except MemoryError:
            raise
        except Exception as error:  # ValueError, or what an interpreter raises for deep nesting
            raise ValueError("not valid JSON (%s)" % (str(error)[:80] or type(error).__name__))
        return _from_dict(data)
    except (TypeError, ValueError) as error:
        text = str(error)
        who, sep, message = text.partition(": ")      # "Network: ..." names no file
        raise FileError("load: %r: %s" % (path, message if sep and " " not in who else text))


def _unsafe(text):
    "Raise ValueError for JSON text too costly to parse: long numbers, many values, deep nesting."
    # A million digits take minutes to read on some interpreters; a run of twice
    # _MAX_DIGITS digits covers two multiples of _MAX_DIGITS, so only those are looked at.
    digits = "0123456789" if type(text) is str else b"0123456789"      # or bytes
    for i in range(0, len(text) - _MAX_DIGITS, _MAX_DIGITS):
        if text[i] in digits and text[i + _MAX_DIGITS] in digits and \
                not text[i:i + _MAX_DIGITS + 1].strip(digits):
            raise ValueError("a number of more than %d digits" % _MAX_DIGITS)
    if _IMPLEMENTATION == "micropython":      # whose parser copes with deep nesting
        return
    import re                                 # Pyodide's, Jython's and Brython's parsers do not
    text = text.replace("\\\\", "").replace('\\"', "")      # so no quote inside a string is left
    text = "".join(text.split('"')[::2])
    if text.count(",") > 2 * _MAX_PARAMETERS:     # weights, biases, names and scaling
        raise ValueError("more than %d values" % (2 * _MAX_PARAMETERS))
    brackets = re.sub(r"[^\[\]{}]+", "", text)
    for level in range(_MAX_NESTING):         # each pass takes away one level of nesting
        brackets = brackets.replace("[]", "").replace("{}", "")
    if brackets:
        raise ValueError("not valid JSON, or nested more than %d deep" % _MAX_NESTING)


def _from_dict(data):
    "Return the Network a loaded file's dict describes; Network's own checks check the fields."
    if type(data) is not dict:
        raise ValueError("the top level is %s, expected an object" % type(data).__name__)
    get, version = data.get, data.get("version")
    if get("format") != _FORMAT or type(version) is not int or version != _FORMAT_VERSION:
        raise ValueError("not a saved nn.py network of version %d: format %s, version %s"
                         % (_FORMAT_VERSION, _glimpse(get("format")), _glimpse(version)))
    unknown = sorted([k for k in data if k not in _FIELDS])
    if unknown:
        raise ValueError("unknown fields %s" % _short_list(unknown))
    for name in ("comment", "target_name"):
        if get(name) is not None and not _is_text(get(name)):
            raise ValueError("%s must be None or a string, got %s" % (name, _describe(get(name))))
    scalers = []
    for name in ("input_scaling", "target_scaling"):
        fields, scaler = get(name), None
        if fields is not None:
            if type(fields) is not dict or sorted(fields) != ["divisor", "kind", "shift"]:
                raise ValueError("%s must be an object with kind, shift and divisor" % name)
            scaler = Scaler()
            for key in fields:
                setattr(scaler, key, fields[key])     # checked as Network checks a Scaler
        scalers.append(scaler)
    classes, names = get("classes"), get("input_names")
    if type(classes) is list:                 # Python 2 reads the labels as unicode
        classes = [_native(c) for c in classes]
    net = _from_weights(Network, get("weights"), get("biases"), get("activation"),
                        get("output_activation"), get("loss"), classes, get("sizes"),
                        get("init"), get("seed", 0), scalers, get("bias", True))
    if names is not None and (type(names) is not list or len(names) != net.sizes[0] or
                              [n for n in names if not _is_text(n)]):
        raise ValueError("input_names must be None or a list of %d strings, got %s"
                         % (net.sizes[0], _describe(names)))
    net.input_names = names and [_native(n) for n in names]
    net.target_name = _native(get("target_name"))
    return net


def _from_weights(cls, weights, biases, activation, output_activation, loss, classes, sizes,
                  init=None, seed=0, scalers=(None, None), bias=None):
    "Return a network of class cls with the given weights (see Network.from_weights)."
    who, loaded = "Network.from_weights", bias is not None     # loaded: lists load() made
    weights = [_as_list(W, who, "weights[%d]" % k)
               for k, W in enumerate(_as_list(weights, who, "weights"))]
    derived = [len(W) for W in weights]       # the rows of each matrix, then the last's columns
    derived.append(len(_sequence(weights[-1][0], who, "weights[-1][0]", "a list of numbers")))
    if sizes is not None and _check_sizes(sizes, who) != derived:
        raise ValueError("%s: sizes do not match the weights, which give %s"
                         % (who, _short_list(derived)))
    if bias is None:                          # from_weights: biases None for none
        bias = biases is not None
        biases = [[] for W in weights] if biases is None else biases
    net = object.__new__(cls)
    net._configure(derived, activation, output_activation, loss, bias, init, seed,
                   scalers[0], scalers[1], who)
    net.weights, net.biases = weights, biases
    layers = net._layers(who)                 # checked, as floats, and kept for predict()
    if not loaded:                            # the caller's lists: the network's own copies
        net.weights = [[list(row) for row in W] for WT, W, b in layers]
        net.biases = [list(b or []) for WT, W, b in layers]
    if classes is not None:
        net._learn_classes(_check_classes(classes, who, "classes"), who)
    return net


def save_weights(path, matrix):
    "Write a matrix to path as np.savetxt does, a row a line, each number exactly."
    rows = _as_list(matrix, "save_weights", "matrix")
    if _is_scalar(rows[0]):
        rows = [[v] for v in rows]            # a vector: one value per line, as np.savetxt
    rows = _number_rows(rows, None, "save_weights", "matrix")[0]
    _write_atomic(path, "".join([" ".join([_float_text(v) for v in row]) + "\n" for row in rows]),
                  "save_weights")


def load_weights(path):
    "Return the matrix in a file np.savetxt or save_weights wrote; a vector comes back a column."
    rows = []
    for number, line in enumerate(_open_file(path, "load_weights", True).split("\n"), 1):
        row, where = [], "load_weights: %r line %d" % (path, number)
        items = _words(line.split("#")[0].replace(",", " "))     # # starts a comment
        if number > _MAX_PARAMETERS or (len(rows) + 1) * len(items) > _MAX_PARAMETERS:
            raise FileError("load_weights: %r holds more than %d numbers"
                            % (path, _MAX_PARAMETERS))
        for item in items:
            try:
                row.append(float(item))
            except ValueError:
                row.append(_BIG * 2.0)        # infinity: refused as one
            if not _finite(row[-1]):
                raise FileError("%s: %r is not a finite number" % (where, item[:20]))
        if row and rows and len(row) != len(rows[0]):
            raise FileError("%s has %d values, the first row %d" % (where, len(row), len(rows[0])))
        if row:
            rows.append(row)
    if not rows:
        raise FileError("load_weights: %r holds no numbers" % path)
    return rows


# ---------------------------------------------------------------------------
# Checking what comes in
# ---------------------------------------------------------------------------
# Every public entry point checks its arguments once, with these, in its own words:
# "train: row 3 of X has 2 values, expected 3". numpy.float64 is a number, True is not.

_MAX_PARAMETERS = 2000000   # weights and biases in one network: its file loads in about 2 s
_MAX_EPOCHS = 10 ** 7       # epochs of one train() call
_MAX_WORK = 10 ** 11        # check_gradients: 2 x parameters^2 x rows, hours of CPython
_MAX_DRAWS = 10 ** 8        # numbers RandomState makes in one call
_is = isinstance


def _is_number(x):
    "Return True for an int or float; booleans are not numbers here, on any interpreter."
    return isinstance(x, _NUMBERS) and type(x) is not bool


def _is_text(value):
    "Return True for a str (or, on Python 2, a unicode) and not a subclass of one."
    return type(value) in _TEXT


def _words(text):
    "Return the words of a text split at white space ('' gives none, even on Brython)."
    return [word for word in text.split() if word]


def _is_scalar(value):
    "Return True for one number, string or boolean (or a numpy scalar), not a row of them."
    return (isinstance(value, _NUMBERS + _TEXT + (bool,)) or    # MicroPython: bool is no int
            hasattr(value, "item") and not hasattr(value, "__len__"))


def _glimpse(value):
    "Return a short text showing a value, for an error message."
    if isinstance(value, _INTEGERS) and type(value) is not bool:
        if not -10 ** 30 < value < 10 ** 30:
            return "of %d bits" % (len(bin(abs(value))) - 2)    # its digits would fill a page
        return "%d" % value
    if isinstance(value, (list, tuple, dict, set, frozenset)):
        return "of %d items" % len(value)
    if isinstance(value, _TEXT + (bytes,)):
        return repr(value[:40]) + ("..." if len(value) > 40 else "")
    return repr(value) if value is None or isinstance(value, (bool, float)) else "object"


def _describe(value):
    "Return a short description of any value for an error message: its type and a glimpse."
    return "%s %s" % (type(value).__name__, _glimpse(value))


def _plain(value, who=None, what=None):
    "Return value as the built-in float, int or str its type extends (numpy.float64 as a float)."
    kind = type(value)
    for base in _NUMBERS + _TEXT:
        if kind is not base and kind is not bool and isinstance(value, base):
            try:
                return base(value)
            except Exception:             # MicroPython converts no subclass of int or float
                raise TypeError("%s: %s is a %s, not a plain %s"
                                % (who, what, type(value).__name__, base.__name__))
    return value


def _to_float(value):
    "Return a number as a float (infinity for an int past the largest float), else None."
    if not _is_number(value):
        return None
    try:
        return float(value)
    except OverflowError:                 # MicroPython gives infinity itself
        return _BIG * 2.0
    except Exception:                     # MicroPython converts no subclass of float
        return None


def _check_int(value, who, name, low=1, high=None):
    "Return value if it is an integer from low to high, else raise TypeError or ValueError."
    if type(value) is not int:                # a plain int, the common case, skips these
        if not _is_number(value) or isinstance(value, float):
            raise TypeError("%s: %s must be an integer, got %s" % (who, name, _describe(value)))
        value = _plain(value, who, name)
    if value < low or high is not None and value > high:
        raise ValueError("%s: %s must be at least %d%s, got %s" % (
            who, name, low, "" if high is None else " and at most %d" % high, _glimpse(value)))
    return value


def _check_number(value, who, name, low=None, high=None, low_open=False, high_open=False):
    "Return value as a float if it is a finite number in range, else raise."
    x = _to_float(value)
    if x is None:
        raise TypeError("%s: %s must be a number, got %s" % (who, name, _describe(value)))
    if not _finite(x):
        raise ValueError("%s: %s must be finite, got %s" % (who, name, _glimpse(value)))
    if low is not None and (x < low or (low_open and x == low)):
        raise ValueError("%s: %s must be %s %r, got %r"
                         % (who, name, "above" if low_open else "at least", low, x))
    if high is not None and (x > high or (high_open and x == high)):
        raise ValueError("%s: %s must be %s %r, got %r"
                         % (who, name, "below" if high_open else "at most", high, x))
    return x


def _check_flag(value, who, name):
    "Return value if it is True or False, else raise TypeError."
    if value is not True and value is not False:
        raise TypeError("%s: %s must be True or False, got %s" % (who, name, _describe(value)))
    return value


def _check_choice(value, choices, who, name):
    "Return value if it is one of the strings in choices, else raise."
    if not (isinstance(value, _TEXT) and value in choices):
        raise (ValueError if isinstance(value, _TEXT) else TypeError)(
            "%s: %s must be one of %s, got %s" % (who, name, ", ".join(choices), _describe(value)))
    return str(value)


def _check_path(path, who):
    "Return path if it is a string that can name a file, else raise TypeError or ValueError."
    if not isinstance(path, _TEXT):
        raise TypeError("%s: path must be a string, got %s" % (who, _describe(path)))
    if not path or "\0" in path:
        raise ValueError("%s: path %s cannot name a file" % (who, _glimpse(path)))
    return _plain(path)


def _sequence(X, who, name, expected="a list"):
    "Return X as a list or tuple (a numpy array through its tolist()), or raise TypeError."
    if isinstance(X, (list, tuple)):
        return X if type(X) in (list, tuple) else list(X)
    value = None if isinstance(X, _TEXT) else getattr(X, "tolist", lambda: None)()
    if type(value) is not list:
        raise TypeError("%s: %s must be %s, got %s" % (who, name, expected, _describe(X)))
    return value


def _as_list(X, who, name):
    "Return X as a list or tuple that is not empty, or raise TypeError or ValueError."
    X = _sequence(X, who, name, "a list of rows")
    if not X:
        raise ValueError("%s: %s is empty" % (who, name))
    return X


def _number_row(row, width, who, where):
    "Return row as a list of floats, checking its length and every value."
    row = _sequence(row, who, where, "a list of numbers")
    if len(row) != width:
        raise ValueError("%s: %s has %d values, expected %d" % (who, where, len(row), width))
    out = [v if type(v) is float else _to_float(v) for v in row]
    for j, x in enumerate(out):
        if x is None:
            raise TypeError("%s: %s, value %d is %s, expected a number"
                            % (who, where, j, _describe(row[j])))
        if not -_BIG <= x <= _BIG:
            raise ValueError("%s: %s, value %d is %s, not a finite number"
                             % (who, where, j, _glimpse(row[j])))
    return out


def _number_rows(X, width, who, name, single=False):
    "Return (rows of floats, was one row) for a matrix X, width None: its first row's."
    X = _as_list(X, who, name)
    if single and _is_scalar(X[0]):           # one row of numbers, as a batch of one
        return [_number_row(X, width, who, name)], True
    if width is None:
        width = len(_sequence(X[0], who, "row 0 of " + name, "a list of numbers"))
    return [_number_row(row, width, who, "row %d of %s" % (i, name))
            for i, row in enumerate(X)], False


def _first_not_finite(rows):
    "Return (i, j) of the first value in rows that is infinite or NaN, or None."
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            if not -_BIG <= v <= _BIG:
                return i, j
    return None


def _check_label(label, who, where):
    "Return label as a plain string, int, float or boolean if it can name a class, else raise."
    if _is_scalar(label) and not isinstance(label, _NUMBERS + _TEXT + (bool,)):
        label = label.item()                  # a numpy scalar: its plain value
    if not _is_scalar(label):
        raise TypeError("%s: %s is %s, not a class label" % (who, where, _describe(label)))
    label = _plain(label, who, where)
    if type(label) is float and not _finite(label) or \
            type(label) in _INTEGERS and not -2 ** 63 < label < 2 ** 63:
        raise ValueError("%s: %s is %s, not a class label" % (who, where, _glimpse(label)))
    return label


def _label_kind(label):
    "Return 'text', 'bool' or 'number': labels of one network must share one kind."
    return "text" if isinstance(label, _TEXT) else "bool" if type(label) is bool else "number"


def _check_classes(classes, who, name):
    "Return classes as a list of plain labels, distinct and of one kind, or raise."
    classes = [_check_label(c, who, "%s[%d]" % (name, i))
               for i, c in enumerate(_as_list(classes, who, name))]
    if len(set(classes)) != len(classes) or len(set([_label_kind(c) for c in classes])) > 1:
        raise ValueError("%s: %s must be distinct labels of one kind: %s"
                         % (who, name, _short_list(classes)))
    return classes


def _check_sizes(sizes, who, name="sizes"):
    "Return sizes as a list of two or more layer widths within the parameter limit, or raise."
    sizes = _sequence(sizes, who, name, "a list of layer widths such as [3, 4, 1]")
    if len(sizes) < 2:
        raise ValueError("%s: %s needs at least 2 layers, got %s"
                         % (who, name, _short_list(sizes)))
    sizes = [n if type(n) is int and n > 0 else _check_int(n, who, "%s[%d]" % (name, i))
             for i, n in enumerate(sizes)]          # each predict() comes here: no text then
    count = sum([(a + 1) * b for a, b in zip(sizes, sizes[1:])])
    if count > _MAX_PARAMETERS:
        raise ValueError("%s: %s %s make %s parameters, more than %d"
                         % (who, name, _short_list(sizes), _glimpse(count), _MAX_PARAMETERS))
    return sizes


def _short_list(values, limit=8):
    "Return a list's items as text, cut short after limit items."
    more = ", ... (%d in all)" % len(values) if len(values) > limit else ""
    return "[%s%s]" % (", ".join([_glimpse(v) for v in values[:limit]]), more)


# ---------------------------------------------------------------------------
# Compatibility: what differs between the interpreters, in one place
# ---------------------------------------------------------------------------

try:                                   # Python 2 and Jython: unicode text, long integers
    _TEXT, _INTEGERS, _IOError = (str, unicode), (int, long), IOError
except NameError:                      # Python 3, MicroPython
    _TEXT, _INTEGERS, _IOError = (str,), (int,), OSError
_NUMBERS = _INTEGERS + (float,)

try:
    class FileError(_IOError, ValueError):
        "A file that could not be read, written or understood: a ValueError and an OSError."
except TypeError:                        # MicroPython: one built-in base only
    class FileError(ValueError):
        "A file that could not be read, written or understood."

_clock = getattr(time, "perf_counter", time.time)      # not on 2.7, Jython or MicroPython

_IMPLEMENTATION = getattr(getattr(sys, "implementation", None), "name", "").lower()

try:                  # numbers unboxed, for a History and the generator's state; lists where
    from array import array as _array    # there is no array module, or Brython's, which
    if _IMPLEMENTATION == "brython":     # cannot be sliced or copied
        _array = None
except ImportError:
    _array = None

# predict() always sums left to right, so a saved network gives the same bits on
# every interpreter (see _exp below); training uses the fastest _dot there is.
_dot_in_order = _dot
try:                       # Python 3.12+: a C loop with extended precision, 3x faster
    from math import sumprod as _dot     # (_dot_in_order stays the loop: sum() compensates)
except ImportError:
    try:                   # CPython up to 3.11 and Jython: map() runs the loop in C
        from operator import mul as _mul
        if _IMPLEMENTATION != "pypy":          # PyPy's JIT runs the loop above faster
            _dot = _dot_in_order = lambda u, v: sum(map(_mul, u, v))
    except ImportError:    # MicroPython: the loop above
        pass

# Boards have 32-bit floats. The limits are built from text: freezing into
# firmware packs each float literal as a 32-bit float and refuses larger ones.
_FLOAT32 = float("1e39") == float("1e40")
_BIG = float("3.4028234663852886e38" if _FLOAT32 else "1.7976931348623157e308")
_TINY = float("1.1754943508222875e-38" if _FLOAT32 else "2.2250738585072014e-308")  # least normal
_EPSILON = 2.0 ** -23 if _FLOAT32 else 2.0 ** -52                         # 1 + _EPSILON > 1


def _finite(x):
    "Return True when x is a float other than infinity or NaN."
    return -_BIG <= x <= _BIG


def _native(value):
    "Return text as a plain str where it can be one (Python 2 reads files and JSON as unicode)."
    try:
        return str(value) if isinstance(value, _TEXT) else value
    except Exception:                  # Python 2: text beyond ASCII stays unicode
        return value


# ---------------------------------------------------------------------------
# The demo
# ---------------------------------------------------------------------------

def demo(out=None):
    "Run the two tutorials nn.py grew out of, writing what they print to out (stdout); return 0."
    out = _check_stream(out, "demo", "out")

    def say(line=""):
        _write_lines([line], out, "demo")

    say("Tutorial 1: a 3-4-5-1 sigmoid network learns [0, 1, 1, 0] (seed 1, as np.random.seed(1))")
    X, Y = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]], [[0], [1], [1], [0]]
    net = Network([3, 4, 5, 1], activation="sigmoid", loss="sse", bias=False, init="normal",
                  seed=1)
    history = net.train(X, Y, epochs=5000, learning_rate=0.1)
    for epoch in range(0, 5000, 1000):
        say("Cost at epoch %d: %.12f" % (epoch, history[epoch]))
    say("Predictions: %s   (targets 0 1 1 0)"
        % "  ".join(["%.8f" % row[0] for row in net.predict(X)]))
    say()
    say("Tutorial 2: a 2-3-1 network predicts exam scores from hours studied and slept")
    X, Y = [[2, 9], [1, 5], [3, 6]], [[92], [86], [89]]
    net = Network([2, 3, 1], activation="sigmoid", loss="sse", bias=False, init="normal",
                  seed=1, input_scaling="max", target_scaling=100)
    net.train(X, Y, epochs=1000, learning_rate=1.0)
    scaled = net.target_scaler.transform
    say("Inputs divided by the column maxima %s, scores by 100, kept in the network"
        % [int(d) for d in net.input_scaler.divisor])
    say("Loss (mean squared error of the scaled scores) after 1000 epochs: %.10f"
        % mse(scaled(net.predict(X)), scaled(Y)))
    say("Scores: predicted %s for actual %s"
        % (", ".join(["%.1f" % row[0] for row in net.predict(X)]),
           ", ".join(["%d" % row[0] for row in Y])))
    say("Predicted score for 4 hours studied and 8 slept: %.1f points" % net.predict([4, 8])[0])
    raw = Network.from_weights(net.weights, None, loss="sse")      # without the scaling
    say("(The tutorial scaled [4, 8] by its own maximum, to [0.5, 1.0], which would say %.1f.)"
        % (raw.predict([0.5, 1.0])[0] * 100))
    return 0


# ---------------------------------------------------------------------------
# The optional modules beside this file
# ---------------------------------------------------------------------------

def _tools(who):
    "Return the module nn_tools, which who needs: ImportError, saying which file, without it."
    try:
        import nn_tools
    except ImportError:
        raise ImportError("%s needs nn_tools.py: put it beside nn.py" % who)
    return nn_tools


def main(argv=None):
    "Run the demo, or with arguments (sys.argv[1:]) nn_tools' command line; return its status."
    argv = sys.argv[1:] if argv is None else argv
    if type(argv) is list and not argv:
        return demo()
    try:
        tools = _tools("the command line")
    except ImportError as error:
        sys.stderr.write("nn.py: %s\n" % error)
        return 2
    return tools.main(argv, __name__ == "__main__")


# With nn_fast.py beside this file, train() runs small networks' epochs written out as
# straight-line Python for their shape: the same arithmetic, faster. Set nn.compiled = False
# to train through _TrainingLoop above (True again to go back); it is False without nn_fast.
compiled = True
try:
    # MicroPython keeps a script out of sys.modules: nn_fast would load a second copy of it
    if __name__ == "__main__" and "nn" not in sys.modules:
        raise ImportError
    from nn_fast import _training_loop
except ImportError:
    compiled = False

if __name__ == "__main__":
    sys.exit(main())
