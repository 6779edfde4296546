"""Tests for nn.py: python3 test_nn.py (any interpreter; no numpy needed).

The same file runs on CPython 2.7 and 3.6+, PyPy, Jython, MicroPython and
Pyodide, so it keeps to the part of unittest they all have.
"""

import math
import os
import sys
import unittest

import nn

# --------------------------------------------------------------------------
# Golden values, made once with numpy 2.4 (numpy is never needed to run these)
# --------------------------------------------------------------------------

# np.random.seed(1); [np.random.randn(3, 4), np.random.randn(4, 5), np.random.randn(5, 1)]
TUTORIAL_WEIGHTS = [
    [[1.6243453636632417, -0.6117564136500754, -0.5281717522634557, -1.0729686221561705],
     [0.8654076293246785, -2.3015386968802827, 1.74481176421648, -0.7612069008951028],
     [0.31903909605709857, -0.2493703754774101, 1.462107937044974, -2.060140709497654]],
    [[-0.3224172040135075, -0.38405435466841564, 1.1337694423354374, -1.0998912673140309,
      -0.17242820755043575],
     [-0.8778584179213718, 0.04221374671559283, 0.5828152137158222, -1.1006191772129212,
      1.1447237098396141],
     [0.9015907205927955, 0.5024943389018682, 0.9008559492644118, -0.6837278591743331,
      -0.12289022551864817],
     [-0.9357694342590688, -0.2678880796260159, 0.530355466738186, -0.691660751725309,
      -0.39675352685597737]],
    [[-0.6871727001195994], [-0.8452056414987196], [-0.671246130836819],
     [-0.01266459891890136], [-1.1173103486352778]]]
# np.random.seed(4294967295); np.random.randn(2, 3)
LAST_SEED_RANDN = [[0.6484086742306527, 0.6693235306338161, -1.0805437227474493],
                   [0.2845010447986309, 0.11388773652167104, 0.8676218937929382]]
# np.random.seed(0); np.random.permutation(20)
SEED_0_PERMUTATION = [18, 1, 19, 8, 10, 17, 6, 13, 4, 2, 5, 14, 9, 7, 16, 11, 3, 0, 15, 12]
# np.random.seed(7); np.random.random_sample(4)
SEED_7_RANDOM = [0.07630828937395717, 0.7799187922401146, 0.4384092314408935,
                 0.7234651778309412]

# Two fixed networks and the predictions nn.py gives for them on every interpreter
# (predict sums in order and uses nn's own exp and tanh, so the bits never differ)
GOLDEN_NET_WEIGHTS = [
    [[0.2528215614619849, -0.36423745362050414, 0.12958936194824047, -0.909081435435598],
     [0.40257177827741214, -0.8203430627470044, 0.0027405385380262865, -0.06426439287636204],
     [-0.4313499581364565, 1.5350520361058502, -0.3195497917685014, 0.25253888568515365]],
    [[0.5858131863609753, -0.6495350458262742, 0.7175196618391413],
     [-0.06529180790314976, 0.54121228766494, -0.488483606188116],
     [-0.5503070436185289, 0.6466634031796128, 0.26826203037886787],
     [0.07421640348313491, 0.34250122184176585, 0.28187116595692807]],
    [[-0.7300815167224898, -1.3998350032798648], [-1.0636362085330486, -1.1308901008818746],
     [-1.4031246989951367, -0.4094711785246112]]]
GOLDEN_NET_BIASES = [[0.1, -0.2, 0.3, -0.4], [0.05, 0.0, -0.05], [0.2, -0.1]]
GOLDEN_NET_X = [[0.5, -1.25, 2.0], [3.0, 0.001, -0.7], [-40.0, 12.5, 0.3]]
GOLDEN_NET_PREDICTIONS = [[0.7231418841620106, 0.2768581158379893],
                          [0.4027990671076278, 0.5972009328923722],
                          [0.7692577259731878, 0.23074227402681224]]
GOLDEN_SIGMOID_WEIGHTS = [
    [[0.9560621342578215, 0.23332432950968204, 0.051580066316659096, -0.9960787483918698,
      -0.14827023099170675],
     [-0.18962665075802684, -0.04422718219735213, -0.3351459591357442, -0.023421796517670092,
      -0.25508376691376344]],
    [[-0.7585601690327057], [0.5107369695126027], [0.5088292089101913], [0.9870224684993629],
     [0.028886936779347654]]]
GOLDEN_SIGMOID_X = [[0.3, -0.2], [5.0, 7.0], [-50.0, 20.0]]
GOLDEN_SIGMOID_PREDICTIONS = [[0.6285368825047519], [0.4224397467778025], [0.7336761159482426]]

# Tutorial 1's data, and the predictions it printed after 5000 epochs
TUTORIAL_X = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]
TUTORIAL_Y = [[0], [1], [1], [0]]
TUTORIAL_PREDICTIONS = [0.02039406, 0.96795662, 0.97199464, 0.02758648]

CAN_WRITE = nn._IMPLEMENTATION != "brython"      # Brython has no writable file system


def read(path):
    "Return the text of a file."
    f = open(path)
    try:
        return f.read()
    finally:
        f.close()


# --------------------------------------------------------------------------
# An independent reference: float64 loops, derivatives taken from z, the
# losses straight from their definitions. Nothing here calls nn's kernels.
# --------------------------------------------------------------------------

def ref_activation(name, z):
    if name == "sigmoid":
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
    if name == "tanh":
        return math.tanh(z)
    if name == "relu":
        return max(0.0, z)
    if name == "leaky_relu":
        return z if z > 0 else 0.01 * z
    return z


def ref_slope(name, z):
    if name == "sigmoid":
        s = ref_activation("sigmoid", z)
        return s * (1 - s)
    if name == "tanh":
        return 1.0 / math.cosh(z) ** 2
    if name == "relu":
        return 1.0 if z > 0 else 0.0
    if name == "leaky_relu":
        return 1.0 if z > 0 else 0.01
    return 1.0


def ref_forward(weights, biases, names, x):
    "Return the z and a of every layer for one input row."
    zs, activations = [], [list(x)]
    for k, W in enumerate(weights):
        a = activations[-1]
        z = []
        for j in range(len(W[0])):
            total = biases[k][j] if biases[k] else 0.0
            for i in range(len(W)):
                total += a[i] * W[i][j]
            z.append(total)
        zs.append(z)
        if names[k] == "softmax":
            exps = [math.exp(v - max(z)) for v in z]
            activations.append([e / sum(exps) for e in exps])
        else:
            activations.append([ref_activation(names[k], v) for v in z])
    return zs, activations


def ref_cost(weights, biases, names, loss, X, Y):
    total = 0.0
    for x, y in zip(X, Y):
        zs, acts = ref_forward(weights, biases, names, x)
        o = acts[-1]
        if loss == "sse":
            total += 0.5 * sum([(a - b) ** 2 for a, b in zip(o, y)])
        elif loss == "mse":
            total += sum([(a - b) ** 2 for a, b in zip(o, y)]) / len(y)
        elif loss == "binary_crossentropy":
            total += sum([-(t * math.log(p) + (1 - t) * math.log(1 - p))
                          for p, t in zip(o, y)]) / len(y)
        else:
            total += -sum([t * math.log(p) for p, t in zip(o, y)])
    return total if loss == "sse" else total / len(X)


def ref_gradients(weights, biases, names, loss, X, Y):
    "Backpropagation one example at a time, with the chain rule written out."
    gW = [[[0.0] * len(W[0]) for row in W] for W in weights]
    gb = [[0.0] * len(W[0]) for W in weights]
    n = float(len(X))
    for x, y in zip(X, Y):
        zs, acts = ref_forward(weights, biases, names, x)
        o, z = acts[-1], zs[-1]
        k = len(y)
        if loss == "sse":
            dO = [a - b for a, b in zip(o, y)]
        elif loss == "mse":
            dO = [2 * (a - b) / (n * k) for a, b in zip(o, y)]
        elif loss == "binary_crossentropy":
            dO = [(-(t / p) + (1 - t) / (1 - p)) / (n * k) for p, t in zip(o, y)]
        else:
            dO = [-(t / p) / n for p, t in zip(o, y)]
        if names[-1] == "softmax":
            delta = [sum([dO[i] * o[i] * ((1.0 if i == j else 0.0) - o[j]) for i in range(k)])
                     for j in range(k)]
        else:
            delta = [d * ref_slope(names[-1], v) for d, v in zip(dO, z)]
        for layer in range(len(weights) - 1, -1, -1):
            a = acts[layer]
            for i in range(len(a)):
                for j in range(len(delta)):
                    gW[layer][i][j] += a[i] * delta[j]
            for j in range(len(delta)):
                gb[layer][j] += delta[j]
            if layer:
                W = weights[layer]
                delta = [sum([W[i][j] * delta[j] for j in range(len(delta))]) *
                         ref_slope(names[layer - 1], zs[layer - 1][i]) for i in range(len(W))]
    return gW, [g if biases[i] else [] for i, g in enumerate(gb)]


class Random(object):
    "A tiny seeded generator for test data, the same on every interpreter."

    def __init__(self, seed):
        self.state = seed * 2654435761 % 4294967296 or 1

    def uniform(self, low, high):
        self.state = (1103515245 * self.state + 12345) % 2147483648
        return low + (high - low) * self.state / 2147483648.0

    def matrix(self, rows, columns, low=-1.0, high=1.0):
        return [[self.uniform(low, high) for j in range(columns)] for i in range(rows)]


def targets_for(loss, output, rng, rows, width):
    "Return target rows that suit a loss."
    if loss == "cross_entropy" or output == "softmax":
        return [nn.softmax([rng.uniform(-2, 2) for j in range(width)]) for i in range(rows)]
    return rng.matrix(rows, width, 0.05, 0.95)


PAIRS = [(loss, output) for loss in ("sse", "mse")
         for output in ("sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax")] + \
    [("binary_crossentropy", "sigmoid"), ("cross_entropy", "softmax")]
HIDDEN = ("sigmoid", "tanh", "relu", "leaky_relu", "linear")


class Case(unittest.TestCase):
    "Shared assertions."

    def assertClose(self, a, b, rel=1e-9, absolute=1e-12, what=""):
        if isinstance(a, (list, tuple)):
            self.assertEqual(len(a), len(b), "%s: lengths %d and %d" % (what, len(a), len(b)))
            for i, (x, y) in enumerate(zip(a, b)):
                self.assertClose(x, y, rel, absolute, "%s[%d]" % (what, i))
            return
        ok = abs(a - b) <= max(rel * max(abs(a), abs(b)), absolute)
        self.assertTrue(ok, "%s: %r and %r differ by more than %g relative" % (what, a, b, rel))

    def assertRaisesMessage(self, kind, words, f, *args, **kwargs):
        "f(*args) raises kind, with every word of words in its message."
        try:
            f(*args, **kwargs)
        except kind as error:
            message = str(error)
            for word in words:
                self.assertTrue(word in message, "%r not in the message %r" % (word, message))
            return error
        except Exception as error:
            self.fail("expected %s, got %s: %s" % (kind.__name__, type(error).__name__, error))
        self.fail("expected %s, nothing was raised" % kind.__name__)


# --------------------------------------------------------------------------
# Vectors, matrices, activations, losses
# --------------------------------------------------------------------------

class TestLinearAlgebra(Case):

    def test_dot(self):
        self.assertEqual(nn.dot([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]), 32.0)
        self.assertEqual(nn._dot_in_order([0.1, 0.2], [3.0, 4.0]), 0.1 * 3.0 + 0.2 * 4.0)

    def test_matmul_and_transpose(self):
        A = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
        B = [[1.0, 0.0, 2.0], [0.0, 1.0, 3.0]]
        self.assertEqual(nn.matmul(A, B), [[1.0, 2.0, 8.0], [3.0, 4.0, 18.0], [5.0, 6.0, 28.0]])
        self.assertEqual(nn.transpose(A), [[1.0, 3.0, 5.0], [2.0, 4.0, 6.0]])
        self.assertEqual(nn.transpose(nn.transpose(A)), A)

    def test_elementwise(self):
        self.assertEqual(nn.add([1.0, 2.0], [3.0, 4.0]), [4.0, 6.0])
        self.assertEqual(nn.subtract([1.0, 2.0], [3.0, 5.0]), [-2.0, -3.0])
        self.assertEqual(nn.multiply([1.0, 2.0], [3.0, 4.0]), [3.0, 8.0])
        self.assertEqual(nn.scale(2.0, [1.0, -2.0]), [2.0, -4.0])


class TestActivations(Case):

    def test_exact_values(self):
        self.assertEqual(nn.sigmoid(0.0), 0.5)
        self.assertEqual(nn.tanh(0.0), 0.0)
        self.assertEqual(nn.relu(-2.0), 0.0)
        self.assertEqual(nn.relu(2.0), 2.0)
        self.assertEqual(nn.leaky_relu(-2.0), -0.02)
        self.assertEqual(nn.linear(-3.5), -3.5)
        self.assertEqual(nn.relu_derivative(0.0), 0.0)      # the derivative of relu at 0 is 0
        self.assertEqual(nn.sigmoid_derivative(0.5), 0.25)
        self.assertEqual(nn.softmax([0.0, 0.0]), [0.5, 0.5])

    def test_extremes_are_finite(self):
        for z in (1e308, -1e308, 1000.0, -1000.0, 1e-300, -1e-300, 0.0, 745.0, -745.0):
            for name in nn.ACTIVATIONS:
                f, slope = nn.ACTIVATIONS[name]
                a = f(z)
                self.assertTrue(nn._finite(a) and nn._finite(slope(a)), "%s(%r)" % (name, z))
            for v in nn.softmax([z, 0.0, -z]):
                self.assertTrue(nn._finite(v))
        self.assertEqual(nn.sigmoid(-1000.0), 0.0)
        self.assertEqual(nn.sigmoid(1000.0), 1.0)
        self.assertEqual(nn.softmax([1000.0, 0.0]), [1.0, 0.0])

    def test_sigmoid_matches_the_formula(self):
        for z in (-40.0, -36.5, -35.0, -3.0, 0.7, 12.0):
            self.assertClose(nn.sigmoid(z), 1.0 / (1.0 + math.exp(-z)), 1e-15)

    def test_softmax_shift(self):
        self.assertClose(nn.softmax([1.0, 2.0, 3.0]), nn.softmax([101.0, 102.0, 103.0]), 1e-12)


class TestLosses(Case):

    def test_definitions(self):
        O, Y = [[0.2, 0.8], [0.6, 0.4]], [[0.0, 1.0], [1.0, 0.0]]
        self.assertClose(nn.sse(O, Y), 0.5 * (0.04 + 0.04 + 0.16 + 0.16), 1e-15)
        self.assertClose(nn.mse(O, Y), (0.04 + 0.04 + 0.16 + 0.16) / 4, 1e-15)
        bce = -(math.log(0.8) + math.log(0.8) + math.log(0.6) + math.log(0.6)) / 4
        self.assertClose(nn.binary_crossentropy(O, Y), bce, 1e-12)
        self.assertClose(nn.cross_entropy(O, Y), -(math.log(0.8) + math.log(0.6)) / 2, 1e-12)

    def test_extremes_are_finite(self):
        for o in (1e308, -1e308, 1000.0, -1000.0, 1e-300, 0.0, 1.0):
            for y in (0.0, 1.0, -1e308):
                for name in ("sse", "mse"):
                    self.assertTrue(nn._finite(nn.LOSSES[name]([[o, o]], [[y, y]])))
            for y in (0.0, 1.0):
                p = min(max(o, 0.0), 1.0)
                self.assertTrue(nn._finite(nn.binary_crossentropy([[p]], [[y]])))
                self.assertTrue(nn._finite(nn.cross_entropy([[p, 1.0 - p]], [[y, 1.0 - y]])))
        # from the weighted sums, the true loss may be past the largest float, never NaN
        for z in (1e308, -1e308, 1000.0, -1000.0, 0.0):
            for y in (0.0, 1.0):
                for total in (nn._bce_from_z([[z, -z]], [[y, 1.0 - y]]),
                              nn._ce_from_z([[z, -z]], [[y, 1.0 - y]])):
                    self.assertTrue(total == total and total >= 0.0, "%r %r" % (z, y))


# --------------------------------------------------------------------------
# The generator: numpy's stream, bit for bit
# --------------------------------------------------------------------------

class TestRandomState(Case):

    def test_tutorial_weights_are_numpys(self):
        net = nn.Network([3, 4, 5, 1], activation="sigmoid", loss="sse", bias=False,
                         init="normal", seed=1)
        self.assertEqual(net.weights, TUTORIAL_WEIGHTS)

    def test_pure_python_stream_is_numpys(self):
        for fast in (True, False):
            rng = nn.RandomState(1)
            if not fast:
                rng._fast = None
            drawn = [rng.randn(3, 4), rng.randn(4, 5), rng.randn(5, 1)]
            self.assertEqual(drawn, TUTORIAL_WEIGHTS)
            rng = nn.RandomState(4294967295)
            if not fast:
                rng._fast = None
            self.assertEqual(rng.randn(2, 3), LAST_SEED_RANDN)
            rng = nn.RandomState(0)
            if not fast:
                rng._fast = None
            self.assertEqual(rng.permutation(20), SEED_0_PERMUTATION)
            rng = nn.RandomState(7)
            if not fast:
                rng._fast = None
            self.assertEqual([rng.random() for i in range(4)], SEED_7_RANDOM)

    def test_scaled_inits(self):
        rng = nn.RandomState(5)
        normal = rng.randn(4, 3) + rng.randn(3, 2)
        net = nn.Network([4, 3, 2], activation="tanh", init="glorot", seed=5)
        self.assertEqual(net.weights[0], [[v * math.sqrt(2.0 / 7) for v in row]
                                          for row in normal[:4]])
        net = nn.Network([4, 3, 2], activation="relu", seed=5)       # None: he for relu
        self.assertEqual(net.weights[0], [[v * math.sqrt(2.0 / 4) for v in row]
                                          for row in normal[:4]])
        self.assertEqual(net.biases, [[0.0] * 3, [0.0] * 2])

    def test_seed_leaves_random_alone(self):
        import random
        random.seed(123)
        expected = random.random()
        random.seed(123)
        nn.Network([3, 4, 1], seed=9).train([[1, 2, 3], [3, 2, 1]], [[0], [1]], epochs=3,
                                          batch_size=1)
        self.assertEqual(random.random(), expected)

    def test_no_seed_draws_one(self):
        a, b = nn.Network([2, 2]), nn.Network([2, 2])
        self.assertTrue(0 <= a.seed < 2 ** 32)
        self.assertEqual(nn.Network([2, 2], seed=a.seed).weights, a.weights)
        self.assertTrue(a.seed != b.seed or a.weights == b.weights)


class TestSameBitsEverywhere(Case):

    def test_seeded_weights(self):
        net = nn.Network([3, 4, 3, 2], activation="tanh", output_activation="softmax",
                         loss="cross_entropy", seed=12)
        self.assertEqual(net.weights, GOLDEN_NET_WEIGHTS)
        net = nn.Network([2, 5, 1], loss="mse", seed=3, bias=False)
        self.assertEqual(net.weights, GOLDEN_SIGMOID_WEIGHTS)

    def test_predictions(self):
        net = nn.Network.from_weights(GOLDEN_NET_WEIGHTS, GOLDEN_NET_BIASES, activation="tanh",
                                      loss="cross_entropy")
        self.assertEqual(net.predict(GOLDEN_NET_X), GOLDEN_NET_PREDICTIONS)
        net = nn.Network.from_weights(GOLDEN_SIGMOID_WEIGHTS, None, loss="mse")
        self.assertEqual(net.predict(GOLDEN_SIGMOID_X), GOLDEN_SIGMOID_PREDICTIONS)

    def test_log_is_correctly_rounded(self):
        # inputs where glibc's log is one ulp off; the right answers checked with 60 digits
        cases = [(0.8086295805305823, -0.21241434004218426),
                 (0.7381365316870193, -0.3036264692065431),
                 (0.7562403136808227, -0.2793960780750505)]
        for x, expected in cases:
            self.assertEqual(nn._log(x), expected)
        for x in (1.0, 2.0, 0.5, 1e-300, 5e-324, 1e300, 0.7071067811865476, 1.4142135623730951):
            self.assertClose(nn._log(x), math.log(x), 2.3e-16, 0.0, "log(%r)" % x)
        self.assertEqual(nn._log(1.0), 0.0)

    def test_exp_and_tanh(self):
        for x in (-745.0, -700.0, -36.0, -1.0, -1e-10, 0.0, 1e-12, 0.3, 1.0, 36.0, 700.0):
            self.assertClose(nn._exp(x), math.exp(x), 2.3e-16, 0.0, "exp(%r)" % x)
        for z in (-30.0, -3.0, -0.2, -1e-9, 0.0, 1e-300, 0.17, 0.5, 2.0, 21.0, 1e308):
            self.assertClose(nn._tanh(z), math.tanh(z), 7e-16, 0.0, "tanh(%r)" % z)
        self.assertEqual(nn._exp(-1e308), 0.0)
        self.assertTrue(nn._finite(nn._exp(1e308)))

    def test_the_stream_with_nns_own_log(self):
        saved = nn._NORMAL_LOG
        try:
            nn._NORMAL_LOG = nn._log
            rng = nn.RandomState(1)
            self.assertEqual([rng.randn(3, 4), rng.randn(4, 5), rng.randn(5, 1)], TUTORIAL_WEIGHTS)
            self.assertEqual(nn.Network([3, 4, 3, 2], activation="tanh", loss="cross_entropy",
                                        seed=12).weights, GOLDEN_NET_WEIGHTS)
        finally:
            nn._NORMAL_LOG = saved


# --------------------------------------------------------------------------
# The network against the reference
# --------------------------------------------------------------------------

def random_network(rng, sizes, activation, output, loss, bias, seed):
    net = nn.Network(sizes, activation=activation, output_activation=output, loss=loss,
                     bias=bias, seed=seed)
    if bias:
        net.biases = [[rng.uniform(-0.5, 0.5) for v in b] for b in net.biases]
    return net


class TestAgainstReference(Case):

    def test_cost_predictions_gradients(self):
        rng = Random(11)
        shapes = ([2, 3], [3, 4, 2], [4, 3, 5, 3], [2, 6, 3, 2, 2])
        count = 0
        for loss, output in PAIRS:
            for activation in HIDDEN:
                for bias in (True, False):
                    sizes = shapes[count % len(shapes)]
                    count += 1
                    net = random_network(rng, sizes, activation, output, loss, bias, count)
                    X = rng.matrix(5, sizes[0], -2.0, 2.0)
                    Y = targets_for(loss, output, rng, 5, sizes[-1])
                    names = net._activations()
                    what = "%s/%s/%s bias=%s %s" % (loss, activation, output, bias, sizes)
                    self.assertClose(net.cost(X, Y),
                                     ref_cost(net.weights, net.biases, names, loss, X, Y),
                                     1e-9, what=what + " cost")
                    expected = [ref_forward(net.weights, net.biases, names, x)[1][-1] for x in X]
                    self.assertClose(net.predict(X), expected, 1e-9, what=what + " predict")
                    gW, gb = net.gradients(X, Y)
                    rW, rb = ref_gradients(net.weights, net.biases, names, loss, X, Y)
                    self.assertClose(gW, rW, 1e-9, 1e-13, what=what + " weight gradients")
                    self.assertClose(gb, rb, 1e-9, 1e-13, what=what + " bias gradients")
        self.assertEqual(count, 140)

    def test_check_gradients_every_pair(self):
        rng = Random(3)
        for loss, output in PAIRS:
            for activation in HIDDEN:
                net = random_network(rng, [3, 4, 3], activation, output, loss, True, 17)
                X = rng.matrix(4, 3, -1.5, 1.5)
                Y = targets_for(loss, output, rng, 4, 3)
                error = nn.check_gradients(net, X, Y)
                # rounding in the differences leaves 1e-5 at worst; a bug gives errors near 1
                self.assertTrue(error < 1e-4, "%s/%s/%s: %g" % (loss, activation, output, error))

    def test_check_gradients_finds_a_bug(self):
        net = nn.Network([2, 3, 1], loss="mse", seed=2)
        X, Y = [[0.5, -1.0], [1.0, 2.0]], [[0.3], [0.9]]
        right = nn.Network.gradients
        try:
            nn.Network.gradients = lambda self, X, Y: (
                [[[2 * g for g in row] for row in W] for W in right(self, X, Y)[0]],
                right(self, X, Y)[1])
            self.assertTrue(nn.check_gradients(net, X, Y) > 0.1)
        finally:
            nn.Network.gradients = right

    def test_gradient_shapes(self):
        net = nn.Network([3, 4, 2], seed=1)
        gW, gb = net.gradients([[1, 2, 3]], [[0, 1]])
        self.assertEqual([len(W) for W in gW], [3, 4])
        self.assertEqual([len(W[0]) for W in gW], [4, 2])
        self.assertEqual([len(b) for b in gb], [4, 2])
        net = nn.Network([3, 4, 2], bias=False, seed=1)
        self.assertEqual(net.gradients([[1, 2, 3]], [[0, 1]])[1], [[], []])


# --------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------

class TestTraining(Case):

    def test_tutorial_one(self):
        net = nn.Network([3, 4, 5, 1], activation="sigmoid", loss="sse", bias=False,
                         init="normal", seed=1)
        history = net.train(TUTORIAL_X, TUTORIAL_Y, epochs=5000, learning_rate=0.1)
        self.assertEqual(len(history), 5000)
        got = [round(row[0], 8) for row in net.predict(TUTORIAL_X)]
        self.assertEqual(got, TUTORIAL_PREDICTIONS)
        self.assertClose(history[0], 0.7805472029773239, 1e-12)  # the cost of numpy's weights
        self.assertEqual(history.stop_reason, "epochs")

    def test_full_batch_step_is_gradient_descent(self):
        net = nn.Network([3, 4, 2], activation="tanh", loss="mse", seed=4)
        net.biases = [[0.1, -0.2, 0.3, 0.0], [0.05, -0.05]]
        X, Y = [[1, 2, 3], [0, -1, 2], [2, 2, 2]], [[0.1, 0.9], [0.5, 0.5], [1.0, 0.0]]
        gW, gb = net.gradients(X, Y)
        expected_W = [[[w - 0.3 * g for w, g in zip(wr, gr)] for wr, gr in zip(W, G)]
                      for W, G in zip(net.weights, gW)]
        expected_b = [[v - 0.3 * g for v, g in zip(b, G)] for b, G in zip(net.biases, gb)]
        cost = net.cost(X, Y)
        history = net.train(X, Y, epochs=1, learning_rate=0.3)
        self.assertClose(history[0], cost, 1e-12)
        self.assertClose(net.weights, expected_W, 1e-12, 1e-15)
        self.assertClose(net.biases, expected_b, 1e-12, 1e-15)

    def test_minibatches_are_seeded(self):
        X = [[i / 10.0, (i % 3) / 3.0] for i in range(10)]
        Y = [[(i % 2) * 1.0] for i in range(10)]
        runs = []
        for attempt in range(2):
            net = nn.Network([2, 5, 1], seed=8)
            runs.append((net.train(X, Y, epochs=20, batch_size=3, momentum=0.9,
                                   learning_rate=0.5), net.weights))
        self.assertEqual(list(runs[0][0]), list(runs[1][0]))
        self.assertEqual(runs[0][1], runs[1][1])
        net = nn.Network([2, 5, 1], seed=8)
        other = net.train(X, Y, epochs=20, batch_size=3, momentum=0.9, learning_rate=0.5,
                          seed=99)
        self.assertTrue(list(other) != list(runs[0][0]))

    def test_minibatches_in_order(self):
        X = [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
        Y = [[1.0], [1.0], [0.0]]
        net = nn.Network([2, 3, 1], loss="sse", seed=3)
        by_hand = nn.Network([2, 3, 1], loss="sse", seed=3)
        net.train(X, Y, epochs=1, batch_size=2, shuffle=False, learning_rate=0.5)
        by_hand.train(X[:2], Y[:2], epochs=1, learning_rate=0.5)
        by_hand.train(X[2:], Y[2:], epochs=1, learning_rate=0.5)
        self.assertClose(net.weights, by_hand.weights, 1e-13, 1e-15)

    def test_learning_reduces_the_loss(self):
        rng = Random(5)
        X = rng.matrix(30, 3)
        Y = [[1.0 if x[0] + x[1] * x[2] > 0 else 0.0] for x in X]
        for optimizer, lr in (("sgd", 0.5), ("adam", 0.01)):
            net = nn.Network([3, 8, 1], activation="tanh", loss="binary_crossentropy", seed=2)
            history = net.train(X, Y, epochs=150, learning_rate=lr, optimizer=optimizer,
                                batch_size=8)
            self.assertTrue(history[-1] < 0.6 * history[0], "%s: %r" % (optimizer, history[-1]))

    def test_weights_are_read_at_call_time(self):
        net = nn.Network([2, 2, 1], loss="mse", output_activation="linear", seed=1)
        before = net.predict([1.0, 1.0])
        net.weights[1][0][0] += 1.0
        after = net.predict([1.0, 1.0])
        self.assertTrue(after != before)
        net.weights = [[[0.0, 0.0], [0.0, 0.0]], [[1.0], [1.0]]]
        net.biases = [[0.0, 0.0], [0.25]]
        self.assertEqual(net.predict([3.0, 4.0]), [1.25])     # two sigmoid(0) = 0.5, plus 0.25
        net.train([[3.0, 4.0]], [[1.0]], epochs=1, learning_rate=0.1)
        self.assertTrue(net.weights[1] != [[1.0], [1.0]])

    def test_single_row_and_rows(self):
        net = nn.Network([2, 3, 2], seed=1)
        rows = net.predict([[1, 2], [3, 4]])
        self.assertEqual(len(rows), 2)
        self.assertEqual(net.predict([1, 2]), rows[0])
        self.assertEqual(net.predict((3.0, 4.0)), rows[1])

    def test_momentum_matches_its_definition(self):
        X, Y = [[1.0, 0.5]], [[0.2]]
        net = nn.Network([2, 1], loss="sse", bias=False, seed=1)
        w = [row[0] for row in net.weights[0]]
        velocity = [0.0, 0.0]
        for step in range(3):
            g = [row[0] for row in net.gradients(X, Y)[0][0]]
            velocity = [0.9 * v - 0.1 * gi for v, gi in zip(velocity, g)]
            w = [wi + v for wi, v in zip(w, velocity)]
            probe = nn.Network.from_weights([[[wi] for wi in w]], None, loss="sse")
            if step == 2:
                break
            net = probe
        net = nn.Network([2, 1], loss="sse", bias=False, seed=1)
        net.train(X, Y, epochs=3, learning_rate=0.1, momentum=0.9)
        self.assertClose([row[0] for row in net.weights[0]], w, 1e-12)


def train_twice(make, X, Y, **settings):
    """Return [(net, history)] trained by the straight-line path, then by the general one.

    make() builds the network; both runs start from the same weights.
    """
    runs = []
    limit = nn._STRAIGHT_LINE_LIMIT
    try:
        for straight in (True, False):
            nn._STRAIGHT_LINE_LIMIT = limit if straight else -1
            net = make()
            runs.append((net, net.train(X, Y, **settings)))
    finally:
        nn._STRAIGHT_LINE_LIMIT = limit
    return runs


def compiles():
    "Return True when this interpreter can compile the straight-line epochs."
    key = ((2, 2, 1), ("sigmoid", "sigmoid"), "sse", False, False, "sgd")
    return nn._compiled_epoch(key) is not None


class TestStraightLine(Case):
    "Small networks train with compiled straight-line code: the same numbers as the kernels."

    def assertSameTraining(self, make, X, Y, what, **settings):
        (fast, fast_history), (general, history) = train_twice(make, X, Y, **settings)
        self.assertClose(list(fast_history), list(history), 1e-12, 1e-15, what + " losses")
        for key in history.history:
            self.assertClose(fast_history.history[key], history.history[key], 1e-12, 1e-15,
                             what + " " + key)
        self.assertClose(fast.weights, general.weights, 1e-12, 1e-15, what + " weights")
        self.assertClose(fast.biases, general.biases, 1e-12, 1e-15, what + " biases")
        self.assertEqual((fast_history.stop_reason, fast_history.best_epoch),
                         (history.stop_reason, history.best_epoch))

    def test_it_is_used_for_small_networks(self):
        if not compiles():
            self.skipTest("no compile or exec here")
        seen = []
        right, limit = nn._StraightLineLoop.compiled_epoch, nn._STRAIGHT_LINE_LIMIT
        try:
            nn._StraightLineLoop.compiled_epoch = \
                lambda self, order: seen.append(1) or right(self, order)
            nn._STRAIGHT_LINE_LIMIT = 250
            nn.Network([3, 4, 5, 1], loss="sse", seed=1).train(TUTORIAL_X, TUTORIAL_Y, epochs=2)
            self.assertEqual(len(seen), 2)
            big = nn.Network([30, 10, 1], seed=1)
            self.assertEqual(big.parameter_count(), 321)
            big.train([[0.5] * 30], [[1.0]], epochs=1)
            self.assertEqual(len(seen), 2)
        finally:
            nn._StraightLineLoop.compiled_epoch, nn._STRAIGHT_LINE_LIMIT = right, limit

    def test_activations_losses_and_batches(self):
        rng = Random(21)
        shapes = ([2, 3], [3, 4, 2], [4, 3, 5, 3], [2, 6, 3, 2, 2], [2, 3, 18, 2])  # 18: long sums
        for count, (loss, output) in enumerate(PAIRS + PAIRS[:6]):   # each hidden 4 times
            activation = HIDDEN[count % len(HIDDEN)]
            sizes = shapes[count % len(shapes)]
            bias = count % 3 != 0
            X = rng.matrix(7, sizes[0], -2.0, 2.0)
            Y = targets_for(loss, output, rng, 7, sizes[-1])
            make = lambda: random_network(Random(count), sizes, activation, output, loss,
                                          bias, count)
            what = "%s/%s/%s bias=%s %s" % (loss, activation, output, bias, sizes)
            self.assertSameTraining(make, X, Y, what, epochs=3, learning_rate=0.05,
                                    batch_size=None if count % 2 else 3,
                                    shuffle=count % 4 == 1)

    def test_update_rules(self):
        rng = Random(8)
        X = rng.matrix(9, 3, -1.0, 1.0)
        Y = targets_for("mse", "tanh", rng, 9, 2)
        make = lambda: nn.Network([3, 5, 2], activation="tanh", loss="mse", seed=3)
        for settings in (dict(momentum=0.9), dict(weight_decay=0.01),
                         dict(momentum=0.5, weight_decay=0.02), dict(optimizer="adam"),
                         dict(optimizer="adam", weight_decay=0.01),
                         dict(optimizer=nn.Adam(0.01, beta1=0.8))):
            self.assertSameTraining(make, X, Y, repr(sorted(settings)), epochs=4,
                                    batch_size=4, **settings)

    def test_what_train_does_between_epochs(self):
        rng = Random(4)
        X = rng.matrix(12, 2, -1.0, 1.0)
        labels = ["in" if x[0] * x[1] > 0 else "out" for x in X]
        make = lambda: nn.Network([2, 4, 2], seed=5)
        self.assertSameTraining(make, X, labels, "classes and validation", epochs=6,
                                learning_rate=0.5, validation_split=0.25, patience=2)
        Y = [[x[0] + x[1]] for x in X]
        make = lambda: nn.Network([2, 3, 1], output_activation="linear", seed=5,
                                  input_scaling="standard", target_scaling="minmax")
        self.assertSameTraining(make, X, Y, "scaling and a target loss", epochs=50,
                                validation_data=(X[:3], Y[:3]), target_loss=0.02,
                                batch_size=5)

    def test_divergence_keeps_finite_weights(self):
        X, Y = [[1e150], [-1e150]], [[1e150], [0.0]]
        make = lambda: nn.Network([1, 4, 1], activation="linear", loss="mse", seed=1)
        runs = []
        for straight in (True, False):
            net = make()
            limit = nn._STRAIGHT_LINE_LIMIT
            nn._STRAIGHT_LINE_LIMIT = limit if straight else -1
            try:
                error = self.assertRaisesMessage(nn.DivergedError, ["learning rate"], net.train,
                                                 X, Y, epochs=50, learning_rate=10.0)
            finally:
                nn._STRAIGHT_LINE_LIMIT = limit
            runs.append((net.weights, len(error.history)))
        self.assertEqual(runs[0], runs[1])

    def test_interrupted_training_keeps_the_last_epoch(self):
        if not compiles():
            self.skipTest("no compile or exec here")
        net = nn.Network([2, 3, 1], seed=2)
        right = nn._StraightLineLoop.compiled_epoch
        calls = []

        def epoch(self, order):
            calls.append(1)
            if len(calls) == 3:
                raise KeyboardInterrupt()
            return right(self, order)
        try:
            nn._StraightLineLoop.compiled_epoch = epoch
            history = net.train([[0.0, 1.0], [1.0, 0.0]], [[1.0], [0.0]], epochs=10)
        finally:
            nn._StraightLineLoop.compiled_epoch = right
        self.assertEqual((history.stop_reason, len(history)), ("interrupted", 2))
        again = nn.Network([2, 3, 1], seed=2)
        again.train([[0.0, 1.0], [1.0, 0.0]], [[1.0], [0.0]], epochs=2)
        self.assertEqual(net.weights, again.weights)

    def test_without_compile_the_general_loop_runs(self):
        right = nn._run_source

        def missing(source, namespace):
            raise NameError("name 'compile' is not defined")
        saved = dict(nn._EPOCHS)
        try:
            nn._run_source = missing
            nn._EPOCHS.clear()
            net = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
            history = net.train(TUTORIAL_X, TUTORIAL_Y, epochs=100, learning_rate=0.1)
            self.assertEqual(len(history), 100)
        finally:
            nn._run_source = right
            nn._EPOCHS.clear()
            nn._EPOCHS.update(saved)
        fast = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
        fast.train(TUTORIAL_X, TUTORIAL_Y, epochs=100, learning_rate=0.1)
        self.assertClose(fast.weights, net.weights, 1e-12, 1e-15)


def exported(net):
    "Return the namespace of the module net.export_python writes, run in memory."
    namespace = {}
    exec(nn._export_source(net), namespace)
    return namespace


class TestExportPython(Case):
    "export_python writes a module whose predict() answers as net.predict(), bit for bit."

    def test_regressor_with_scaling(self):
        rng = Random(6)
        X = rng.matrix(12, 3, -4.0, 9.0)
        Y = rng.matrix(12, 2, 50.0, 90.0)
        net = nn.Network([3, 20, 2], activation="tanh", output_activation="linear", seed=2,
                         input_scaling="standard", target_scaling="minmax")
        net.train(X, Y, epochs=40, learning_rate=0.05, batch_size=4)
        module = exported(net)
        probe = X + [[0.0, 0.0, 0.0], [1e6, -1e6, 3.0], [-0.001, 250.0, -77.0]]
        self.assertEqual(module["predict"](probe), net.predict(probe))
        self.assertEqual(module["predict"](probe[4]), net.predict(probe[4]))
        self.assertEqual(module["predict"]((1, 2, 3)), net.predict((1, 2, 3)))

    def test_classifiers(self):
        rng = Random(9)
        X = rng.matrix(12, 2, -1.0, 1.0)
        for labels, sizes, activation in (
                (["low", "mid", "high"], [2, 4, 3], "relu"),
                ([0, 1], [2, 3, 1], "sigmoid"),
                ([False, True], [2, 2, 3, 2], "leaky_relu")):
            Y = [labels[int((x[0] + 1.0) * len(labels) / 2.0) % len(labels)] for x in X]
            net = nn.Network(sizes, activation=activation, seed=3)
            net.train(X, Y, epochs=30, learning_rate=0.5)
            module = exported(net)
            probe = X + [[40.0, -40.0], [0.0, 0.0], [-700.0, 3.0]]
            self.assertEqual(module["predict"](probe), net.predict(probe))
            self.assertEqual(module["CLASSES"], net.classes)
            outputs = nn.Network.from_weights(net.weights, net.biases, activation=activation,
                                              output_activation=net.output_activation)
            self.assertEqual(exported(outputs)["predict"](probe), outputs.predict(probe))

    def test_exp_and_tanh_are_nns(self):
        module = exported(nn.Network([1, 1, 1], activation="tanh", output_activation="sigmoid",
                                     seed=1))
        rng = Random(12)
        values = [rng.uniform(-40.0, 40.0) for i in range(300)] + \
            [0.0, -0.0, 1e-300, 0.17, 0.34, -0.35, 22.0, -22.5, 708.9, -745.0, 800.0, -800.0]
        for x in values:
            self.assertEqual(module["_exp"](x), nn._exp(x))
            self.assertEqual(module["_tanh"](x), nn._tanh(x))

    def test_the_file(self):
        if not CAN_WRITE:
            self.skipTest("this interpreter cannot write files")
        net = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
        net.train(TUTORIAL_X, TUTORIAL_Y, epochs=200, learning_rate=0.1)
        path = "_nn_test_model.py"
        try:
            net.export_python(path)
            text = read(path)
        finally:
            try:
                os.remove(path)
            except OSError:
                pass
        self.assertTrue(text.startswith('"""') and "import math\n" in text)
        self.assertEqual([line for line in text.split("\n")
                          if line.startswith("import") or line.startswith("from")],
                         ["import math"])
        namespace = {}
        exec(text, namespace)
        self.assertEqual(namespace["predict"](TUTORIAL_X), net.predict(TUTORIAL_X))

    def test_errors(self):
        net = nn.Network([2, 1], input_scaling="max", seed=1)
        self.assertRaisesMessage(ValueError, ["export_python", "input_scaling", "not fitted"],
                                 net.export_python, "unused.py")
        self.assertRaisesMessage(TypeError, ["export_python", "path"],
                                 nn.Network([2, 1], seed=1).export_python, 3)


# --------------------------------------------------------------------------
# Scaling
# --------------------------------------------------------------------------

class TestScaling(Case):

    def test_kinds(self):
        rows = [[2.0, -4.0, 5.0], [1.0, 2.0, 5.0], [3.0, 0.0, 5.0]]
        s = nn.Scaler("max").fit(rows)
        self.assertEqual(s.transform([[3.0, 4.0, 5.0]]), [[1.0, 1.0, 5.0 / 5.0]])
        s = nn.Scaler("minmax").fit(rows)
        self.assertEqual(s.transform(rows), [[0.5, 0.0, 0.0], [0.0, 1.0, 0.0], [1.0, 4.0 / 6, 0.0]])
        s = nn.Scaler("standard").fit(rows)
        scaled = s.transform(rows)
        for column in list(zip(*scaled))[:2]:
            self.assertClose(sum(column) / 3.0, 0.0, absolute=1e-15)
            self.assertClose(sum([v * v for v in column]) / 3.0, 1.0, 1e-12)
        self.assertEqual([row[2] for row in scaled], [0.0, 0.0, 0.0])   # constant: no NaN
        self.assertClose(s.inverse(scaled), rows, 1e-12)
        s = nn.Scaler(100).fit([[92.0], [86.0]])
        self.assertEqual(s.transform([[92.0]]), [[0.92]])

    def test_scaling_lives_in_the_network(self):
        X, Y = [[2, 9], [1, 5], [3, 6]], [[92], [86], [89]]
        net = nn.Network([2, 3, 1], loss="sse", bias=False, init="normal", seed=1,
                         input_scaling="max", target_scaling=100)
        net.train(X, Y, epochs=1000, learning_rate=1.0)
        self.assertEqual(net.input_scaler.divisor, [3.0, 9.0])
        # predict scales [4, 8] by the training maxima, not by its own maximum
        raw = nn.Network.from_weights(net.weights, None, loss="sse")
        expected = raw.predict([4.0 / 3.0, 8.0 / 9.0])[0] * 100.0
        self.assertClose(net.predict([4, 8])[0], expected, 1e-12)
        for row, target in zip(net.predict(X), Y):
            self.assertTrue(abs(row[0] - target[0]) < 4.0)

    def test_scaling_is_opt_in(self):
        net = nn.Network([2, 1], loss="mse", output_activation="linear", bias=False, seed=1)
        net.weights = [[[2.0], [3.0]]]
        self.assertEqual(net.predict([10.0, 100.0]), [320.0])
        self.assertEqual(net.cost([[10.0, 100.0]], [[300.0]]), 400.0)

    def test_unfitted_scaling_is_refused(self):
        net = nn.Network([2, 1], input_scaling="standard", seed=1)
        self.assertRaisesMessage(ValueError, ["not fitted"], net.predict, [1, 2])


# --------------------------------------------------------------------------
# Saving and loading
# --------------------------------------------------------------------------

class TempFiles(Case):
    "Gives each test file names in the current folder, removed afterwards."

    def setUp(self):
        if not CAN_WRITE:
            self.skipTest("this interpreter cannot write files")
        self.paths = []

    def path(self, name):
        p = "_nn_test_%s" % name
        self.paths.append(p)
        return p

    def tearDown(self):
        for p in getattr(self, "paths", []):
            try:
                os.remove(p)
            except OSError:
                pass


class TestSaveLoad(TempFiles):

    def test_round_trip_is_exact(self):
        rng = Random(2)
        net = nn.Network([3, 5, 2], activation="tanh", output_activation="linear", loss="mse",
                         seed=6, input_scaling="standard", target_scaling="minmax")
        X = rng.matrix(8, 3)
        Y = rng.matrix(8, 2, 0.0, 10.0)
        net.train(X, Y, epochs=20, learning_rate=0.05, batch_size=4)
        net.save(self.path("a.json"))
        copy = nn.load(self.path("a.json"))
        self.assertEqual(copy.weights, net.weights)
        self.assertEqual(copy.biases, net.biases)
        self.assertEqual(copy.predict(X), net.predict(X))
        self.assertEqual(copy.cost(X, Y), net.cost(X, Y))
        self.assertEqual((copy.sizes, copy.activation, copy.output_activation, copy.loss),
                         (net.sizes, net.activation, net.output_activation, net.loss))
        copy.train(X, Y, epochs=2)                          # and it can go on training

    def test_awkward_floats_survive(self):
        net = nn.Network([2, 2], output_activation="linear", loss="mse", seed=1)
        values = [5e-324, 1.7976931348623157e308, 0.1, 1.0 / 3, -2.0 ** -1074, 1e22, 1e-7, 0.0]
        net.weights = [[values[:2], values[2:4]]]
        net.biases = [values[4:6]]
        net.save(self.path("b.json"))
        copy = nn.load(self.path("b.json"))
        self.assertEqual(copy.weights, [[values[:2], values[2:4]]])
        self.assertEqual(copy.biases, [values[4:6]])

    def test_failed_save_keeps_the_old_file(self):
        net = nn.Network([2, 2, 1], seed=1)
        path = self.path("c.json")
        net.save(path)
        before = read(path)
        saved, net.weights[0][0][0] = net.weights[0][0][0], float("nan")
        self.assertRaises(ValueError, net.save, path)
        self.assertEqual(read(path), before)
        net.weights[0][0][0] = saved
        self.assertRaises(nn.FileError, net.save, "no_such_folder/x/model.json")
        self.assertEqual(read(path), before)
        self.assertEqual([p for p in os.listdir(".") if p.startswith(path + ".tmp")], [])

    def test_savetxt_files(self):
        net = nn.Network([3, 4, 5, 1], bias=False, init="normal", seed=1)
        for k, W in enumerate(net.weights):
            nn.save_weights(self.path("w%d.txt" % k), W)
        loaded = [nn.load_weights(self.path("w%d.txt" % k)) for k in range(3)]
        self.assertEqual(loaded, net.weights)
        f = open(self.path("np.txt"), "w")          # as np.savetxt(path, W) writes it
        f.write("# weights\n1.000000000000000000e+00 -2.500000000000000000e-01\n"
                "3.000000000000000056e-01 4.000000000000000000e+00\n")
        f.close()
        self.assertEqual(nn.load_weights(self.path("np.txt")), [[1.0, -0.25], [0.3, 4.0]])

    def test_bad_files_are_refused(self):
        cases = [("", ["not valid JSON"]), ("[1, 2", ["not valid JSON"]), ("[1, 2]", ["object"]),
                 ('{"format": "other"}', ["not a saved nn.py network"])]
        good = nn.Network([2, 2], seed=1)
        good.save(self.path("good.json"))
        text = read(self.path("good.json"))
        cases += [(text.replace('"version": 1', '"version": 99'), ["version"]),
                  (text.replace('"sizes": [2, 2]', '"sizes": [2, 3]'), ["sizes"]),
                  (text.replace('"bias"', '"dropout": 0.5, "bias"'), ["unknown", "dropout"]),
                  (text.replace('"activation": "sigmoid"', '"activation": "os.system"'),
                   ["activation"]),
                  (text[:len(text) // 2], ["JSON"])]
        w = repr(good.weights[0][0][0])
        cases.append((text.replace(w, "1e400", 1), ["finite"]))
        for i, (content, words) in enumerate(cases):
            path = self.path("bad%d.json" % i)
            f = open(path, "w")
            f.write(content)
            f.close()
            self.assertRaisesMessage(ValueError, [path] + words, nn.load, path)
        self.assertRaisesMessage(nn.FileError, ["cannot read"], nn.load, "no_such_file.json")


# --------------------------------------------------------------------------
# Classification
# --------------------------------------------------------------------------

class TestClassification(Case):

    def test_labels_pick_softmax_and_cross_entropy(self):
        X = [[0, 0], [1, 0], [0, 1], [0.1, 0.1], [0.9, 0.0], [0.0, 0.8]]
        labels = ["a", "b", "c", "a", "b", "c"]
        net = nn.Network([2, 4, 3], seed=1)
        history = net.train(X, labels, epochs=300, learning_rate=0.5)
        self.assertEqual((net.loss, net.output_activation), ("cross_entropy", "softmax"))
        self.assertEqual(net.classes, ["a", "b", "c"])
        self.assertEqual(net.predict(X), labels)
        self.assertEqual(net.predict([0, 1]), "c")
        self.assertEqual(net.score(X, labels), 1.0)
        self.assertEqual(history.history["accuracy"][-1], 1.0)
        p = net.predict_proba([0, 0])
        self.assertClose(sum(p), 1.0, 1e-12)

    def test_two_labels_pick_sigmoid(self):
        X = [[0.0], [0.2], [0.8], [1.0]]
        net = nn.Network([1, 3, 1], seed=2)
        net.train(X, [0, 0, 1, 1], epochs=500, learning_rate=2.0)
        self.assertEqual(net.loss, "binary_crossentropy")
        self.assertEqual(net.predict(X), [0, 0, 1, 1])
        p = net.predict_proba([1.0])
        self.assertClose(p[0] + p[1], 1.0, 1e-15)

    def test_labels_and_regression_losses_do_not_mix(self):
        net = nn.Network([2, 3, 1], loss="mse", seed=1)
        self.assertRaisesMessage(TypeError, ["numeric"], net.train, [[0, 1], [1, 0]], ["a", "b"])
        net = nn.Network([2, 3, 2], seed=1)
        self.assertRaisesMessage(ValueError, ["3 classes", "2 outputs"], net.train,
                                 [[0, 1], [1, 0], [1, 1]], ["a", "b", "c"])


# --------------------------------------------------------------------------
# Bad input gets a clear ValueError or TypeError
# --------------------------------------------------------------------------

class TestErrors(Case):

    def test_constructor(self):
        cases = [(TypeError, ["sizes"], "abc"), (ValueError, ["at least 2"], [3]),
                 (ValueError, ["sizes[1]"], [3, 0]), (TypeError, ["sizes[0]"], [2.5, 1]),
                 (TypeError, ["sizes[0]"], [True, 1]), (ValueError, ["parameters"], [10 ** 5] * 3)]
        for kind, words, sizes in cases:
            self.assertRaisesMessage(kind, words, nn.Network, sizes)
        self.assertRaisesMessage(ValueError, ["activation", "swish"], nn.Network, [2, 1],
                                 activation="swish")
        self.assertRaisesMessage(ValueError, ["output layer only"], nn.Network, [2, 1],
                                 activation="softmax")
        self.assertRaisesMessage(ValueError, ["loss"], nn.Network, [2, 1], loss="hinge")
        self.assertRaisesMessage(ValueError, ["cross_entropy", "softmax"], nn.Network, [2, 2],
                                 loss="cross_entropy", output_activation="sigmoid")
        self.assertRaisesMessage(TypeError, ["seed"], nn.Network, [2, 1], seed="x")
        self.assertRaisesMessage(ValueError, ["seed"], nn.Network, [2, 1], seed=2 ** 32)
        self.assertRaisesMessage(TypeError, ["bias"], nn.Network, [2, 1], bias="yes")

    def test_data(self):
        net = nn.Network([3, 2, 1], seed=1)
        X, Y = [[1, 2, 3], [4, 5, 6]], [[0], [1]]
        cases = [
            (ValueError, ["row 1 of X has 2 values, expected 3"], [[1, 2, 3], [4, 5]], Y),
            (ValueError, ["X is empty"], [], []),
            (TypeError, ["value 1", "str"], [[1, "a", 3], [4, 5, 6]], Y),
            (TypeError, ["value 0", "NoneType"], [[None, 2, 3], [4, 5, 6]], Y),
            (TypeError, ["value 2", "bool"], [[1, 2, True], [4, 5, 6]], Y),
            (TypeError, ["value 0", "list"], [[[1], 2, 3], [4, 5, 6]], Y),
            (TypeError, ["list of numbers"], [1, 2, 3], Y),
            (ValueError, ["NaN"], [[1, 2, float("nan")], [4, 5, 6]], Y),
            (ValueError, ["infinity"], [[1, 2, float("inf")], [4, 5, 6]], Y),
            (ValueError, ["2 rows", "Y has 3"], X, [[0], [1], [0]]),
            (ValueError, ["row 0 of Y has 2 values"], X, [[0, 1], [1, 0]]),
            (TypeError, ["X must be a list"], "abc", Y),
        ]
        for kind, words, Xb, Yb in cases:
            for method in (net.train, net.cost, net.gradients):
                self.assertRaisesMessage(kind, words, method, Xb, Yb)
        self.assertRaisesMessage(ValueError, ["predict", "has 2 values, expected 3"],
                                 net.predict, [1, 2])
        self.assertRaisesMessage(TypeError, ["predict"], net.predict, None)

    def test_training_arguments(self):
        net = nn.Network([1, 1], seed=1)
        X, Y = [[0.0], [1.0]], [[0.0], [1.0]]
        cases = [(ValueError, ["epochs"], {"epochs": 0}), (TypeError, ["epochs"], {"epochs": 1.5}),
                 (ValueError, ["learning_rate"], {"learning_rate": 0}),
                 (ValueError, ["learning_rate"], {"learning_rate": -0.1}),
                 (ValueError, ["batch_size"], {"batch_size": 0}),
                 (ValueError, ["optimizer", "rmsprop"], {"optimizer": "rmsprop"}),
                 (ValueError, ["momentum"], {"momentum": 1.0}),
                 (ValueError, ["validation_split"], {"validation_split": 0.4}),
                 (ValueError, ["validation_split"], {"validation_split": 1.0}),
                 (TypeError, ["validation_data"], {"validation_data": [1, 2, 3]})]
        for kind, words, kwargs in cases:
            self.assertRaisesMessage(kind, words, net.train, X, Y, **kwargs)

    def test_bad_weights_are_named(self):
        net = nn.Network([2, 2, 1], seed=1)
        net.weights[1] = [[1.0], [2.0], [3.0]]
        self.assertRaisesMessage(ValueError, ["net.weights[1]", "2 rows"], net.predict, [1, 2])
        net = nn.Network([2, 2, 1], seed=1)
        net.weights[0][1] = [1.0, "x"]
        self.assertRaisesMessage(TypeError, ["net.weights[0][1]"], net.predict, [1, 2])

    def test_divergence_is_an_error(self):
        net = nn.Network([1, 4, 1], activation="linear", loss="mse", seed=1)
        X, Y = [[1e150], [-1e150]], [[1e150], [0.0]]
        error = self.assertRaisesMessage(nn.DivergedError, ["learning rate", "scale"], net.train,
                                         X, Y, epochs=50, learning_rate=10.0)
        for W in net.weights:
            for row in W:
                for w in row:
                    self.assertTrue(nn._finite(w))
        self.assertTrue(isinstance(error, ValueError))


class TestDemo(Case):

    def test_demo_prints_the_tutorials(self):
        lines = []

        class Out(object):
            def write(self, text):
                lines.append(text)
        nn.demo(Out())
        text = "".join(lines)
        self.assertTrue("0.02039406  0.96795662  0.97199464  0.02758648" in text, text)
        self.assertTrue("4 hours studied and 8 slept" in text)


if __name__ == "__main__":
    result = unittest.main()
    sys.exit(0 if result.wasSuccessful() else 1)
