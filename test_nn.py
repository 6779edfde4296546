"""Tests for nn.py: python3 test_nn.py (any interpreter; no numpy needed).

The same file runs on CPython 2.7 and 3.6+, PyPy, Jython, MicroPython and
Pyodide, so it keeps to the part of unittest they all have.
"""

import math
import os
import sys

try:
    import unittest
except ImportError:         # the unix MicroPython has none: the stand-in at the end of the file
    unittest = None

import nn
try:                        # optional beside nn.py: without them their tests skip
    import nn_fast
except ImportError:
    nn_fast = None
try:
    import nn_tools
except ImportError:
    nn_tools = None

# --------------------------------------------------------------------------
# Where there is no unittest (the unix MicroPython), a small stand-in that runs
# the same tests: TestCase with the assertions used here, and main().
# --------------------------------------------------------------------------

class _SkipTest(Exception):
    "Raised by skipTest."


class _Raises(object):
    "The context manager assertRaises returns when called without a function."

    def __init__(self, kind):
        self.kind = kind
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            raise AssertionError("%s not raised" % self.kind.__name__)
        if not issubclass(kind, self.kind):
            return False
        self.exception = value
        return True


class _TestCase(object):
    "The part of unittest.TestCase these tests use."

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def skipTest(self, why):
        raise _SkipTest(why)

    def fail(self, message=None):
        raise AssertionError(message or "failed")

    def assertTrue(self, value, message=None):
        if not value:
            self.fail(message or "%r is not true" % (value,))

    def assertFalse(self, value, message=None):
        if value:
            self.fail(message or "%r is not false" % (value,))

    def assertEqual(self, a, b, message=None):
        if not a == b:
            self.fail(message or "%r != %r" % (a, b))

    def assertNotEqual(self, a, b, message=None):
        if a == b:
            self.fail(message or "%r == %r" % (a, b))

    def assertAlmostEqual(self, a, b, places=7, message=None, delta=None):
        if (abs(a - b) > delta) if delta is not None else round(abs(a - b), places) != 0:
            self.fail(message or "%r != %r within %s" % (a, b, delta or places))

    def assertRaises(self, kind, f=None, *args, **kwargs):
        if f is None:
            return _Raises(kind)
        with _Raises(kind):
            f(*args, **kwargs)


class _Result(object):
    "What main() returns: the counts, and wasSuccessful()."

    def __init__(self):
        self.run, self.failures, self.skipped = 0, [], 0

    def wasSuccessful(self):
        return not self.failures


def _main():
    "Run every test method of every TestCase in this module; print and return the result."
    result = _Result()
    cases = sorted([(name, value) for name, value in globals().items()
                    if isinstance(value, type) and issubclass(value, _TestCase) and
                    value is not _TestCase and name.startswith("Test")])
    for name, case in cases:
        for method in sorted([m for m in dir(case) if m.startswith("test_")]):
            test = case()
            label = "%s.%s" % (name, method)
            result.run += 1
            try:
                test.setUp()
                try:
                    getattr(test, method)()
                finally:
                    test.tearDown()
                sys.stdout.write("%s ... ok\n" % label)
            except _SkipTest as why:
                result.skipped += 1
                sys.stdout.write("%s ... skipped: %s\n" % (label, why))
            except MemoryError:         # a board-sized heap: say so, and go on
                result.skipped += 1
                sys.stdout.write("%s ... skipped: needs more heap than is free "
                                 "(micropython -X heapsize=16M runs it)\n" % label)
            except Exception as error:
                result.failures.append(label)
                sys.stdout.write("%s ... FAIL: %s: %s\n" % (label, type(error).__name__, error))
    sys.stdout.write("Ran %d tests (%d skipped): %s\n" % (
        result.run, result.skipped, "OK" if result.wasSuccessful() else
        "FAILED %s" % ", ".join(result.failures)))
    return result


if unittest is None:
    class unittest(object):
        "The stand-in, under the name the tests use."
        TestCase = _TestCase
        SkipTest = _SkipTest
        main = staticmethod(_main)


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
        except MemoryError:             # a board-sized heap: the runner says so
            raise
        except Exception as error:
            self.fail("expected %s, got %s: %s" % (getattr(kind, "__name__", "an error"),
                                                   type(error).__name__, error))
        self.fail("expected %s, nothing was raised" % getattr(kind, "__name__", "an error"))


def needs_tools(case):
    "Skip the test when nn_tools.py is not beside nn.py."
    if nn_tools is None:
        case.skipTest("nn_tools.py is not beside nn.py")


class ToolsCase(Case):
    "A test of nn_tools.py: data, explain, pictures, export, the command line."

    def setUp(self):
        needs_tools(self)


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

    def test_larger_network_checksum(self):
        # 2,368 weights, the same bits everywhere. numpy draws 2 of them one ulp apart
        # (glibc's log rounds two of the draws the wrong way), so this pins nn's own log.
        # The checksum adds exact mantissas and exponents: the same integer everywhere.
        net = nn.Network([64, 32, 10], seed=102, init="normal")
        total = 0
        for W in net.weights:
            for row in W:
                for w in row:
                    m, e = math.frexp(w)
                    total = (total * 31 + int(m * 9007199254740992.0) + e) % 1000000007
        self.assertEqual(total, 325883033)

    def test_numpy_where_installed(self):
        # Only where numpy is installed: drawing with the C library's log, as numpy
        # does, gives numpy's numbers exactly; nn's weights differ from them only
        # where that log and the correctly rounded one disagree.
        try:
            import numpy
        except ImportError:
            self.skipTest("numpy is not installed")

        class LibraryLog(nn.RandomState):
            def normal(self):
                saved = nn._log
                nn._log = math.log
                try:
                    return nn.RandomState.normal(self)
                finally:
                    nn._log = saved

        for seed, shapes in ((102, [(64, 32), (32, 10)]), (0, [(3, 4), (4, 5), (5, 1)]),
                             (2 ** 32 - 1, [(30, 20)])):
            numpy.random.seed(seed)
            expected = [numpy.random.randn(a, b).tolist() for a, b in shapes]
            rng = LibraryLog(seed)
            self.assertEqual([rng.randn(a, b) for a, b in shapes], expected)
            rng, differing = nn.RandomState(seed), 0
            for (a, b), E in zip(shapes, expected):
                for row, expected_row in zip(rng.randn(a, b), E):
                    differing += sum([1 for x, y in zip(row, expected_row) if x != y])
            self.assertTrue(differing <= 2, "seed %d: %d weights differ" % (seed, differing))

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

    def test_large_full_batch(self):
        # MicroPython keeps star-arguments on a small fixed stack: zip(*rows) of a few
        # thousand rows fails there, so columns are taken a few hundred rows at a time
        X = [[(i % 7) / 7.0, (i % 3) / 3.0] for i in range(1500)]
        Y = [[(i % 2) * 1.0] for i in range(1500)]
        self.assertEqual(nn.transpose(X * 2)[1][-3:], [0.0, 1 / 3.0, 2 / 3.0])
        net = nn.Network([2, 2, 1], seed=1, input_scaling="standard")
        self.assertEqual(len(net.train(X, Y, epochs=1)), 1)

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
    saved = nn.compiled
    try:
        for compiled in (True, False):
            nn.compiled = compiled
            net = make()
            runs.append((net, net.train(X, Y, **settings)))
    finally:
        nn.compiled = saved
    return runs


def compiles():
    "Return True when this interpreter can compile the straight-line epochs."
    key = ((2, 2, 1), ("sigmoid", "sigmoid"), "sse", False, False, "sgd")
    return nn_fast._compiled_epoch(key) is not None


class TestStraightLine(Case):
    "Small networks train with compiled straight-line code: the same numbers as the kernels."

    def setUp(self):
        if nn_fast is None:
            self.skipTest("no nn_fast.py beside nn.py")

    def assertSameTraining(self, make, X, Y, what, **settings):
        (fast, fast_history), (general, history) = train_twice(make, X, Y, **settings)
        self.assertClose(list(fast_history), list(history), 1e-12, 1e-15, what + " losses")
        for key in history.history:
            self.assertClose(list(fast_history.history[key]), list(history.history[key]), 1e-12,
                             1e-15, what + " " + key)
        self.assertClose(fast.weights, general.weights, 1e-12, 1e-15, what + " weights")
        self.assertClose(fast.biases, general.biases, 1e-12, 1e-15, what + " biases")
        self.assertEqual((fast_history.stop_reason, fast_history.best_epoch),
                         (history.stop_reason, history.best_epoch))

    def test_it_is_used_for_small_networks(self):
        if not compiles():
            self.skipTest("no compile or exec here")
        seen = []
        right, limit = nn_fast._StraightLineLoop.compiled_epoch, nn_fast._STRAIGHT_LINE_LIMIT
        many = nn_fast._StraightLineLoop.run_many

        def run_many(self, epochs, divisor, record):
            done = many(self, epochs, divisor, record)
            seen.extend([2] * done)
            return done
        try:
            nn_fast._StraightLineLoop.compiled_epoch = \
                lambda self, order: seen.append(1) or right(self, order)
            nn_fast._StraightLineLoop.run_many = run_many
            nn_fast._STRAIGHT_LINE_LIMIT = 250
            nn.Network([3, 4, 5, 1], loss="sse", seed=1).train(TUTORIAL_X, TUTORIAL_Y, epochs=2)
            chunked = [2, 2] if nn_fast._CHUNK_WORK else [1, 1]     # not on MicroPython
            self.assertEqual(seen, chunked)           # nothing to watch: in one call
            nn.Network([3, 4, 5, 1], loss="sse", seed=1).train(TUTORIAL_X, TUTORIAL_Y, epochs=2,
                                                               time_limit=100.0)
            self.assertEqual(seen, chunked + [1, 1])  # a clock to watch: an epoch at a time
            big = nn.Network([30, 10, 1], seed=1)
            self.assertEqual(big.parameter_count(), 321)
            big.train([[0.5] * 30], [[1.0]], epochs=1)
            self.assertEqual(len(seen), 4)
            nn.compiled = False                       # the public switch: nn.py's own loop
            nn.Network([3, 4, 5, 1], loss="sse", seed=1).train(TUTORIAL_X, TUTORIAL_Y, epochs=2,
                                                               time_limit=100.0)
            self.assertEqual(len(seen), 4)
        finally:
            nn_fast._StraightLineLoop.compiled_epoch, nn_fast._STRAIGHT_LINE_LIMIT = right, limit
            nn_fast._StraightLineLoop.run_many = many
            nn.compiled = True

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
        for compiled in (True, False):
            net = make()
            nn.compiled = compiled
            try:
                error = self.assertRaisesMessage(nn.DivergedError, ["learning rate"], net.train,
                                                 X, Y, epochs=50, learning_rate=10.0)
            finally:
                nn.compiled = True
            runs.append((net.weights, len(error.history)))
        self.assertEqual(runs[0], runs[1])

    def test_interrupted_training_keeps_the_last_epoch(self):
        if not compiles():
            self.skipTest("no compile or exec here")
        net = nn.Network([2, 3, 1], seed=2)
        right = nn_fast._StraightLineLoop.compiled_epoch
        calls = []

        def epoch(self, order):
            calls.append(1)
            if len(calls) == 3:
                raise KeyboardInterrupt()
            return right(self, order)
        try:
            nn_fast._StraightLineLoop.compiled_epoch = epoch
            history = net.train([[0.0, 1.0], [1.0, 0.0]], [[1.0], [0.0]], epochs=10,
                                time_limit=100.0)
        finally:
            nn_fast._StraightLineLoop.compiled_epoch = right
        self.assertEqual((history.stop_reason, len(history)), ("interrupted", 2))
        again = nn.Network([2, 3, 1], seed=2)
        again.train([[0.0, 1.0], [1.0, 0.0]], [[1.0], [0.0]], epochs=2)
        self.assertEqual(net.weights, again.weights)

    def test_interrupted_chunk_keeps_the_chunks_before(self):
        if not compiles():
            self.skipTest("no compile or exec here")
        X, Y = [[0.0, 1.0], [1.0, 0.0]], [[1.0], [0.0]]
        compiled, work = nn_fast._compiled_epoch, nn_fast._CHUNK_WORK
        calls = []

        def wrapped(key):
            many = compiled(key)

            def interrupted(*args):
                calls.append(args[6])
                if len(calls) == 3:
                    raise KeyboardInterrupt()
                return many(*args)
            return interrupted
        try:
            nn_fast._compiled_epoch, nn_fast._CHUNK_WORK = wrapped, 2 * 13 * 7      # chunks of 7 epochs
            net = nn.Network([2, 3, 1], seed=2)
            history = net.train(X, Y, epochs=30)
        finally:
            nn_fast._compiled_epoch, nn_fast._CHUNK_WORK = compiled, work
        self.assertEqual(calls, [7, 7, 7])
        self.assertEqual((history.stop_reason, len(history)), ("interrupted", 14))
        again = nn.Network([2, 3, 1], seed=2)
        again_history = again.train(X, Y, epochs=14)
        self.assertEqual((net.weights, net.biases, list(history)),
                         (again.weights, again.biases, list(again_history)))

    def test_chunks_give_the_numbers_of_one_epoch_at_a_time(self):
        if not compiles():
            self.skipTest("no compile or exec here")
        rng = Random(12)
        X = rng.matrix(6, 3, -1.0, 1.0)
        Y = targets_for("mse", "tanh", rng, 6, 2)
        labels = ["a", "b", "c", "a", "b", "c"]
        work = nn_fast._CHUNK_WORK
        for targets, settings in ((TUTORIAL_Y, dict()), (Y, dict(momentum=0.9)),
                                  (Y, dict(optimizer="adam", batch_size=4, shuffle=False)),
                                  (labels, dict(weight_decay=0.01)), (labels, dict(batch_size=2,
                                                                                   shuffle=False))):
            inputs = TUTORIAL_X if targets is TUTORIAL_Y else X
            runs = []
            for watch in (None, 1e9):       # a time limit makes train() look after every epoch
                nn_fast._CHUNK_WORK = 300         # chunks of a few epochs, and a last one cut short
                try:
                    net = nn.Network([3, 4, 3 if targets is labels else len(targets[0])],
                                     activation="tanh", seed=7)
                    history = net.train(inputs, targets, epochs=25, learning_rate=0.05,
                                        time_limit=watch, **settings)
                finally:
                    nn_fast._CHUNK_WORK = work
                runs.append((net.weights, net.biases, history.history))
            self.assertEqual(runs[0], runs[1], repr(settings))

    def test_divergence_found_after_chunks(self):
        X, Y = [[float(i)] for i in range(1, 6)], [[2.0 * i] for i in range(1, 6)]
        runs = []
        for work in (1, 5 * 10 * 2, nn_fast._CHUNK_WORK):     # 1 epoch, 2 epochs, all in one chunk
            saved = nn_fast._CHUNK_WORK
            nn_fast._CHUNK_WORK = work
            try:
                net = nn.Network([1, 3, 1], activation="linear", loss="mse", seed=1)
                error = self.assertRaisesMessage(nn.DivergedError, ["in epoch 6"], net.train, X,
                                                 Y, epochs=2000, learning_rate=0.05)
            finally:
                nn_fast._CHUNK_WORK = saved
            runs.append((net.weights, net.biases, list(error.history), str(error)))
        self.assertEqual(runs[0], runs[1])
        self.assertEqual(runs[0], runs[2])

    def test_without_compile_the_general_loop_runs(self):
        def missing(source, name, mode):
            raise NameError("name 'compile' is not defined")
        saved = dict(nn_fast._EPOCHS)
        try:
            nn_fast.compile = missing         # read before the builtin of that name
            nn_fast._EPOCHS.clear()
            net = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
            history = net.train(TUTORIAL_X, TUTORIAL_Y, epochs=100, learning_rate=0.1)
            self.assertEqual(len(history), 100)
        finally:
            del nn_fast.compile
            nn_fast._EPOCHS.clear()
            nn_fast._EPOCHS.update(saved)
        fast = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
        fast.train(TUTORIAL_X, TUTORIAL_Y, epochs=100, learning_rate=0.1)
        self.assertClose(fast.weights, net.weights, 1e-12, 1e-15)


def exported(net):
    "Return the namespace of the module net.export_python writes, run in memory."
    namespace = {}
    exec(nn_tools._export_source(net), namespace)
    return namespace


class TestToolsExportPython(ToolsCase):
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

    def test_without_nn_fast(self):
        net = nn.Network([3, 4, 5, 1], loss="sse", bias=False, init="normal", seed=1)
        saved = sys.modules.get("nn_fast")
        sys.modules["nn_fast"] = None           # import nn_fast now fails (or gives None)
        try:
            module = exported(net)
        finally:
            if saved is None:
                del sys.modules["nn_fast"]
            else:
                sys.modules["nn_fast"] = saved
        self.assertEqual(module["predict"](TUTORIAL_X), net.predict(TUTORIAL_X))
        self.assertRaisesMessage(ValueError, ["predict", "3 numbers", "got 2"],
                                 module["predict"], [0.5, 0.5])

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


class ToolsFiles(TempFiles):
    "A test of nn_tools.py that writes files."

    def setUp(self):
        needs_tools(self)
        TempFiles.setUp(self)


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
        history = net.train(X, labels, epochs=300, learning_rate=0.5,
                            validation_data=(X, labels))
        self.assertEqual((net.loss, net.output_activation), ("cross_entropy", "softmax"))
        self.assertEqual(net.classes, ["a", "b", "c"])
        self.assertEqual(net.predict(X), labels)
        self.assertEqual(net.predict([0, 1]), "c")
        self.assertEqual(net.score(X, labels), 1.0)
        self.assertEqual((history.history["accuracy"][-1], history.history["val_accuracy"][-1]),
                         (1.0, 1.0))
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


class TestTrainingControls(Case):

    def test_early_stopping_keeps_the_best_epoch(self):
        X = [[i / 10.0] for i in range(40)]
        Y = [[(i % 7) / 7.0] for i in range(40)]
        net = nn.Network([1, 6, 1], seed=3)
        history = net.train(X, Y, epochs=300, learning_rate=3.0, validation_split=0.25,
                            patience=4)
        val = history.history["val_loss"]
        self.assertEqual(history.stop_reason, "early_stopping")
        self.assertEqual(len(val), history.best_epoch + 5)
        self.assertEqual(val[history.best_epoch], min(val))
        self.assertClose(net.cost(X[30:], Y[30:]), min(val), 1e-12)

    def test_early_stopping_on_the_training_loss(self):
        # Full-batch: an epoch's loss is that of the weights it started from,
        # and those are the weights kept.
        X = [[i / 10.0, ((i * 7) % 11) / 11.0] for i in range(30)]
        labels = ["abc"[(i // 10 + (i % 4 == 0)) % 3] for i in range(30)]
        net = nn.Network([2, 6, 3], activation="tanh", input_scaling="standard", seed=1)
        history = net.train(X, labels, epochs=2000, learning_rate=3.0, patience=5)
        self.assertEqual((history.stop_reason, history.best_epoch), ("early_stopping", 14))
        self.assertEqual(history[history.best_epoch], min(history))
        self.assertClose(net.cost(X, labels), min(history), 1e-12)
        # With mini-batches the loss is an average over the epoch's steps, and the
        # weights kept are those at the end of the best epoch.
        net = nn.Network([2, 6, 3], activation="tanh", input_scaling="standard", seed=1)
        history = net.train(X, labels, epochs=2000, learning_rate=3.0, patience=5,
                            batch_size=10, shuffle=False)
        self.assertEqual(history.stop_reason, "early_stopping")
        again = nn.Network([2, 6, 3], activation="tanh", input_scaling="standard", seed=1)
        again.train(X, labels, epochs=history.best_epoch + 1, learning_rate=3.0, batch_size=10,
                    shuffle=False)
        self.assertEqual((net.weights, net.biases), (again.weights, again.biases))

    def test_progress_lines_show_each_epochs_numbers(self):
        net = nn.Network([1, 2, 1], seed=1)
        out = Capture()
        saved = sys.stdout
        try:
            sys.stdout = out
        except AttributeError:               # MicroPython: sys.stdout cannot be replaced
            self.skipTest("sys.stdout cannot be replaced on this interpreter")
        try:
            history = net.train([[0.0], [1.0], [0.5]], [[0.0], [1.0], [0.4]], epochs=5,
                                validation_data=([[0.2]], [[0.1]]), print_every=2)
        finally:
            sys.stdout = saved
        lines = out.text().split("\n")
        self.assertEqual(len(lines), 5, out.text())      # epochs 0, 2 and 4, the end, ""
        h = history.history
        for line, e in zip(lines, [0, 2, 4]):
            self.assertEqual(line, "epoch %d/5  loss %s  val_loss %s  r2 %s  val_r2 %s" % (
                e, nn._fmt(h["loss"][e]), nn._fmt(h["val_loss"][e]), nn._fmt(h["r2"][e]),
                nn._fmt(h["val_r2"][e])))
        self.assertTrue(lines[3].startswith("all 5 epochs done"), lines[3])

    def test_ctrl_c_returns_the_history(self):
        net = nn.Network([1, 3, 1], seed=1)
        epoch = nn._TrainingLoop.epoch
        calls = []

        def interrupted(loop, order):
            calls.append(order)
            if len(calls) == 4:
                raise KeyboardInterrupt()
            return epoch(loop, order)
        try:
            nn._TrainingLoop.epoch = interrupted
            history = net.train([[0.0], [1.0]], [[0.0], [1.0]], epochs=10, learning_rate=0.5,
                                batch_size=1)
        finally:
            nn._TrainingLoop.epoch = epoch
        self.assertEqual((history.stop_reason, len(history)), ("interrupted", 3))
        three = nn.Network([1, 3, 1], seed=1)           # the weights of the last whole epoch
        three.train([[0.0], [1.0]], [[0.0], [1.0]], epochs=3, learning_rate=0.5, batch_size=1)
        self.assertEqual((net.weights, net.biases), (three.weights, three.biases))

    def test_the_line_that_says_why_training_ended(self):
        history = nn.History([0.5, 0.25, 0.125])
        history.seconds, history.best_epoch = 1.5, None
        for reason, epochs, words in (("epochs", 3, "all 3 epochs done in 1.5 s, loss 0.125"),
                                      ("epochs", 1, "1 epoch done"),
                                      ("interrupted", 9, "interrupted after 3 epochs"),
                                      ("time_limit", 9, "after 3 epochs: the time limit")):
            history.stop_reason = reason
            self.assertTrue(words in nn._stop_line(history, epochs), nn._stop_line(history, epochs))
        history = nn.History([0.5])
        history.seconds, history.stop_reason, history.best_epoch = 1.5, "early_stopping", 0
        self.assertEqual(nn._stop_line(history, 5), "stopped early after 1 epoch: no improvement "
                         "for a while in 1.5 s, loss 0.5; kept the weights of epoch 0")


    def test_history_keeps_a_boards_floats_in_4_bytes(self):
        "With 32-bit floats a History keeps array('f') blocks: half the heap, nothing lost there."
        if nn._array is None:
            self.skipTest("no array here that a History can use (none, or Brython's)")
        saved = nn._FLOAT32
        nn._FLOAT32 = True
        try:
            history = nn._series(40)
        finally:
            nn._FLOAT32 = saved
        history.extend([0.1, 2.5])
        self.assertEqual(list(history), [nn._array("f", [0.1])[0], 2.5])   # 0.1 to 32 bits
        history = nn._series(40)                 # this interpreter's floats: kept exactly
        history.extend([0.1, 2.5])
        self.assertEqual((history._typecode, list(history)), ("f" if saved else "d", [0.1, 2.5]))

# --------------------------------------------------------------------------
# Data without numpy: CSV files, held-out rows, one-hot rows
# --------------------------------------------------------------------------

IRIS_LINES = ["sepal_length,sepal_width,petal_length,petal_width,species",
              "5.1,3.5,1.4,0.2,setosa", "7.0,3.2,4.7,1.4,versicolor",
              "6.3,3.3,6.0,2.5,virginica", "4.9,3.0,1.4,0.2,setosa"]


class TestToolsReadCsv(ToolsCase):

    def test_columns_by_name_and_position(self):
        X, y, names = nn_tools.read_csv(IRIS_LINES, target="species")
        self.assertEqual(names, ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        self.assertEqual(X[1], [7.0, 3.2, 4.7, 1.4])
        self.assertEqual(y, ["setosa", "versicolor", "virginica", "setosa"])
        self.assertEqual(nn_tools.read_csv(IRIS_LINES, target=-1), (X, y, names))
        self.assertEqual(nn_tools.read_csv(IRIS_LINES, target="4"), (X, y, names))
        X, y, names = nn_tools.read_csv(IRIS_LINES, target=0, inputs=["petal_width", 2])
        self.assertEqual((X[0], y[0], names), ([0.2, 1.4], 5.1, ["petal_width", "petal_length"]))
        X, y, names = nn_tools.read_csv(IRIS_LINES[:1] + ["1,2,3,4,x"], inputs=[0, 1])
        self.assertEqual((X, y), ([[1.0, 2.0]], None))

    def test_targets(self):
        lines = ["a,n,f,s", "1,0,0.5,x", "2,2,7,3", "3,1,1e3,y"]
        self.assertEqual(nn_tools.read_csv(lines, "n", ["a"])[1], [0, 2, 1])     # whole: ints
        self.assertEqual(nn_tools.read_csv(lines, "f", ["a"])[1], [0.5, 7, 1000.0])
        self.assertEqual(nn_tools.read_csv(lines, "s", ["a"])[1], ["x", "3", "y"])
        self.assertEqual(nn_tools.read_csv(lines, "n", ["a"], labels=True)[1], ["0", "2", "1"])
        self.assertRaisesMessage(ValueError, ['line 2 of the text given: "x" in column "s" '
                                              'is not a number'],
                                 nn_tools.read_csv, lines, "s", ["a"], labels=False)

    def test_quotes_spaces_blank_lines_and_line_ends(self):
        lines = [nn_tools._BOM + '"x", "name, full" ,kind\r\n', '\r\n', '  1 , "a ""b"", c",  "p q" \r\n',
                 '2,plain,r\n', '   ']
        X, y, names = nn_tools.read_csv(lines, target="kind", inputs=["x"])
        self.assertEqual((X, y, names), ([[1.0], [2.0]], ["p q", "r"], ["x"]))
        self.assertEqual(nn_tools.read_csv(lines, target=1, inputs=[0])[1], ['a "b", c', "plain"])
        self.assertEqual(nn_tools.read_csv(["a;b", "1,5;2"], delimiter=";", inputs=["b"])[0], [[2.0]])
        self.assertEqual(nn_tools.read_csv([b"a\tb\n", b"3\t4\n"], target="b", delimiter="\t")[:2],
                         ([[3.0]], [4]))

    def test_no_header(self):
        X, y, names = nn_tools.read_csv(["5.1,3.5,Iris-setosa", "7.0,3.2,Iris-versicolor"], target=2)
        self.assertEqual((X, y, names), ([[5.1, 3.5], [7.0, 3.2]],
                                         ["Iris-setosa", "Iris-versicolor"], ["0", "1"]))

    def test_mistakes_name_the_line_and_column(self):
        where = "line 3 of the text given"
        cases = [(["a,b", "1,2", "1,abc"], {}, [where + ': "abc" in column "b" is not a number']),
                 (["a,b", "1,2", "1,"], {}, [where, 'column "b" is missing']),
                 (["a,b", "1,2", "1,nan"], {}, [where, '"nan"', "not a number"]),
                 (["a,b", "1,2", "1,1_0"], {}, [where, '"1_0"']),
                 (["a,b", "1,2", "1,2,3"], {}, [where, "has 3 values, the header has 2"]),
                 (["1,2", "1,2", "1"], {}, [where, "has 1 values, the first line has 2"]),
                 (["a,b", "1,2", '1,"2'], {}, [where, "quoted value is not closed"]),
                 (["a,b", "1,2", "2,", "3,4"], {"target": "b"}, [where, "missing"]),
                 (["a,b", "1,2", "2,NA", "3,4"], {"target": "b"}, [where, '"NA"', "labels=True"]),
                 (["a,b", "1,2"], {"target": "c"}, ['no column "c"', "a, b"]),
                 (["a,b", "1,2"], {"target": 2}, ["target is column 2", "2 columns"]),
                 (["a,a", "1,2"], {}, ['"a" twice']),
                 (["a,b", "1,2"], {"target": "a", "inputs": ["a"]}, ["target and an input"]),
                 (["a", "1"], {"target": "a"}, ["no columns for inputs"]),
                 (["a,b", ""], {}, ["no rows"]),
                 (["a,b", "1,2"], {"delimiter": ", "}, ["delimiter"])]
        for lines, kwargs, words in cases:
            self.assertRaisesMessage(ValueError, ["read_csv: "] + words, nn_tools.read_csv, lines,
                                     **kwargs)
        self.assertRaisesMessage(TypeError, ["source"], nn_tools.read_csv, 7)
        self.assertRaisesMessage(TypeError, ["inputs"], nn_tools.read_csv, ["a,b", "1,2"], inputs="a")
        self.assertRaisesMessage(ValueError, ["line 2", "UTF-8"], nn_tools.read_csv,
                                 [b"a,b", b"\xff,2"])


class TestToolsCsvFiles(ToolsFiles):

    def test_a_file_from_a_spreadsheet(self):
        path = self.path("sheet.csv")
        f = open(path, "wb")
        f.write(b'\xef\xbb\xbf"hours","slept","passed"\r\n2,9,yes\r\n\r\n1,5,no\r\n3,6,yes')
        f.close()
        X, y, names = nn_tools.read_csv(path, target="passed")
        self.assertEqual((X, y, names), ([[2.0, 9.0], [1.0, 5.0], [3.0, 6.0]],
                                         ["yes", "no", "yes"], ["hours", "slept"]))
        f = open(path, "w")
        f.write("a,b\n1,2\n\n3,x\n")
        f.close()
        self.assertRaisesMessage(ValueError, ['read_csv: line 4 of "%s": "x" in column "b" is '
                                              'not a number' % path], nn_tools.read_csv, path)
        self.assertRaisesMessage(nn.FileError, ["read_csv", "cannot read", "no_such.csv"],
                                 nn_tools.read_csv, "no_such.csv")

    def test_a_network_remembers_its_columns(self):
        X, y, names = nn_tools.read_csv(IRIS_LINES, target="species")
        net = nn.Network([4, 3, 3], seed=1)
        net.train(X, y, epochs=2)
        self.assertEqual((net.input_names, net.target_name), (None, None))
        net.input_names, net.target_name = names, "species"
        net.save(self.path("iris.json"))
        copy = nn.load(self.path("iris.json"))
        self.assertEqual((copy.input_names, copy.target_name), (names, "species"))
        self.assertEqual((copy.classes, copy.predict(X)), (net.classes, net.predict(X)))
        net.input_names = names[:3]
        self.assertRaisesMessage(ValueError, ["save", "input_names", "4 strings"], net.save,
                                 self.path("iris.json"))


class TestToolsSplitAndOneHot(ToolsCase):

    def test_the_rows_scikit_learn_holds_out(self):
        # sklearn.model_selection.train_test_split(X, y, test_size=0.3, random_state=0)
        X = [[i] for i in range(10)]
        X_train, X_test, y_train, y_test = nn_tools.train_test_split(X, list(range(10)), 0.3, seed=0)
        self.assertEqual(y_test, [2, 8, 4])
        self.assertEqual(y_train, [9, 1, 6, 7, 3, 0, 5])
        self.assertEqual(X_test, [[2], [8], [4]])
        self.assertEqual(nn_tools.train_test_split(X, X, 3, seed=0)[1], X_test)
        n = 150                          # 0.25 * 150 rounds up to 38 rows, as scikit-learn's
        self.assertEqual(len(nn_tools.train_test_split(list(range(n)), list(range(n)), 0.25, 1)[1]), 38)

    def test_split_mistakes(self):
        X = [[1], [2], [3]]
        cases = [(ValueError, ["X has 3 rows but y has 2"], (X, [1, 2]), {}),
                 (ValueError, ["no rows to train"], (X, X), {"test_size": 3}),
                 (ValueError, ["test_size"], (X, X), {"test_size": 0.0}),
                 (TypeError, ["test_size"], (X, X), {"test_size": "half"}),
                 (ValueError, ["seed"], (X, X), {"seed": -1})]
        for kind, words, args, kwargs in cases:
            self.assertRaisesMessage(kind, ["train_test_split: "] + words, nn_tools.train_test_split,
                                     *args, **kwargs)

    def test_one_hot(self):
        self.assertEqual(nn_tools.one_hot(["b", "a", "b"]), [[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
        self.assertEqual(nn_tools.one_hot([2, 0], classes=[0, 1, 2]), [[0.0, 0.0, 1.0],
                                                                 [1.0, 0.0, 0.0]])
        self.assertRaisesMessage(ValueError, ["labels[1]", "'c'", "classes"], nn_tools.one_hot,
                                 ["a", "c"], ["a", "b"])
        self.assertRaisesMessage(TypeError, ["kinds"], nn_tools.one_hot, ["a", 1])
        self.assertRaisesMessage(TypeError, ["labels[0]"], nn_tools.one_hot, [None])


# --------------------------------------------------------------------------
# Networks made by scikit-learn 1.9 (MLPClassifier, MLPRegressor, mostly on
# iris): their coefs_, intercepts_ and answers, which nn.py must reproduce
# --------------------------------------------------------------------------

SK_CLASSIFIER_WEIGHTS = [[[0.810540106424172, 0.2529012558421323, -5.2757158468853264e-18,
    -6.522860171169474e-20, 0.776835363950814], [2.37186886361011, -0.6827405669621466,
    1.2246013857470469e-17, 2.799839821381766e-16, 0.1012299844326972], [-1.9713460773499654,
    -0.14984603944410685, 1.397132779258379e-18, 5.561611383789477e-18, -0.5014968644683812],
    [-2.221013476594836, -0.74399536662678, 7.6152096598311185e-19, -7.686518033272438e-18,
    -1.666368142152852]], [[2.1597811166498055, 0.43079351313773395, -5.02569543449332],
    [-0.07569124435455381, 0.35347075615522594, 0.09449054521174728], [2.715141217783236e-18,
    5.581207273750405e-17, 4.789615442673944e-17], [-2.2963199823835636e-18,
    5.5001372959374505e-17, -2.3979431578622972e-18], [-0.7273661018814392, 1.4882555605539856,
    -0.029731242154565456]]]
SK_CLASSIFIER_BIASES = [[1.603940645675273, 0.23088717486099766, -0.0972386718575966,
    -0.5603326366823815, 1.4788690530934672], [-2.868934203806094, -0.6658158731919336,
    3.007971090999458]]
SK_CLASSIFIER_X = [[5.1, 3.5, 1.4, 0.2], [5.0, 2.0, 3.5, 1.0], [6.9, 3.2, 5.7, 2.3], [6.0, -2.5,
    30.0, 0.0]]
SK_CLASSIFIER_PROBA = [[0.9974903591999313, 0.0025096408000686156, 1.5170148262422288e-30],
    [0.008645004162383663, 0.9899575860065506, 0.001397409831065738], [0.0019139293772752711,
    0.0492832971711314, 0.9488027734515933], [0.002726602184187493, 0.02468447598594534,
    0.9725889218298672]]
SK_CLASSIFIER_LABELS = ['setosa', 'versicolor', 'virginica', 'virginica']
SK_BINARY_WEIGHTS = [[[-0.5099023892392612, -0.4404859157774705, -0.6846567339893382],
    [-2.377409328580759, -2.430383191677022, -2.289437044367696]], [[-4.155058458715391],
    [-4.044494716096938], [-4.825365226379614]]]
SK_BINARY_BIASES = [[5.685581450305334, 5.4079814026595825, 6.479014579995852],
    [4.423237198430126]]
SK_BINARY_X = [[1.4, 0.2], [4.8, 1.6], [5.1, 1.9], [-3.0, 40.0]]
SK_BINARY_PROBA = [[0.9997907238941476, 0.00020927610585240737], [0.5926585068556081,
    0.4073414931443919], [0.13306166430091582, 0.8669383356990842], [0.011853155467874799,
    0.9881468445321252]]
SK_BINARY_LABELS = ['other', 'other', 'virginica', 'virginica']
SK_REGRESSOR_WEIGHTS = [[[0.2777428404584209, -0.35859677516527283, 0.8095907716548485,
    0.026171512259054393], [0.3038664939378571, -0.11929869748110178, -1.1491424191337982,
    0.3885179382514818]], [[-0.2937220970469093, 0.30278299528555097, -0.3943113417838923],
    [1.012804942832222, 1.3022044646545035, 0.3590856534678734], [0.9307397873771995,
    -1.9129012705500217, -0.0427223284287037], [-0.6689167704678965, -0.17243687762496185,
    -1.0001190513086158]], [[-1.8259683449266821], [-2.448407399989696], [-1.3842264095505579]]]
SK_REGRESSOR_BIASES = [[0.0654831318790927, 2.791693892643994, -0.39873290195304323,
    0.1915840074023585], [-0.7337209890199992, 0.10176547966870982, -0.7240579015718879],
    [0.6963290813049895]]
SK_REGRESSOR_X = [[5.1, 3.5], [6.3, 2.5], [7.7, 3.8], [0.0, 100.0]]
SK_REGRESSOR_PREDICTIONS = [1.4516443527837273, 4.938993939367688, 5.950377220113701,
    2.2001453794176498]

# MLPRegressor(random_state=5)'s starting coefs_ and intercepts_ for layers [2, 3, 3], and
# MLPRegressor(activation="logistic", random_state=7)'s for [3, 2, 1]
SK_INIT_RELU = [[[[-0.6090824453385162, 0.8122337875570436, -0.6425461372190588],
    [0.9171305483812722, -0.025389813246962767, 0.24481853749817506]], [[-0.6245575426774967,
    -0.8385174624702503, 0.47688059239794], [-0.11738155420809382, -0.6833802645746976,
    0.7598740624025577], [-0.4518270760155507, -0.17152996183789737, -0.40784013453270407]]],
    [[0.5825749248484604, 0.04035178968747033, -0.4451877958417547], [0.25757581775896665,
    0.1596756203790901, 0.19985839324997512]]]
SK_INIT_LOGISTIC = [[[[-0.5359323325245043, 0.3540723773448914], [-0.07790684459482544,
    0.28266357587213586], [0.6046142222326568, 0.04869385240306057]], [[-0.37813756204591864],
    [-0.0001918753483842739]]], [[0.0014172868803408178, -0.5413172562683213],
    [0.29268135806487505]]]
# MLPClassifier(hidden_layer_sizes=(3,), solver="sgd", momentum=0.0, learning_rate_init=0.1,
#     batch_size=2, max_iter=4, alpha=0.0, random_state=4) after fit(SK_SGD_X, SK_SGD_LABELS)
SK_SGD_X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0], [0.0, 0.5], [2.0, -1.5], [-1.0, -0.5], [0.25,
    1.0]]
SK_SGD_LABELS = ['a', 'b', 'c', 'a', 'b', 'c', 'a']
SK_SGD_WEIGHTS = [[[1.2640379141789653, 0.10348067326099164, 0.7425230043004585],
    [-0.009525908261216296, 0.43320215000363027, -0.5671827984208841]], [[-0.03301610010286932,
    0.5140404856018977, -0.6573053279021257], [0.7259864711984445, 0.9668013543506255,
    -0.6723155171906026], [-0.053274132129677354, -0.672241245660772, -0.2887019737214633]]]
SK_SGD_BIASES = [[0.7842556094272879, -1.0817953097520607, -0.594243256895967],
    [-0.6429278704216145, 0.38516870563028577, 0.13167850984239496]]
SK_SGD_LOSSES = [1.7984323444334755, 1.511507131955522, 1.3113437535199879, 1.2059750545854857]

# scikit-learn's names for activations, and nn.py's
SKLEARN_ACTIVATIONS = {"identity": "linear", "logistic": "sigmoid", "tanh": "tanh", "relu": "relu"}


class TestFromScikitLearn(Case):

    def test_classifiers(self):
        cases = [
            # MLPClassifier(hidden_layer_sizes=(5,), learning_rate_init=0.01, max_iter=2000,
            #               random_state=3): relu, a softmax output
            (SK_CLASSIFIER_WEIGHTS, SK_CLASSIFIER_BIASES, "relu", SK_CLASSIFIER_X,
             SK_CLASSIFIER_PROBA, SK_CLASSIFIER_LABELS, ("cross_entropy", "softmax")),
            # MLPClassifier(hidden_layer_sizes=(3,), activation="logistic", ...): one output
            (SK_BINARY_WEIGHTS, SK_BINARY_BIASES, "logistic", SK_BINARY_X, SK_BINARY_PROBA,
             SK_BINARY_LABELS, ("binary_crossentropy", "sigmoid"))]
        for weights, biases, activation, X, proba, labels, loss_and_output in cases:
            net = nn.Network.from_weights(weights, biases,
                                          activation=SKLEARN_ACTIVATIONS[activation],
                                          classes=sorted(set(labels)))
            self.assertEqual((net.loss, net.output_activation), loss_and_output)
            self.assertClose(net.predict_proba(X), proba, 0.0, 1e-12)
            self.assertEqual(net.predict(X), labels)

    def test_regressor(self):
        # MLPRegressor(hidden_layer_sizes=(4, 3), activation="tanh", ...): identity output
        net = nn.Network.from_weights(SK_REGRESSOR_WEIGHTS, SK_REGRESSOR_BIASES,
                                      activation=SKLEARN_ACTIVATIONS["tanh"],
                                      output_activation=SKLEARN_ACTIVATIONS["identity"],
                                      loss="mse")
        predicted = [row[0] for row in net.predict(SK_REGRESSOR_X)]
        self.assertClose(predicted, SK_REGRESSOR_PREDICTIONS, 0.0, 1e-12)

    def test_uniform_init_is_scikit_learns(self):
        net = nn.Network([2, 3, 3], activation="relu", init="uniform", seed=5)
        self.assertEqual([net.weights, net.biases], SK_INIT_RELU)
        net = nn.Network([3, 2, 1], activation="sigmoid", init="uniform", seed=7)
        self.assertEqual([net.weights, net.biases], SK_INIT_LOGISTIC)

    def test_training_step_for_step(self):
        # the same start, the same shuffled batches, the same steps
        net = nn.Network([2, 3, 3], activation="relu", init="uniform", seed=4)
        history = net.train(SK_SGD_X, SK_SGD_LABELS, epochs=4, learning_rate=0.1, batch_size=2)
        self.assertClose(list(history), SK_SGD_LOSSES, 1e-12)
        self.assertClose(net.weights, SK_SGD_WEIGHTS, 0.0, 1e-12)
        self.assertClose(net.biases, SK_SGD_BIASES, 0.0, 1e-12)


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------

class Capture(object):
    "Stands in for sys.stdout or sys.stderr and keeps what is written."

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        return "".join(self.parts)


def run_main(case, args, status=0):
    "Return (standard output, standard error) of nn.main(args), checking its exit status."
    out, err = Capture(), Capture()
    saved = sys.stdout, sys.stderr
    try:
        sys.stdout, sys.stderr = out, err
    except AttributeError:               # MicroPython: sys.stdout cannot be replaced
        case.skipTest("sys.stdout cannot be replaced on this interpreter")
    try:
        got = nn.main(args)
    finally:
        sys.stdout, sys.stderr = saved
    case.assertEqual(got, status, "nn.main(%r) returned %r: %s" % (args, got, err.text()))
    return out.text(), err.text()


def check_mistake(case, args, words):
    "nn.main(args) exits 2 with one line on standard error holding every word."
    out, err = run_main(case, args, 2)
    case.assertTrue(err.startswith("nn.py: ") and err.count("\n") == 1, err)
    for word in words:
        case.assertTrue(word in err, "%r not in %r" % (word, err))


class TestToolsCommandLine(ToolsCase):

    def test_parser(self):
        entry = nn_tools._command("train")
        arguments, options = nn_tools._parse(entry, ["d.csv", "--layers", "8,4", "--epochs=5",
                                               "--target", "-1", "--optimizer", "sgd"])
        self.assertEqual(arguments, ["d.csv"])
        self.assertEqual((options["layers"], options["epochs"], options["target"]),
                         ([8, 4], 5, "-1"))
        self.assertEqual((options["optimizer"], options["learning_rate"], options["seed"]),
                         ("sgd", None, 0))
        arguments, options = nn_tools._parse(nn_tools._command("predict"), ["m.json", "--probabilities",
                                                                "d.csv"])
        self.assertEqual((arguments, options["probabilities"]), (["m.json", "d.csv"], True))
        cases = [(["--epochs", "0"], ["--epochs must be a whole number of 1 or more, got '0'"]),
                 (["--layers", "16;8"], ["--layers", "16,8"]),
                 (["--optimizer", "rmsprop"], ["adam or sgd"]),
                 (["--epoch", "3"], ["unknown option --epoch", "--epochs"]),
                 (["--test-size", "1.5"], ["--test-size"]),
                 (["--out"], ["--out needs a value"]),
                 ([], ["expects DATA.csv"]), (["a.csv", "b.csv"], ["expects DATA.csv"])]
        for args, words in cases:
            self.assertRaisesMessage(ValueError, ["train"] + words, nn_tools._parse, entry, args)
        self.assertRaisesMessage(ValueError, ["--probabilities takes no value"], nn_tools._parse,
                                 nn_tools._command("predict"), ["a", "b", "--probabilities=1"])
        self.assertRaisesMessage(ValueError, ["unknown command 'trian'", "train, predict"],
                                 nn_tools._command, "trian")
        # no arguments: the demo (Brython splits "" into [""], so words are counted portably)
        self.assertEqual(nn_tools._parse(nn_tools._command("demo"), []), ([], {}))
        self.assertEqual([nn._words(""), nn._words(" \n "), nn._words(" a  b ")],
                         [[], [], ["a", "b"]])
        # rows held out: 20% of 150 to score; 10% of 120 is too few to stop early on
        self.assertEqual([nn_tools._held_out(150, 0.2, 10), nn_tools._held_out(120, 0.1, 50),
                          nn_tools._held_out(600, 0.1, 50), nn_tools._held_out(40, 0.2, 10)], [30, 0, 60, 0])

    def test_help_and_mistakes(self):
        out, err = run_main(self, ["--help"])
        for command in ("train DATA.csv", "predict MODEL.json DATA.csv", "info", "demo"):
            self.assertTrue(command in out, out)
        self.assertEqual(max([len(line) for line in out.split("\n")]) <= 79, True)
        for args in (["train", "--help"], ["help", "train"], ["train", "x.csv", "-h"]):
            out, err = run_main(self, args)
            self.assertTrue("--learning-rate R" in out and "(default 200)" in out, out)
            self.assertEqual(max([len(line) for line in out.split("\n")]) <= 79, True)
        check_mistake(self, ["trian"], ["unknown command"])
        check_mistake(self, ["train", "no_such.csv", "--epochs", "x"], ["--epochs", "'x'"])
        check_mistake(self, ["train", "no_such.csv"], ["cannot read", "no_such.csv"])
        check_mistake(self, ["info", "no_such.json"], ["load", "no_such.json"])
        check_mistake(self, ["predict", "model.json"], ["expects MODEL.json DATA.csv"])


class TestToolsCommandLineFiles(ToolsFiles):

    def write_csv(self, name, lines):
        path = self.path(name)
        f = open(path, "w")
        f.write("\n".join(lines) + "\n")
        f.close()
        return path

    def test_train_predict_info(self):
        rng = Random(4)
        rows = ["x,y,kind"] + ["%r,%r,%s" % (x, y, "in" if x * x + y * y < 0.5 else "out")
                               for x, y in rng.matrix(60, 2)]
        data = self.write_csv("points.csv", rows)
        model = self.path("points.json")
        out, err = run_main(self, ["train", data, "--layers", "6", "--epochs", "30", "--out",
                                  model, "--learning-rate", "0.05"])
        self.assertTrue("target kind: 2 classes" in out, out)
        self.assertTrue("accuracy" in out and "12 held-out rows" in out, out)
        net = nn.load(model)
        self.assertEqual((net.sizes, net.classes, net.input_names, net.target_name),
                         ([2, 6, 1], ["in", "out"], ["x", "y"], "kind"))
        out, err = run_main(self, ["info", model])
        self.assertTrue("classes: ['in', 'out']" in out and "input columns: x, y" in out, out)
        new = self.write_csv("new.csv", ["kind,y,x", "?,0.1,0.0", "?,0.9,-0.95"])
        out, err = run_main(self, ["predict", model, new, "--probabilities"])
        lines = out.split("\n")
        self.assertEqual(lines[0], "x,y,kind,probability_in,probability_out")
        self.assertEqual([line.split(",")[2] for line in lines[1:3]], net.predict([[0.0, 0.1],
                                                                                  [-0.95, 0.9]]))
        self.assertClose(float(lines[2].split(",")[3]), net.predict_proba([-0.95, 0.9])[0],
                         1e-15)

    def test_draw_and_the_loss_pictures(self):
        data = self.write_csv("and.csv", ["a,b,both"] + ["%d,%d,%d" % (a, b, a * b)
                                                          for a in (0, 1) for b in (0, 1)])
        model, picture, plot = self.path("and.json"), self.path("and.svg"), self.path("loss.svg")
        out, err = run_main(self, ["train", data, "--epochs", "12", "--out", model, "--chart",
                                  "--plot", plot])
        self.assertTrue("loss per epoch" in out and "drawn in " + plot in out, out)
        self.assertTrue(read(plot).startswith("<svg") or read(plot).startswith("<?xml"))
        out, err = run_main(self, ["draw", model, picture])
        self.assertEqual(read(picture), nn.load(model).to_svg())
        self.assertTrue("(2-16-1)" in out, out)
        out, err = run_main(self, ["draw", model, picture, "--labels"])
        self.assertEqual(read(picture), nn.load(model).to_svg(labels=True))
        check_mistake(self, ["draw", model], ["MODEL.json PICTURE.svg"])
        check_mistake(self, ["draw", self.path("missing.json"), picture], ["cannot read"])

    def test_ctrl_c_saves_what_was_trained(self):
        data = self.write_csv("xor.csv", ["a,b,c", "0,0,0", "0,1,1", "1,0,1", "1,1,0"])
        model = self.path("xor.json")
        epoch = nn._TrainingLoop.epoch
        calls = []

        def interrupted(loop, order):
            calls.append(order)
            if len(calls) in (1, 5):            # in the first epoch, then in the fourth
                raise KeyboardInterrupt()
            return epoch(loop, order)
        try:
            nn._TrainingLoop.epoch = interrupted
            # batches of 1, shuffled: train() goes an epoch at a time
            out, err = run_main(self, ["train", data, "--out", model, "--batch-size", "1"], 130)
            self.assertEqual(err, "nn.py: interrupted in the first epoch; nothing was saved\n")
            self.assertRaises(nn.FileError, nn.load, model)
            out, err = run_main(self, ["train", data, "--out", model, "--batch-size", "1"], 130)
        finally:
            nn._TrainingLoop.epoch = epoch
        self.assertEqual(err, "nn.py: interrupted after 3 epochs; saved %s with the weights of "
                              "epoch 2\n" % model)
        out, err = run_main(self, ["train", data, "--out", self.path("three.json"), "--epochs",
                                   "3", "--batch-size", "1"])
        three = nn.load(self.path("three.json"))
        saved = nn.load(model)
        self.assertEqual((saved.weights, saved.biases, saved.input_names),
                         (three.weights, three.biases, ["a", "b"]))

    def test_output_files_are_checked_before_training(self):
        data = self.write_csv("xor.csv", ["a,b,c", "0,0,0", "0,1,1", "1,0,1", "1,1,0"])
        epoch = nn._TrainingLoop.epoch
        calls = []

        def counted(loop, order):
            calls.append(order)
            return epoch(loop, order)
        try:
            nn._TrainingLoop.epoch = counted
            check_mistake(self, ["train", data, "--out", self.path("no_such_folder/m.json")],
                          ["--out", "cannot write", "no_such_folder"])
            check_mistake(self, ["train", data, "--plot", "."], ["--plot", "folder"])
        finally:
            nn._TrainingLoop.epoch = epoch
        self.assertEqual(calls, [])

    def test_regression_and_its_mistakes(self):
        data = self.write_csv("line.csv", ["a,b,c"] + ["%d,%d,%r" % (i, i % 3, 0.5 * i + 1.0)
                                                       for i in range(12)])
        model = self.path("line.json")
        out, err = run_main(self, ["train", data, "--epochs", "5", "--out", model])
        self.assertTrue("regression" in out and "none held out" in out, out)
        net = nn.load(model)
        self.assertEqual((net.output_activation, net.target_scaler.kind), ("linear", "standard"))
        X, y, names = nn_tools.read_csv(data, target="c")
        self.assertClose(nn_tools._score(net, X * 30, y * 30), net.score(X, y), 1e-12)   # in chunks
        out, err = run_main(self, ["predict", model, data])
        self.assertEqual(out.split("\n")[0], "a,b,c")
        check_mistake(self, ["predict", model, data, "--probabilities"], ["--probabilities"])
        check_mistake(self, ["predict", model, data, "--inputs", "a"], ["takes 2 inputs"])
        bad = self.write_csv("bad.csv", ["a,b,c", "1,2,3", "1,x,3"])
        check_mistake(self, ["train", bad],
                      ['line 3 of "%s": "x" in column "b" is not a number' % bad])
        check_mistake(self, ["train", data, "--target", "d"], ['no column "d"'])
        check_mistake(self, ["train", self.write_csv("words.csv", ["a,b", "1,x"]), "--task",
                             "regression"], ['line 2', '"x" in column "b" is not a number'])
        same = self.write_csv("same.csv", ["a,b"] + ["%d,same" % i for i in range(5)])
        check_mistake(self, ["train", same, "--out", model], ["only one class", "'same'"])


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
            (ValueError, ["value 2 is nan", "finite"], [[1, 2, float("nan")], [4, 5, 6]], Y),
            (ValueError, ["value 2 is inf", "finite"], [[1, 2, float("inf")], [4, 5, 6]], Y),
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

    def test_the_rarer_mistakes(self):
        X, labels = [[0.0, 1.0], [1.0, 0.0]], ["a", "b"]
        self.assertRaisesMessage(ValueError, ["train: momentum is for sgd"],
                                 nn.Network([2, 1], seed=1).train, X, [[0.0], [1.0]],
                                 optimizer="adam", momentum=0.9)
        net = nn.Network([2, 1], target_scaling="max", seed=1)
        self.assertRaisesMessage(ValueError, ["train: target_scaling", "not class labels"],
                                 net.train, X, labels)
        net = nn.Network([2, 1], seed=1)
        net.train(X, labels, epochs=2)
        self.assertRaisesMessage(ValueError, ["cost: Y[1] is 'c', not one of net.classes"],
                                 net.cost, X, ["a", "c"])
        self.assertRaisesMessage(ValueError, ["Scaler.transform: row 0 of rows, value 1",
                                              "too large to scale"],
                                 nn.Scaler("max").fit([[1.0, 1e-300]]).transform, [[1.0, 1e300]])
        x = nn._BIG * 1e-8                   # the cost is finite, one step of epsilon is not
        net = nn.Network.from_weights([[[(nn._BIG - nn._BIG * 3e-14) / x]]], [[0.0]],
                                      loss="binary_crossentropy")
        self.assertRaisesMessage(ValueError, ["check_gradients: the cost overflows near layer 0"],
                                 nn.check_gradients, net, [[x]], [[0.0]])

    def test_what_a_network_and_a_history_show(self):
        net = nn.Network([2, 1], seed=1)
        self.assertEqual(repr(net), "Network([2, 1], activation='sigmoid', output_activation="
                                    "'sigmoid', loss=None, bias=True)")
        history = net.train([[0.0, 1.0]], [[1.0]], epochs=3)
        self.assertEqual((history[1:], repr(history)), (list(history)[1:], repr(list(history))))

        class Int(int):
            "An integer of a subclass, taken as the plain int it is."
        history = net.train([[0.0, 1.0]], [[1.0]], epochs=Int(2))
        self.assertEqual(len(history), 2)

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

    def test_divergence_keeps_the_last_weights_with_a_finite_loss(self):
        X, Y = [[float(i)] for i in range(1, 6)], [[2.0 * i] for i in range(1, 6)]
        net = nn.Network([1, 3, 1], activation="linear", loss="mse", seed=1)
        error = self.assertRaisesMessage(nn.DivergedError, ["in epoch 6"], net.train, X, Y,
                                         epochs=2000, learning_rate=0.05)
        history = error.history
        self.assertEqual((len(history), history.stop_reason), (6, "diverged"))
        self.assertTrue("at the start of epoch 5" in str(error), str(error))
        self.assertClose(net.cost(X, Y), history[-1], 1e-12)    # full batch: epoch 5's loss


# --------------------------------------------------------------------------
# Bad input, bad numbers, bad files: each entry point by hand, then a fuzz test
# --------------------------------------------------------------------------

def setting(name, default):
    "Return the integer in the environment variable name, or default when it is not set."
    value = getattr(os, "environ", {}).get(name)
    if value is None and hasattr(os, "getenv"):
        value = os.getenv(name)
    return int(value) if value else default


class Float(float):
    "A subclass of float, as numpy.float64 is."


class ArrayLike(object):
    "A numpy-like array: tolist() gives its value."

    def __init__(self, value):
        self.value = value

    def tolist(self):
        return self.value


class Sink(object):
    "A file that forgets what is written to it."

    def write(self, text):
        pass

    def flush(self):
        pass


SINK = Sink()
NAN, INF = float("nan"), float("inf")
SCALARS = [None, True, False, 0, 1, 2, 3, -1, 2 ** 31, 2 ** 63, 10 ** 400, -10 ** 400, 0.0, -0.0,
           0.5, -2.5, 1e308, -1e308, 1e-300, 5e-324, NAN, INF, -INF, "", "abc", "1.5", "sigmoid",
           "mse", "adam", "\xe9", b"\xff\x00"]
X2 = [[0.5, -1.0], [1.0, 2.0], [0.0, 0.25]]
Y1 = [[0.2], [0.9], [0.5]]
LABELS = ["a", "b", "a"]


class Junk(Random):
    "A seeded source of bad arguments: wrong types, sizes, values, nesting and objects."

    def index(self, n):
        return min(int(self.uniform(0, n)), n - 1)

    def pick(self, items):
        return items[self.index(len(items))]

    def hostile(self):
        "Return an object that is no number, text or list."
        return self.pick([lambda: ArrayLike("junk"), object, lambda: len, lambda: Random])()

    def deep(self):
        "Return a list nested 20 to 200 deep (deeper would test the interpreter, not nn)."
        value = [0.5]
        for i in range(20 + self.index(180)):
            value = [value]
        return value

    def container(self, items):
        "Return items in a list, a tuple, a dict, a generator or a list-like object."
        how = self.index(8)
        if how == 0:
            return tuple(items)
        if how == 1:
            return dict(enumerate(items))
        if how == 2:
            return (item for item in items)
        if how == 3:
            return ArrayLike(list(items))
        return list(items)

    def value(self, depth=0):
        "Return any value at all: a scalar, a hostile object, or a container of values."
        kind = self.index(10)
        if kind < 4:
            return self.pick(SCALARS)
        if kind < 6:
            return self.hostile()
        if kind == 6:
            return self.deep()
        return self.container([self.value(depth + 1) for i in range(self.index(4))]
                              if depth < 2 else [])

    def matrix(self, rows):
        "Return a copy of a valid matrix with one thing wrong (or nothing), or any value."
        rows = [list(row) for row in rows]
        how = self.index(9)
        i = self.index(len(rows))
        if how == 0:
            return self.value()
        if how == 1:
            rows[i][self.index(len(rows[i]))] = self.value()
        elif how == 2:
            rows[i] = rows[i][:-1]
        elif how == 3:
            rows[i] = rows[i] + [0.5]
        elif how == 4:
            rows[i] = self.value()
        elif how == 5:
            rows = rows[:i]
        elif how == 6:
            rows = [[row] for row in rows]
        elif how == 7:
            return self.container(rows)
        return rows

    def labels(self, labels):
        "Return a copy of valid class labels with one thing wrong (or nothing), or any value."
        labels = list(labels)
        how = self.index(4)
        if how == 0:
            return self.value()
        if how < 3:
            labels[self.index(len(labels))] = self.value()
        return labels


def small_net():
    "Return a fresh 2-3-1 network to call methods on."
    return nn.Network([2, 3, 1], seed=1)


def small_history():
    "Return the History of three epochs of a small network, with validation losses."
    return small_net().train(X2 * 2, Y1 * 2, epochs=3, validation_data=(X2, Y1))


def small_classifier():
    "Return a fresh 2-3-1 network that answers with the labels 'a' and 'b'."
    return nn.Network.from_weights([[[0.1, 0.2, -0.1], [0.3, -0.2, 0.1]], [[0.5], [-0.5], [0.2]]],
                                   [[0.0, 0.1, 0.0], [0.0]], classes=["a", "b"])


def fitted_scaler():
    "Return a standard Scaler fitted to X2."
    return nn.Scaler("standard").fit(X2)


FUZZ_FILE = "_nn_fuzz_file"                 # the file the fuzz test writes and reads
FUZZ_FOLDER = "_nn_fuzz_folder"             # where the fuzz test runs, emptied afterwards
BAD_PATHS = [None, 5, 2.5, bytearray(b"x.json"), "", "\0", ".", "_nn_no_such_folder/x.json",
             "a" * 5000, [FUZZ_FILE], object()]
TRAIN_KEYWORDS = ["epochs", "learning_rate", "batch_size", "optimizer", "momentum",
                  "weight_decay", "shuffle", "validation_split", "validation_data", "patience",
                  "target_loss", "time_limit", "print_every", "progress", "seed"]


def train_args(junk):
    "Return arguments for train: good ones with one of X, Y or a keyword made bad."
    X, Y, kwargs = X2, junk.pick([Y1, LABELS]), {"epochs": 2}
    how = junk.index(4)
    if how == 0:
        X = junk.matrix(X)
    elif how == 1:
        Y = junk.matrix(Y) if Y is Y1 else junk.labels(Y)
    else:
        name = junk.pick(TRAIN_KEYWORDS[:-3] if not CAN_CAPTURE else TRAIN_KEYWORDS)
        kwargs[name] = junk.value()
        if name == "optimizer" and junk.index(2):
            kwargs[name] = junk.pick([nn.SGD, nn.Adam])()
            setattr(kwargs[name], junk.pick(["learning_rate", "momentum", "beta1", "epsilon"]),
                    junk.value())
        elif name == "validation_data" and junk.index(2):
            kwargs[name] = junk.container([junk.matrix(X2), junk.matrix(Y1)])
    return (X, Y), kwargs


def network_args(junk):
    "Return arguments for Network: good ones with the sizes or one keyword made bad."
    kwargs = {"seed": 1}
    sizes = [2, 3, 1]
    if junk.index(2):
        sizes = junk.pick([junk.value, lambda: junk.labels(sizes)])()
    else:
        name = junk.pick(["activation", "output_activation", "loss", "bias", "init", "seed",
                          "input_scaling", "target_scaling"])
        kwargs[name] = junk.pick([junk.value, lambda: junk.pick(
            ["softmax", "relu", "cross_entropy", "binary_crossentropy", "he", 100])])()
    return (sizes,), kwargs


def corrupted_call(attribute, value, method):
    "Set an attribute of a fresh network (or an item inside one) to value, then call method."
    net = small_classifier() if method == "predict_proba" else small_net()
    if attribute == "input_scaler.shift":
        net.input_scaler = nn.Scaler(10)
        net.input_scaler.shift, net.input_scaler.divisor = [0.0, 0.0], [1.0, 1.0]
        net.input_scaler.shift = value
    elif attribute.startswith("weights["):
        net.predict([0.5, 1.0])                     # so that a checked copy is kept
        layer = net.weights[0]
        if attribute == "weights[0]":
            net.weights[0] = value
        elif attribute == "weights[0][1]":
            layer[1] = value
        else:
            layer[1][2] = value
    else:
        setattr(net, attribute, value)
    calls = {"predict": lambda: net.predict([0.5, 1.0]), "cost": lambda: net.cost(X2, Y1),
             "train": lambda: net.train(X2, Y1, epochs=1), "summary": lambda: net.summary(SINK),
             "parameter_count": net.parameter_count,
             "predict_proba": lambda: net.predict_proba([0.5, 1.0]),
             "save": lambda: net.save(FUZZ_FILE if CAN_WRITE else None)}
    return calls[method]()


def corrupted_args(junk):
    "Return an attribute, a bad value for it and a method to call."
    attribute = junk.pick(["weights", "biases", "sizes", "activation", "output_activation", "loss",
                           "bias", "classes", "input_scaler", "target_scaler", "seed", "init",
                           "weights[0]", "weights[0][1]", "weights[0][1][2]",
                           "input_scaler.shift"])
    method = junk.pick(["predict", "cost", "train", "parameter_count", "predict_proba",
                        "save"] + ["summary"] * bool(nn_tools))
    return (attribute, junk.value(), method), {}


def saved_model_text():
    "Return the text of a small saved network, with scaling and classes."
    net = nn.Network([2, 3, 2], seed=1, input_scaling="minmax")
    net.train(X2, ["a", "b", "a"], epochs=1)
    return nn._json_text({"format": nn._FORMAT, "version": 1, "sizes": net.sizes,
                          "activation": net.activation, "output_activation": net.output_activation,
                          "loss": net.loss, "bias": True, "init": None, "seed": 1,
                          "classes": net.classes, "input_scaling": net.input_scaler.to_dict(),
                          "target_scaling": None, "weights": net.weights, "biases": net.biases})


JSON_JUNK = ["NaN", "Infinity", "-Infinity", "1e999", "-1e400", "1" * 400, '"x"', "null", "true",
             "[]", "{}", "-0", "[[[[[[[[[[[[[[1]]]]]]]]]]]]]]", '{"a": {"b": {"c": 1}}}', "1.5",
             '"\\ud800"', '"os.system"', '"__import__"', "[1, 2, 3, 4, 5, 6, 7, 8]", "0"]


def model_bytes(junk):
    "Return the bytes of a file load() must refuse or read: a saved network, broken somehow."
    text = MODEL_TEXT
    how = junk.index(10)
    if how == 0:                                    # random bytes
        return bytes(bytearray([junk.index(256) for i in range(junk.index(300))]))
    if how == 1:                                    # cut short
        text = text[:junk.index(len(text))]
    elif how == 2:                                  # one value swapped for junk
        at = text.find(":", junk.index(len(text)))
        at = (at if at > 0 else text.index(":")) + 1
        end = min([i for i in (text.find(",", at), text.find("\n", at)) if i > 0] + [len(text)])
        text = text[:at] + " " + junk.pick(JSON_JUNK) + text[end:]
    elif how == 3:                                  # a number swapped for junk
        at = junk.index(len(text))
        while at < len(text) and text[at] not in "0123456789":
            at += 1
        text = text[:at] + junk.pick(JSON_JUNK) + text[at + 1:]
    elif how == 4:                                  # a repeated or unknown field
        text = text.replace("{", "{%s: %s, " % (junk.pick(['"sizes"', '"weights"', '"loss"',
                                                             '"dropout"', '"__class__"']),
                                                 junk.pick(JSON_JUNK)), 1)
    elif how == 5:                                  # nested deep
        depth = junk.pick([11, 50, 5000, 100000])
        text = text.replace('"comment"', '"x"').replace(
            "{", '{"comment": %s%s, ' % ("[" * depth, "]" * depth * junk.index(2)), 1)
    elif how == 6:                                  # not UTF-8
        at = junk.index(len(text))
        return text[:at].encode("utf-8") + b"\xff\xfe" + text[at:].encode("utf-8")
    elif how == 7:                                  # a byte changed
        at = junk.index(len(text))
        text = text[:at] + chr(32 + junk.index(95)) + text[at + 1:]
    return text.encode("utf-8")


def weights_bytes(junk):
    "Return the bytes of a file load_weights() must refuse or read: np.savetxt text, broken."
    text = "# weights\n0.5 -1.0 2.0\n1.0 2.0 3.0\n"
    how = junk.index(5)
    if how == 0:
        return bytes(bytearray([junk.index(256) for i in range(junk.index(100))]))
    at = junk.index(len(text))
    if how == 1:
        text = text[:at]
    elif how == 2:
        text = text[:at] + junk.pick(["nan", "inf", "1e999", "x", ",", "\n", " 7", "\r\n", "--1",
                                      "0x10", "1_0", "\x00"]) + text[at:]
    return text.encode("utf-8")


def csv_bytes(junk):
    "Return the bytes of a CSV file read_csv must read or refuse: a small table, broken somehow."
    text = 'a,b,kind\n1,2,x\n3.5,-4,y\n"5",6e3,x\n'
    how = junk.index(5)
    if how == 0:
        return bytes(bytearray([junk.index(256) for i in range(junk.index(200))]))
    at = junk.index(len(text))
    if how == 1:
        text = text[:at]
    elif how == 2:
        text = text[:at] + junk.pick(['"', ",", "\n", "\r", "nan", "inf", "1e999", ";", "\x00",
                                      "\ufeff", '""', "\t", "x", "10" * 200, ",,,"]) + text[at:]
    elif how == 3:
        text = junk.pick(["", "\n\n", "a,b,kind\n", "kind\nx\ny\n", "1,2,3\n"]) + text[at:]
    return text.encode("utf-8")


def csv_args(junk):
    "Return read_csv's arguments: a broken file, junk lines or a bad path, and junk options."
    if junk.index(3) == 0:
        source = junk.pick([junk.value, lambda: [junk.pick(["a,b", "1,2", junk.value()])
                                                 for i in range(junk.index(4))]])()
    else:
        source = file_args(csv_bytes)(junk)[0][0]
    options = {}
    for name, choices in (("target", ["kind", "a", 0, -1, 5, "nope", None]),
                          ("inputs", [None, ["a"], [0, 1], ["b", "b"], [], ["kind"]]),
                          ("labels", [None, True, False]),
                          ("delimiter", [",", ";", "\t", "", ",,", '"', "\n"])):
        if junk.index(2):
            options[name] = junk.pick([lambda: junk.pick(choices), junk.value])()
    return (source,), options


def file_args(make):
    "Return an argument generator for a loader: a file written with make(junk), or a bad path."
    def arguments(junk):
        if not CAN_WRITE or junk.index(5) == 0:
            return (junk.pick(BAD_PATHS),), {}
        content = make(junk)
        f = open(FUZZ_FILE, "wb")
        f.write(content)
        f.close()
        return (FUZZ_FILE,), {}
    return arguments


def values_args(junk):
    "Return one value for a function of one number."
    return (junk.value(),), {}


def loss_args(junk):
    "Return outputs and targets for a loss, one of them broken."
    O, T = [[0.2, 0.8], [0.6, 0.4]], [[0.0, 1.0], [1.0, 0.0]]
    return ((junk.matrix(O), T) if junk.index(2) else (O, junk.matrix(T))), {}


def rows_args(junk):
    "Return a matrix of inputs or one row, with something wrong."
    return (junk.pick([lambda: junk.matrix(X2), lambda: junk.labels(X2[0]), junk.value])(),), {}


def data_args(junk):
    "Return inputs and targets (numbers or labels), one of them broken."
    Y = junk.pick([Y1, LABELS, [0.2, 0.9, 0.5]])
    return ((junk.matrix(X2), Y) if junk.index(2) else
            (X2, junk.matrix(Y) if Y is Y1 else junk.labels(Y))), {}


def two_values_args(junk):
    "Return two values for a function of two numbers, each often bad."
    return (junk.pick([junk.value, lambda: 2])(), junk.pick([junk.value, lambda: 3])()), {}


def argv_args(junk):
    "Return a command line that is not the demo's, with strings and junk in it."
    words = ["--help", "demo", "train", "-v", "--epochs", "x.csv", "", "\xe9", "--", "-h",
             "predict", "info", "draw", "--target", "kind", "--layers", "0,2", "1", "-1",
             "--out", "--plot", "--probabilities", FUZZ_FILE, FUZZ_FILE + ".svg"]
    if CAN_WRITE and junk.index(2):                 # the file the command reads, broken somehow
        content = junk.pick([csv_bytes, model_bytes])(junk)
        f = open(FUZZ_FILE, "wb")
        f.write(content)
        f.close()
        if junk.index(2):
            words = ["train", "predict", "info", "draw"][junk.index(4):junk.index(4) + 1] + \
                [FUZZ_FILE] * 2 + words
    argv = [junk.pick([lambda: junk.pick(words), junk.value])() for i in range(1 + junk.index(3))]
    if len(argv) == 1 and type(argv[0]) is str and argv[0] == "demo":
        argv.append("extra")
    return (junk.pick([lambda: argv, junk.value])(),), {}


def can_capture():
    "Return True where sys.stdout can be replaced (not on MicroPython)."
    try:
        saved = sys.stdout
        sys.stdout = SINK
        sys.stdout = saved
        return True
    except AttributeError:
        return False


CAN_CAPTURE = can_capture()
MODEL_TEXT = saved_model_text()


def fuzz_entries():
    """Return the entry points the fuzz test calls: (name, function, argument generator).

    A generator takes a Junk and returns (args, kwargs). A new entry point is one more line.
    """
    entries = [
        ("Network", nn.Network, network_args),
        ("train", lambda X, Y, **kwargs: small_net().train(X, Y, **kwargs), train_args),
        ("predict", lambda X: small_net().predict(X), rows_args),
        ("predict_proba", lambda X: small_classifier().predict_proba(X), rows_args),
        ("feedforward", lambda x: small_net().feedforward(x), rows_args),
        ("score", lambda X, Y: small_net().score(X, Y), data_args),
        ("classifier score", lambda X, Y: small_classifier().score(X, Y), data_args),
        ("cost", lambda X, Y: small_net().cost(X, Y), data_args),
        ("gradients", lambda X, Y: small_net().gradients(X, Y), data_args),
        ("check_gradients", lambda X, Y: nn.check_gradients(small_net(), X, Y), data_args),
        ("check_gradients net", nn.check_gradients, lambda junk: (
            (junk.pick([junk.value, small_net])(), X2, Y1, junk.pick([1e-5, junk.value()])), {})),
        ("net attributes", corrupted_call, corrupted_args),
        ("from_weights", nn.Network.from_weights, lambda junk: (
            (junk.pick([lambda: [junk.matrix([[0.1, 0.2], [0.3, 0.4]]), [[1.0], [2.0]]],
                        junk.value])(), junk.pick([None, [[0.0, 0.0], [0.0]], junk.value()])),
            {junk.pick(["activation", "loss", "classes", "sizes", "output_activation"]):
             junk.pick([junk.value, lambda: junk.labels(["a", "b"])])()})),
        ("save", lambda net, path: net.save(path), lambda junk: (
            (junk.pick([small_net, small_classifier])(),
             junk.pick(BAD_PATHS + [FUZZ_FILE])), {})),
        ("save_weights", nn.save_weights, lambda junk: (
            (junk.pick([lambda: FUZZ_FILE, lambda: junk.pick(BAD_PATHS)])(),
             junk.matrix(X2)), {})),
        ("load", nn.load, file_args(model_bytes)),
        ("load_weights", nn.load_weights, file_args(weights_bytes)),
        ("Scaler", nn.Scaler, lambda junk: (
            (junk.pick([junk.value, lambda: "minmax"])(), junk.pick([None, junk.value()]),
             junk.pick([None, [1.0, 2.0], junk.value()])), {})),
        ("Scaler.fit", lambda kind, rows: nn.Scaler(kind).fit(rows), lambda junk: (
            (junk.pick(["max", "minmax", "standard", 10]), junk.matrix(X2)), {})),
        ("Scaler.transform", lambda rows: fitted_scaler().transform(rows), rows_args),
        ("Scaler.inverse", lambda rows: fitted_scaler().inverse(rows), rows_args),
        ("SGD", nn.SGD, lambda junk: ((), {junk.pick(["learning_rate", "momentum",
                                                       "weight_decay"]): junk.value()})),
        ("Adam", nn.Adam, lambda junk: ((), {junk.pick(["learning_rate", "beta1", "beta2",
                                                         "epsilon", "weight_decay"]):
                                             junk.value()})),
        ("RandomState", nn.RandomState, values_args),
        ("randn", lambda rows, columns: nn.RandomState(1).randn(rows, columns), two_values_args),
        ("permutation", lambda n: nn.RandomState(1).permutation(n), values_args),
        ("interval", lambda top: nn.RandomState(1).interval(top), values_args),
        ("softmax", nn.softmax, lambda junk: ((junk.labels([0.5, -1.0, 2.0]),), {})),
    ]
    if nn_tools is not None:
        entries += [
            ("summary", lambda f: small_net().summary(f), lambda junk: ((junk.pick(
                [junk.value, lambda: SINK])() if CAN_CAPTURE else junk.hostile(),), {})),
            ("read_csv", nn_tools.read_csv, csv_args),
            ("train_test_split", nn_tools.train_test_split, lambda junk: (
                (junk.matrix(X2 * 3), junk.pick([lambda: Y1 * 3, lambda: junk.labels(["a"] * 6),
                                                 junk.value])()),
                {junk.pick(["test_size", "seed"]): junk.value()})),
            ("one_hot", nn_tools.one_hot, lambda junk: (
                (junk.labels(["a", "b", "a"]),), {"classes": junk.pick([None, ["a", "b"],
                                                                        junk.value()])})),
            ("export_python", lambda path: small_net().export_python(path), lambda junk: (
                (junk.pick(BAD_PATHS + [FUZZ_FILE + ".py"]),), {})),
            ("explain", lambda X, Y, **kwargs: small_net().explain(X, Y, **kwargs), lambda junk: (
                data_args(junk)[0], {junk.pick(["learning_rate", "digits", "file"]): junk.value()})),
            ("to_svg", lambda **kwargs: small_net().to_svg(**kwargs), lambda junk: (
                (), {junk.pick(["path", "labels"]): junk.pick([junk.value] + [
                    lambda: p for p in BAD_PATHS])()})),
            ("History.plot", lambda **kwargs: small_history().plot(**kwargs), lambda junk: (
                (), {junk.pick(["width", "height", "log", "file"]): junk.value()})),
            ("History.to_svg", lambda **kwargs: small_history().to_svg(**kwargs), lambda junk: (
                (), {junk.pick(["path", "log"]): junk.value()})),
        ]
    for name in ("sigmoid", "tanh", "relu", "leaky_relu", "linear"):
        entries.append((name, getattr(nn, name), values_args))
        entries.append((name + "_derivative", getattr(nn, name + "_derivative"), values_args))
    for name in sorted(nn.LOSSES):
        entries.append((name, nn.LOSSES[name], loss_args))
    if CAN_CAPTURE:                                 # main() writes to standard error
        entries.append(("main", nn.main, argv_args))
    return entries


def call_quietly(function, args, kwargs):
    "Call function with standard output and error sent nowhere, where that can be done."
    if not CAN_CAPTURE:
        return function(*args, **kwargs)
    saved = sys.stdout, sys.stderr
    sys.stdout = sys.stderr = SINK
    try:
        return function(*args, **kwargs)
    finally:
        sys.stdout, sys.stderr = saved


def nn_message(error):
    "Return True for an error message that starts with the name of who raised it: 'train: ...'."
    who, sep, rest = str(error).partition(": ")
    return bool(sep and who and rest and " " not in who)


def remove(path):
    "Remove a file if it is there."
    try:
        os.remove(path)
    except OSError:
        pass


def empty_folder(folder):
    "Remove every file in a folder."
    for name in os.listdir(folder):
        remove(folder + "/" + name)


class TestFuzz(Case):
    """Seeded random bad input at every entry point: only ValueError and TypeError come out.

    NN_FUZZ=100000 python3 test_nn.py TestFuzz runs a longer fuzz; NN_FUZZ_SEED picks
    another stream of cases.
    """

    def setUp(self):
        # Junk strings reach path arguments ("abc", "--out x"): run in a folder of our own, so
        # whatever a case manages to write is removed afterwards and never lands beside the tests.
        self.home = None
        if CAN_WRITE:
            self.home = os.getcwd()
            if FUZZ_FOLDER in os.listdir("."):
                empty_folder(FUZZ_FOLDER)
            else:
                os.mkdir(FUZZ_FOLDER)
            os.chdir(FUZZ_FOLDER)

    def tearDown(self):
        if self.home is not None:
            os.chdir(self.home)
            empty_folder(FUZZ_FOLDER)
            try:
                os.rmdir(FUZZ_FOLDER)
            except OSError:         # the WebAssembly MicroPython's in-memory files: a name cut
                pass                # to 255 letters when written cannot be removed by that name

    def test_fuzz(self):
        import time
        slow = nn._IMPLEMENTATION in ("brython", "micropython")     # 25 to 50 times slower
        cases = setting("NN_FUZZ", 300 if slow else 3000)
        seed = setting("NN_FUZZ_SEED", 1)
        entries = fuzz_entries()
        failures = []
        for case in range(cases):
            name, function, arguments = entries[case % len(entries)]
            args, kwargs = arguments(Junk(seed * 1000003 + case))
            started = time.time()
            try:
                call_quietly(function, args, kwargs)
            except (ValueError, TypeError) as error:
                if not nn_message(error):
                    failures.append("case %d, %s: %s without the name of its raiser: %s"
                                    % (case, name, type(error).__name__, str(error)[:100]))
            except Exception as error:
                failures.append("case %d, %s%s: %s escaped: %s"
                                % (case, name, tuple([nn._describe(a) for a in args]),
                                   type(error).__name__, str(error)[:100]))
            if time.time() - started > 10.0:
                failures.append("case %d, %s took %.1f s" % (case, name, time.time() - started))
        self.assertTrue(not failures, "NN_FUZZ_SEED=%d, %d of %d cases failed:\n%s"
                        % (seed, len(failures), cases, "\n".join(failures[:12])))


class TestBadInput(Case):
    "Each entry point refuses bad input with TypeError or ValueError, naming what is wrong."

    def test_entry_points(self):
        net = small_net()
        adam = nn.Adam()
        adam.beta1 = 1.0                         # changed after it was checked
        cases = [
            (TypeError, ["Network", "sizes", "generator"], nn.Network, ((n for n in (2, 1)),)),
            (TypeError, ["Network", "sizes", "dict"], nn.Network, ({0: 2, 1: 1},)),
            (TypeError, ["Network", "sizes[0]", "bool"], nn.Network, ([True, 1],)),
            (ValueError, ["Network", "parameters"], nn.Network, ([10 ** 400, 2],)),
            (ValueError, ["Network", "parameters"], nn.Network, ([4000, 4000],)),
            (TypeError, ["Network", "activation", "NoneType"], nn.Network, ([2, 1], None)),

            (ValueError, ["train", "row 1 of X has 1 values, expected 2"], net.train,
             ([[1, 2], [3]], [[0], [1]])),

            (ValueError, ["train", "X is empty"], net.train, ([], [])),
            (ValueError, ["train", "X has 2 rows but Y has 1"], net.train,
             ([[1, 2], [3, 4]], [[0]])),
            (ValueError, ["train", "value 0", "not a finite number"], net.train,
             ([[10 ** 400, 1]], [[0]])),
            (TypeError, ["train", "row 0 of X", "list of numbers", "'ab'"], net.train,
             ([b"ab"], [[0]])),
            (ValueError, ["train", "epochs", "at most", "of 1329 bits"], net.train,
             ([[1, 2]], [[0]]), {"epochs": 10 ** 400}),           # 10^400 has 1,329 bits
            (ValueError, ["train", "row 0 of Y, value 0 is 2.0, not from 0 to 1"],
             nn.Network([2, 1], loss="binary_crossentropy").train, ([[1, 2]], [[2.0]])),
            (TypeError, ["train", "Y[0]", "needs numeric targets"],
             nn.Network([2, 1], loss="mse").train, ([[1, 2], [2, 1]], ["a", "b"])),
            (ValueError, ["from_weights", "need loss 'binary_crossentropy'", "not 'mse'"],
             nn.Network.from_weights,
             ([[[1.0]]],), {"loss": "mse", "classes": ["a", "b"]}),
            (TypeError, ["train", "validation_data", "pair"], net.train, (X2, Y1),
             {"validation_data": 5}),
            (ValueError, ["train", "row 0 of validation_data[0] has 3 values"], net.train,
             (X2, Y1), {"validation_data": ([[1, 2, 3]], [[0]])}),
            (ValueError, ["Adam", "beta1", "below 1"], net.train, (X2, Y1),
             {"optimizer": adam, "epochs": 1, "learning_rate": 0.1, "batch_size": 1}),
            (ValueError, ["predict", "X has 1 values, expected 2"], net.predict, ([1],)),
            (TypeError, ["predict", "expected a number", "str"], net.predict, (["a", 1],)),
            (TypeError, ["predict", "generator"], net.predict, ((v for v in (1, 2)),)),
            (ValueError, ["predict_proba", "no classes"], net.predict_proba, ([1, 2],)),
            (ValueError, ["feedforward", "one row"], net.feedforward, ([[1, 2], [3, 4]],)),
            (TypeError, ["score", "Y", "list of numbers"], net.score, (X2, [None, 1, 2])),
            (ValueError, ["cost", "X has 3 rows but Y has 2"], net.cost, (X2, [[0], [1]])),
            (TypeError, ["gradients", "X", "NoneType"], net.gradients, (None, Y1)),
            (TypeError, ["check_gradients", "net", "dict"], nn.check_gradients, ({}, X2, Y1)),
            (ValueError, ["check_gradients", "epsilon"], nn.check_gradients, (net, X2, Y1, 0.0)),
            (TypeError, ["from_weights", "weights[0]", "str"], nn.Network.from_weights, (["ab"],)),
            (ValueError, ["from_weights", "weights[0][0] has 2 values, expected 3"],
             nn.Network.from_weights, ([[[1, 2]], [[1], [2], [3]]],)),
            (ValueError, ["from_weights", "sizes"], nn.Network.from_weights, ([[[1.0]]],),
             {"sizes": [2, 1]}),
            (ValueError, ["from_weights", "distinct"], nn.Network.from_weights,
             ([[[1.0, 2.0]]],), {"classes": ["a", "a"]}),
            (TypeError, ["from_weights", "classes[1]", "list"], nn.Network.from_weights,
             ([[[1.0, 2.0]]],), {"classes": ["a", ["b"]]}),
            (TypeError, ["load", "path", "bytearray"], nn.load, (bytearray(b"model.json"),)),
            (ValueError, ["load", "path"], nn.load, ("",)),
            (TypeError, ["load_weights", "path", "NoneType"], nn.load_weights, (None,)),
            (TypeError, ["save_weights", "path"], nn.save_weights, (7, [[1.0]])),
            (TypeError, ["Scaler", "kind", "bool"], nn.Scaler, (True,)),
            (ValueError, ["Scaler", "kind", "0"], nn.Scaler, (0,)),
            (ValueError, ["Scaler", "divisor holds a 0"], nn.Scaler, ("max", [0.0], [0.0])),
            (ValueError, ["Scaler.transform", "not fitted"], nn.Scaler().transform, (X2,)),
            (ValueError, ["Scaler.fit", "column 0", "too large"], nn.Scaler().fit,
             ([[1e300], [-1e300]],)),
            (TypeError, ["RandomState", "seed", "float"], nn.RandomState, (1.5,)),
            (ValueError, ["RandomState", "seed", "at most"], nn.RandomState, (2 ** 32,)),
            (ValueError, ["randn", "rows", "at most"], nn.RandomState(1).randn, (2 ** 31, 0)),
            (ValueError, ["interval", "top", "at least 0"], nn.RandomState(1).interval, (-1,)),
            (ValueError, ["permutation", "n"], nn.RandomState(1).permutation, (10 ** 400,)),
            (TypeError, ["sigmoid", "z", "str"], nn.sigmoid, ("1",)),
            (ValueError, ["tanh", "z", "finite"], nn.tanh, (10 ** 400,)),
            (TypeError, ["relu", "z", "bool"], nn.relu, (True,)),
            (ValueError, ["softmax", "z is empty"], nn.softmax, ([],)),
            (TypeError, ["mse", "outputs"], nn.mse, (None, [[1.0]])),
            (ValueError, ["sse", "outputs has 1 rows but targets has 2"], nn.sse,
             ([[1.0]], [[1.0], [2.0]])),
            (ValueError, ["cross_entropy", "row 0 of targets, value 0", "not from 0 to 1"],
             nn.cross_entropy, ([[0.5, 0.5]], [[-1e308, 2.0]])),
            (ValueError, ["SGD", "momentum", "below 1"], nn.SGD, (0.1, 1.0)),
            (ValueError, ["Adam", "epsilon", "above 0"], nn.Adam, (0.1, 0.9, 0.9, 0.0)),
        ]
        if nn_tools is not None:                 # the command line and summary
            cases += [(TypeError, ["main", "argv"], nn.main, (5,)),
                      (TypeError, ["summary", "write"], net.summary, (5,)),
                      (TypeError, ["main", "argv[0]", "int"], nn.main, ([5],))]
        for case in cases:
            kind, words, function, args = case[:4]
            kwargs = case[4] if len(case) > 4 else {}
            self.assertRaisesMessage(kind, words, function, *args, **kwargs)

    def test_the_number_rule(self):
        net = nn.Network([2, 1], output_activation="linear", loss="mse", bias=False, seed=1)
        net.weights = [[[1.0], [2.0]]]
        self.assertEqual(net.predict([1, 2]), [5.0])                 # ints are numbers
        if nn._IMPLEMENTATION != "micropython":                      # whose float() refuses them
            self.assertEqual(net.predict([1.0, Float(2.0)]), [5.0])   # so are float subclasses
        for flag in (True, False):
            self.assertRaisesMessage(TypeError, ["bool"], net.predict, [flag, 1])
        self.assertRaisesMessage(TypeError, ["labels"], net.train, [[1, 2], [2, 1]], [True, 2.0],
                                 epochs=1)
        classifier = nn.Network([2, 3, 1], seed=1)
        classifier.train([[0, 1], [1, 0]], [True, False], epochs=1)    # booleans name classes
        self.assertEqual(classifier.classes, [False, True])
        self.assertEqual(nn.Network([2, 1], seed=1).predict(ArrayLike([[1, 2], [3, 4]]))[1],
                         nn.Network([2, 1], seed=1).predict([3, 4]))  # tolist() is read

    def test_settings_replaced_by_junk(self):
        for name, value, words in [("weights", "x", ["net.weights", "str"]),
                                   ("biases", None, ["net.biases"]),
                                   ("sizes", [], ["net.sizes"]),
                                   ("activation", "swish", ["net.activation", "swish"]),
                                   ("loss", 5, ["net.loss"]),
                                   ("classes", ["a"], ["net.classes"]),
                                   ("input_scaler", "max", ["net.input_scaler", "Scaler"]),
                                   ("bias", 1, ["net.bias"]),
                                   ("seed", -1, ["net.seed"])]:
            for method, args in (("predict", ([1, 2],)), ("cost", (X2, Y1)),
                                 ("train", (X2, Y1)), ("summary", (SINK,))):
                if method == "summary" and (name in ("weights", "biases") or not nn_tools):
                    continue                     # it shows the layers, not the weights
                net = small_net()
                net.predict([1, 2])                  # a checked copy of the weights is kept
                setattr(net, name, value)
                self.assertRaisesMessage((TypeError, ValueError), [method] + words,
                                         getattr(net, method), *args)
        net = small_net()
        net.predict([1, 2])
        net.weights[0][1][2] = "x"
        self.assertRaisesMessage(TypeError, ["predict", "net.weights[0][1]", "value 2"],
                                 net.predict, [1, 2])

    def test_long_jobs(self):
        net = small_net()
        self.assertRaisesMessage(ValueError, ["epochs", "10000000"], net.train, X2, Y1,
                                 epochs=10 ** 7 + 1)
        history = net.train([[0.5, 0.5]] * 1000, [[0.5]] * 1000, epochs=10 ** 7, batch_size=100,
                            time_limit=1e-9)              # MicroPython: zip(*rows) of 1000 fails
        self.assertEqual((len(history), history.stop_reason), (1, "time_limit"))


class Probe(object):
    "An object to hang attributes on."


class Namespace(object):
    "The names in a dict, as attributes: reading and assigning them reads and changes the dict."

    def __init__(self, names):
        object.__setattr__(self, "names", names)

    def __getattr__(self, name):
        try:
            return self.names[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self.names[name] = value


def load_module_again(module, replacing):
    """Return a fresh copy of a module, run from its source with some modules it imports replaced.

    replacing maps names of modules to the objects its import statements get instead.
    """
    path = module.__file__[:-1] if module.__file__.endswith(".pyc") else module.__file__
    names = {"__name__": module.__name__ + "_again"}
    saved = dict([(key, sys.modules.get(key)) for key in replacing])
    sys.modules.update(replacing)
    try:
        exec(compile(read(path), path, "exec"), names)
    finally:
        for key, value in saved.items():
            if value is None:           # MicroPython keeps its built-in modules elsewhere
                del sys.modules[key]
            else:
                sys.modules[key] = value
    return Namespace(names)


class TestNumbers(Case):
    "Activations, derivatives and losses stay finite for any finite input; overflow is an error."

    def test_extremes(self):
        values = [1e308, -1e308, 1000.0, -1000.0, 1e-300, -1e-300, 0.0, 1, -1, 10 ** 300]
        for name in nn.ACTIVATIONS:
            f, slope = nn.ACTIVATIONS[name]
            for z in values:
                self.assertTrue(nn._finite(f(z)) and nn._finite(slope(z)), "%s(%r)" % (name, z))
        for z in values:
            for v in nn.softmax([z, 0.0, -z, 1e-300]):
                self.assertTrue(0.0 <= v <= 1.0)
        for o in values:
            for y in values:
                for name in ("sse", "mse"):
                    self.assertTrue(nn._finite(nn.LOSSES[name]([[o, -o]], [[y, 0.5]])))
                for name in ("binary_crossentropy", "cross_entropy"):
                    for t in (0.0, 1e-300, 0.5, 1.0):
                        self.assertTrue(nn._finite(nn.LOSSES[name]([[o, y]], [[t, 1.0 - t]])),
                                        "%s %r %r %r" % (name, o, y, t))
        self.assertEqual(nn.sigmoid_derivative(1e308), 0.0)      # a is taken into [0, 1]
        self.assertEqual(nn.tanh_derivative(-1e308), 0.0)        # and into [-1, 1]
        for bad in (NAN, INF, -INF):
            self.assertRaisesMessage(ValueError, ["sigmoid", "finite"], nn.sigmoid, bad)

    def test_overflow_is_an_error_not_nan(self):
        net = nn.Network.from_weights([[[1e308, 1e308], [-1e308, 1e308]], [[1.0], [1.0]]],
                                      [[0.0, 0.0], [0.0]], activation="linear", loss="mse")
        self.assertRaisesMessage(ValueError, ["predict", "row 0", "not finite"], net.predict,
                                 [1e308, 1e308])
        self.assertRaisesMessage(ValueError, ["feedforward", "not finite"], net.feedforward,
                                 [1e308, 1e308])
        self.assertRaisesMessage(ValueError, ["gradients", "not finite"], net.gradients,
                                 [[1e308, 1e308]], [[0.0]])
        # the outputs are inf - inf: a NaN loss is an error; one that only overflows saturates
        self.assertRaisesMessage(ValueError, ["cost", "not a number"], net.cost,
                                 [[1e308, 1e308]], [[0.0]])
        self.assertEqual(net.cost([[1e308, 0.0]], [[0.0]]), 1.7976931348623157e308)
        self.assertRaises(nn.DivergedError, net.train, [[1e308, 1e308]], [[0.0]], epochs=1)
        for W in net.weights:
            for row in W:
                for w in row:
                    self.assertTrue(nn._finite(w))
        scaled = nn.Network([1, 1], input_scaling="minmax", output_activation="linear", seed=1)
        self.assertRaisesMessage(ValueError, ["train: ", "column 0 of X", "too large"],
                                 scaled.train, [[1.7e308], [-1.7e308]], [[0.0], [1.0]], epochs=1)
        self.assertTrue(nn._finite(nn.Network([1, 1], seed=1).score([[1.0], [2.0]],
                                                                    [[1e300], [-1e300]])))

    def test_exp_never_leaves_the_range_of_32_bit_floats(self):
        # Boards with 32-bit floats overflow past 3.4e38: exp(x) past x = 88.72, and so does
        # ldexp(m, k), the last step of nn's own exp. nn.py, loaded again with a math module that
        # records the largest exp and ldexp asked for, and driven to extremes, never needs more.
        largest = {"exp": -INF, "ldexp": -INF}
        probe = Probe()                     # math, with exp and ldexp that keep the largest
        for name in ("sumprod", "sqrt", "log", "log10", "tanh", "floor", "ceil", "frexp"):
            if hasattr(math, name):
                setattr(probe, name, getattr(math, name))

        def exp(x):
            largest["exp"] = max(largest["exp"], x)
            return math.exp(x)

        def ldexp(m, k):
            largest["ldexp"] = max(largest["ldexp"], math.ldexp(m, k))
            return math.ldexp(m, k)
        probe.exp, probe.ldexp = exp, ldexp
        m = load_module_again(nn, {"math": probe, "nn_fast": None})     # the fast path below
        if nn_fast:
            m._training_loop = load_module_again(nn_fast, {"math": probe, "nn": m})._training_loop
        values = [1e308, 1e30, 1000.0, 700.0, 100.0, 95.0, 88.5, 80.0, 50.0, 37.0, 36.0, 35.0, 20.0,
                  5.0, 0.5, 1e-300, 0.0]
        values += [-v for v in values]
        for name in m.ACTIVATIONS:
            f, slope = m.ACTIVATIONS[name]
            for z in values:
                f(z), slope(z)
        for z in values:
            m.softmax([z, 0.0, -z])
            for loss in ("binary_crossentropy", "cross_entropy", "sse", "mse"):
                m.LOSSES[loss]([[z, -z]], [[0.0, 1.0]])
        # networks whose weighted sums are the inputs themselves: every value reaches every
        # activation, in predict, cost, gradients and both kinds of training epoch
        X, Y = [[z] for z in values], [[1.0, 0.0]] * len(values)
        for compiled in (True, False):
            m.compiled = compiled
            for hidden in ("sigmoid", "tanh", "relu"):
                for output, loss in (("sigmoid", "binary_crossentropy"), ("tanh", "mse"),
                                     ("softmax", "cross_entropy"), ("sigmoid", "sse")):
                    net = m.Network.from_weights([[[1.0, -1.0]], [[1.0, 0.0], [0.0, 1.0]]], None,
                                                 activation=hidden, output_activation=output,
                                                 loss=loss)
                    net.predict(X), net.cost(X, Y), net.gradients(X, Y)
                    try:
                        net.train(X, Y, epochs=2, learning_rate=1e-30)
                    except m.DivergedError:
                        pass
        history = m.History([3e38, 1e30, 1e-30, 1e-38])    # a chart of losses on a log scale
        history.history = {"loss": history}
        if nn_tools is not None:
            load_module_again(nn_tools, {"math": probe, "nn": m}).history_svg(history, None, True)
        self.assertTrue(largest["exp"] <= 88.72, "exp(%r) was asked for" % largest["exp"])
        self.assertTrue(largest["ldexp"] <= 3.4028234663852886e38,
                        "ldexp gave %r" % largest["ldexp"])
        if nn_tools is not None:                    # reached, by the chart on a log scale
            self.assertTrue(largest["exp"] > 30.0 and largest["ldexp"] > 1e30, largest)

    def test_portable_exp_and_tanh_pass_nan_through(self):
        self.assertTrue(nn._exp(NAN) != nn._exp(NAN))
        self.assertTrue(nn._tanh(NAN) != nn._tanh(NAN))


class TestOutsideBattery(Case):
    "Cases an independent battery of bad input found escaping, each now refused or handled."

    def test_tampered_networks_and_optimizers(self):
        net = nn.Network([2, 1], seed=1)
        net.sizes = []
        if nn_tools is not None:
            self.assertRaisesMessage(ValueError, ["explain", "net.sizes"], net.explain, [1, 2],
                                     [1])
        adam = nn.Adam()
        del adam.beta1
        self.assertRaisesMessage(TypeError, ["Adam", "beta1", "None"], nn.Network([2, 1]).train,
                                 [[1, 2]], [[1]], optimizer=adam)

    def test_messages_name_the_function_called(self):
        net = nn.Network([3, 4, 1], seed=1)
        if nn_tools is not None:
            self.assertRaisesMessage(ValueError, ["explain: ", "too large"], net.explain,
                                     [[1e308] * 3], [[1.0]])
        net = nn.Network([3, 4, 1], activation="linear", loss="mse", seed=1)
        net.weights = [[[1e200] * 4] * 3, [[1e200]] * 4]       # the gradients overflow
        self.assertRaisesMessage(ValueError, ["check_gradients: the gradient of layer 0"],
                                 nn.check_gradients, net, [[1e10, 1.0, 1.0]], [[1.0]])

    def test_hostile_model_texts(self):
        digits = '{"format": "nn.py network", "version": 1, "seed": %s}' % ("7" * 100000)
        self.assertRaisesMessage(nn.FileError, ["m.json", "more than 400 digits"],
                                 nn._load_text, digits, "m.json")
        self.assertEqual([nn._unsafe(t) for t in ("1" * 400, "0.5," * 300, "")],
                         [None, None, None])
        self.assertRaises(ValueError, nn._unsafe, "[" + "9" * 800 + "]")
        net = nn.Network([2, 2, 1], seed=1)
        text = nn._model_text(net, "save").replace('"biases": [', '"biases": null, "x": [')
        text = text[:text.index('"x"')].rstrip(", \n") + "\n}\n"
        self.assertRaisesMessage(nn.FileError, ["biases must be a list", "None"], nn._load_text,
                                 text, "m.json")
        text = nn._model_text(net, "save").replace('"input_scaling": null',
                                                   '"input_scaling": [1, 2]')
        self.assertRaisesMessage(nn.FileError, ["input_scaling must be an object"],
                                 nn._load_text, text, "m.json")
        net.target_name = object()
        self.assertRaisesMessage(TypeError, ["save: JSON cannot hold object"], nn._model_text, net,
                                 "save")

class TestHostileFiles(TempFiles):
    "load() and load_weights() refuse broken and hostile files with the file and the problem."

    def write(self, name, content):
        path = self.path(name)
        f = open(path, "wb")
        f.write(content if type(content) is bytes else content.encode("utf-8"))
        f.close()
        return path

    def saved(self):
        "Return the text of a saved network, as a dict and as text."
        net = nn.Network([2, 3, 2], seed=1, input_scaling="standard")
        net.train(X2, ["a", "b", "a"], epochs=1)
        net.save(self.path("good.json"))
        return read(self.path("good.json"))

    def test_model_files(self):
        text = self.saved()
        sizes = '"sizes": [2, 3, 2]'
        start = text.index('"weights": [\n  [\n    [') + len('"weights": [\n  [\n    [')

        def first_weight(value):
            "Return the text with its first weight replaced by value."
            return text[:start] + value + text[text.index(",", start):]

        cases = [
            (text.replace(sizes, '"sizes": "2, 3, 2"'), ["sizes", "list of layer widths"]),
            (text.replace(sizes, '"sizes": [2, 3, 2000000000]'), ["sizes", "parameters"]),
            (text.replace(sizes, '"sizes": [2, 3, 2.0]'), ["sizes[2]", "float"]),
            (text.replace('"bias": true', '"bias": "no"'), ["bias", "True or False"]),
            (text.replace('"bias": true', '"bias": false'), ["biases[0]", "expected 0"]),
            (text.replace('"seed": 1', '"seed": -5'), ["seed"]),
            (text.replace('"seed": 1', '"seed": 4294967296'), ["seed"]),
            (text.replace('"loss": "cross_entropy"', '"loss": ["mse"]'), ["loss", "list"]),
            (text.replace('"activation": "sigmoid"', '"activation": "__import__(\'os\')"'),
             ["activation", "__import__"]),
            (text.replace('"classes": ["a", "b"]', '"classes": ["a", "a"]'), ["distinct"]),
            (text.replace('"classes": ["a", "b"]', '"classes": ["a", {"b": 1}]'), ["classes[1]"]),
            (text.replace('"classes": ["a", "b"]', '"classes": ["a", NaN]'), ["classes[1]"]),
            (text.replace('"format": "nn.py network"', '"format": "pickle"'), ["format"]),
            (text.replace('"version": 1', '"version": 1.0'), ["version"]),
            (text.replace('"version": 1', '"version": true'), ["version"]),
            (text.replace("{", '{"comment": 5, ', 1), ["comment"]),
            (text.replace("{", '{"sizes": [2, 3, 2], ', 1), ["sizes", "more than once"]),
            (text.replace("{", '{"__class__": "os.system", ', 1), ["unknown", "__class__"]),
            (text.replace("{", '{"comment": %s1%s, ' % ("[" * 20000, "]" * 20000), 1),
             ["comment" if nn._IMPLEMENTATION == "micropython" else "deep"]),   # it parses
            (text.replace("{", '{"comment": %s1, ' % ("[" * 20000), 1), ["not valid JSON"]),
            (text.replace('"kind": "standard"', '"kind": "robust"'), ["input_scaling.kind"]),
            (text.replace('"shift": [', '"shift": [1, '), ["input_scaling.shift"]),
            (text.replace('"divisor": [', '"divisor": [0, '), ["input_scaling.divisor"]),
            (text[:len(text) // 3], ["JSON"]),
            (first_weight("1e999"), ["weights[0]", "value 0", "finite"]),
            (first_weight("-Infinity"), ["weights[0]", "value 0", "finite"]),
            (first_weight('"1"'), ["weights[0]", "value 0", "expected a number"]),
            (b"\x80\x04\x95" + text.encode("utf-8"), ["UTF-8"]),                # pickle's start
            (text.encode("utf-8") + b"\xff", ["UTF-8"]),
            ("\x00" * 100, ["JSON"]),
            ("[]", ["top level", "list"]),
        ]
        for i, (content, words) in enumerate(cases):
            path = self.write("hostile%d.json" % i, content)
            if nn._IMPLEMENTATION == "micropython" and ("more than once" in words or
                                                        "NaN" in content or "Inf" in content):
                continue                         # its json sees no repeated name, nor NaN
            self.assertRaisesMessage(nn.FileError, ["load", path] + words, nn.load, path)
        self.assertEqual(nn.load(self.write("bom.json", b"\xef\xbb\xbf" + text.encode("utf-8")))
                         .sizes, [2, 3, 2])
        self.assertRaisesMessage(nn.FileError, ["load", "folder"], nn.load, ".")
        saved = nn._MAX_FILE_BYTES
        try:
            nn._MAX_FILE_BYTES = 100
            self.assertRaisesMessage(nn.FileError, ["load", "bytes"], nn.load,
                                     self.path("good.json"))
        finally:
            nn._MAX_FILE_BYTES = saved

    def test_weight_files(self):
        cases = [("1 2\n3\n", ["line 2 has 1 values"]),
                 ("1 2\n# x\n3 nan\n", ["line 3", "finite"]),
                 ("1 2\n\n\n3 x\n", ["line 4", "'x' is not a finite number"]),
                 ("# only\n", ["no numbers"]), ("1 1e999\n", ["line 1", "finite"]),
                 (b"1 2\n\xff\n", ["UTF-8"])]
        for i, (content, words) in enumerate(cases):
            path = self.write("w%d.txt" % i, content)
            self.assertRaisesMessage(nn.FileError, ["load_weights", path] + words,
                                     nn.load_weights, path)
        self.assertEqual(nn.load_weights(self.write("ok.txt", "1,2\r\n3 4\r\n")),
                         [[1.0, 2.0], [3.0, 4.0]])


class TestSafeSaving(TempFiles):
    "A failed or killed save leaves the old file, or the new one, and no litter."

    def test_full_disk_keeps_the_old_file(self):
        path = self.path("full.json")
        small_net().save(path)
        before = read(path)

        class FullDisk(object):
            def __init__(self, name, mode):
                self.f = open(name, mode)

            def write(self, text):
                self.f.write(text[:10])
                raise OSError(28, "No space left on device")

            def flush(self):
                pass

            def close(self):
                self.f.close()

        nn.open = FullDisk
        try:
            self.assertRaisesMessage(nn.FileError, ["save", path, "No space left"],
                                     small_classifier().save, path)
        finally:
            del nn.open
        self.assertEqual(read(path), before)
        self.assertTrue(path + ".tmp" not in os.listdir("."))

    def test_rename_that_will_not_replace(self):
        path = self.path("windows.json")
        small_net().save(path)
        before = read(path)
        real_os = nn.os

        class WindowsOS(object):
            "os as Python 2.7 has it on Windows: no replace(), and rename() refuses a target."

            def rename(self, source, target):
                if target in real_os.listdir("."):
                    raise OSError(17, "File exists")
                real_os.rename(source, target)

            def __getattr__(self, name):
                if name == "replace":
                    raise AttributeError(name)
                return getattr(real_os, name)

        nn.os = WindowsOS()
        try:
            small_classifier().save(path)        # Jython replaces it through java.nio
            replaced = True
        except nn.FileError:                     # no way to replace in one step here
            replaced = False
        finally:
            nn.os = real_os
        self.assertEqual(read(path) != before, replaced)
        self.assertEqual(nn.load(path).classes, ["a", "b"] if replaced else None)
        self.assertTrue(path + ".tmp" not in os.listdir("."))

    def test_an_orphaned_temporary_file_is_overwritten(self):
        path = self.path("orphan.json")
        self.paths.append(path + ".tmp")
        f = open(path + ".tmp", "w")
        f.write("half a network")
        f.close()
        small_net().save(path)
        self.assertEqual(nn.load(path).sizes, [2, 3, 1])
        self.assertTrue(path + ".tmp" not in os.listdir("."))

    def test_killed_while_saving(self):
        try:
            import subprocess
            import time
        except ImportError:
            self.skipTest("no subprocess module here")
        path = self.path("killed.json")
        self.paths.append(path + ".tmp")
        models = [nn.Network([30, 60, 10], seed=1), nn.Network([30, 60, 10], seed=2)]
        models[0].save(path)
        folder = os.path.dirname(os.path.abspath(nn.__file__))
        child = ("import sys, time\nsys.path.insert(0, %r)\nimport nn\n"
                 "models = [nn.Network([30, 60, 10], seed=1), nn.Network([30, 60, 10], seed=2)]\n"
                 "sys.stdout.write('ready\\n')\nsys.stdout.flush()\n"
                 "stop = time.time() + 30\n"          # an orphan must not save forever
                 "while time.time() < stop:\n"
                 "    for net in models:\n        net.save(%r)\n" % (folder, path))
        rng = Random(4)
        kills = setting("NN_KILLS", 20)
        started = time.time()
        done = 0
        while done < kills and (done < 3 or time.time() - started < 5.0):
            try:
                process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE)
            except Exception as error:           # Pyodide and Brython cannot start one
                self.skipTest("cannot start a process here: %s" % error)
            process.stdout.readline()
            time.sleep(rng.uniform(0.0, 0.05))
            process.kill()
            process.wait()
            process.stdout.close()
            weights = nn.load(path).weights
            self.assertTrue(weights == models[0].weights or weights == models[1].weights)
            left = [p for p in os.listdir(".") if p.startswith(path) and p != path]
            self.assertTrue(left in ([], [path + ".tmp"]), left)
            done += 1
        models[1].save(path)
        self.assertEqual(nn.load(path).weights, models[1].weights)
        self.assertTrue(path + ".tmp" not in os.listdir("."))


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


# --------------------------------------------------------------------------
# Explaining and drawing
# --------------------------------------------------------------------------

# The worked example of tutorial 2: inputs [2, 9], 3 hidden units, 1 output
TUTORIAL_2_WEIGHTS = [[[0.2, 0.6, 0.1], [0.8, 0.3, 0.7]], [[0.4], [0.5], [0.9]]]


class Written(object):
    "A file that keeps what is written to it."

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def printed(method, *args, **kwargs):
    "Return what method(*args, **kwargs) writes to its file argument."
    out = Written()
    kwargs["file"] = out
    method(*args, **kwargs)
    return "".join(out.parts)


def numbers_after(text, prefix):
    "Return the last number of every line that starts with prefix (after indentation)."
    return [float(line.split(" = ")[-1]) for line in text.split("\n")
            if line.strip().startswith(prefix)]


class TestToolsDecimal(ToolsCase):

    def test_fixed_cases(self):
        cases = [(0.9994997988929205, 6, "0.9995"), (0.9994997988929205, 9, "0.999499799"),
                 (7.6000000000000005, 6, "7.6"), (1e-07, 6, "1e-07"), (-0.0, 6, "0"),
                 (0.25, 1, "0.2"), (0.75, 1, "0.8"), (2.5, 1, "2"), (3.5, 1, "4"),
                 (0.35, 1, "0.3"), (123456789.0, 6, "1.23457e+08"), (999999.5, 6, "1e+06"),
                 (0.0001, 6, "0.0001"), (1.234e-05, 3, "1.23e-05"), (5e-324, 3, "4.94e-324"),
                 (1.7976931348623157e308, 17, "1.7976931348623157e+308"), (100.0, 6, "100"),
                 (1e15, 6, "1e+15"), (-0.000150968, 6, "-0.000150968"), (99.99, 3, "100"),
                 (float("inf"), 6, "inf")]
        for x, digits, text in cases:
            self.assertEqual(nn_tools._decimal(x, digits), text)

    def test_same_as_cpython_format(self):
        if nn._IMPLEMENTATION != "cpython":
            self.skipTest("only CPython's %g is known to round every float correctly")
        rng = Random(4)
        for n in range(300):
            x = rng.uniform(-10.0, 10.0) * 10.0 ** int(rng.uniform(-30.0, 30.0))
            digits = 1 + n % 17
            self.assertEqual(nn_tools._decimal(x, digits), "%.*g" % (digits, x))


class TestToolsExplain(ToolsCase):

    def test_tutorial_two_worked_example(self):
        net = nn.Network.from_weights(TUTORIAL_2_WEIGHTS, None, loss="sse")
        text = printed(net.explain, [2, 9], [0.92], learning_rate=1.0)
        for line in ["z1[0] = (2 * 0.2) + (9 * 0.8) = 7.6", "a1[0] = sigmoid(7.6) = 0.9995",
                     "z1[1] = (2 * 0.6) + (9 * 0.3) = 3.9",        # the tutorial says 7.5
                     "a1[1] = sigmoid(3.9) = 0.98016",             # and 1.000553084
                     "z1[2] = (2 * 0.1) + (9 * 0.7) = 6.5", "a1[2] = sigmoid(6.5) = 0.998499",
                     "z2[0] = (0.9995 * 0.4) + (0.98016 * 0.5) + (0.998499 * 0.9) = 1.78853",
                     "a2[0] = sigmoid(1.78853) = 0.856747",
                     "C = 0.5 * (0.856747 - 0.92)^2 = 0.00200048",
                     "d2[0] = (0.856747 - 0.92) * 0.856747 * (1 - 0.856747) = -0.00776317",
                     "weights[1][0][0]: 0.9995 * -0.00776317 = -0.00775929",
                     "weights[1][0][0]: 0.4 - 1 * (-0.00775929) = 0.407759",
                     "Cost after the step: 0.00182718 (before: 0.00200048)"]:
            self.assertTrue(line in text, "%r not in:\n%s" % (line, text))
        text = printed(net.explain, [2, 9], [0.92], digits=9)
        for line in ["a1[0] = sigmoid(7.6) = 0.999499799", "a1[2] = sigmoid(6.5) = 0.998498818"]:
            self.assertTrue(line in text, line)

    def test_the_numbers_are_the_gradients(self):
        rng = Random(9)
        X = [[0.5, -1.0], [1.0, 2.0], [0.0, 0.3]]
        cases = [("sse", "sigmoid", "sigmoid"), ("mse", "tanh", "softmax"),
                 ("mse", "relu", "linear"), ("sse", "leaky_relu", "tanh"),
                 ("binary_crossentropy", "tanh", "sigmoid"),
                 ("cross_entropy", "linear", "softmax")]
        for loss, hidden, output in cases:
            net = nn.Network([2, 3, 2], activation=hidden, output_activation=output, loss=loss,
                             seed=5)
            net.biases = [[rng.uniform(-0.5, 0.5) for v in b] for b in net.biases]
            Y = targets_for(loss, output, rng, 3, 2)
            text = printed(net.explain, X, Y, learning_rate=0.5, digits=17)
            gW, gb = net.gradients(X, Y)
            flat = [g for W in gW for row in W for g in row]
            weights = numbers_after(text, "weights[")
            self.assertClose(weights[:len(flat)], flat, 1e-12, 1e-15, loss + " weights")
            old = [w for W in net.weights for row in W for w in row]
            self.assertClose(weights[len(flat):], [w - 0.5 * g for w, g in zip(old, flat)],
                             1e-12, 1e-15, loss + " update")
            flat = [g for b in gb for g in b]
            self.assertClose(numbers_after(text, "biases[")[:len(flat)], flat, 1e-12, 1e-15, loss)
            self.assertClose(numbers_after(text, "C = ")[0], net.cost(X, Y), 1e-12)

    def test_the_network_is_not_changed(self):
        net = nn.Network([2, 3, 1], seed=4)
        weights, biases = [[r[:] for r in W] for W in net.weights], [b[:] for b in net.biases]
        text = printed(net.explain, [[1, 2], [3, 4]], [[0.5], [1.0]])
        self.assertTrue("Cost, mse" in text)          # as train() would choose
        self.assertEqual(net.loss, None)
        self.assertEqual((net.weights, net.biases), (weights, biases))

    def test_scaled_inputs_and_labels(self):
        net = nn.Network([2, 3, 1], input_scaling="max", seed=1)
        net.train([[2, 9], [1, 5], [3, 6]], ["a", "b", "a"], epochs=2)
        text = printed(net.explain, [3, 9], "b")
        self.assertTrue("a0 = [1, 1]" in text and "target y = [1]" in text, text)
        self.assertTrue("the classes are ['a', 'b']" in text, text)
        self.assertTrue("Cost, binary_crossentropy: " in text and "-(log(" in text, text)

    def test_too_large_or_wrong(self):
        net = nn.Network([11, 2, 1], seed=1)
        self.assertRaisesMessage(ValueError, ["explain", "at most 10 units", "11"], net.explain,
                                 [[0] * 11], [[0]])
        net = nn.Network([2, 2, 1], seed=1)
        self.assertRaisesMessage(ValueError, ["explain", "at most 4 rows", "X has 5"],
                                 net.explain, [[0, 0]] * 5, [[0]] * 5)
        self.assertRaisesMessage(ValueError, ["learning_rate"], net.explain, [0, 0], [0],
                                 learning_rate=0)
        self.assertRaisesMessage(ValueError, ["digits"], net.explain, [0, 0], [0], digits=18)
        self.assertRaisesMessage(TypeError, ["file"], net.explain, [0, 0], [0], file="out.txt")
        self.assertRaisesMessage(ValueError, ["explain", "X has 2 rows but Y has 1"], net.explain,
                                 [[0, 0], [1, 1]], [[0]])


def checksum(text):
    "Return a number that changes when any character of text does."
    total = 0
    for i, c in enumerate(text):
        total = (total * 31 + ord(c) * (i % 7 + 1)) % 1000000007
    return total


class SvgCase(ToolsCase):
    "Checks that a picture is a standalone SVG file."

    def assertWellFormed(self, svg):
        self.assertTrue(svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns='))
        self.assertTrue(svg.endswith("</svg>\n"))
        self.assertEqual(len([c for c in svg if ord(c) > 126]), 0)
        try:
            from xml.dom import minidom
        except ImportError:
            return
        self.assertEqual(minidom.parseString(svg).documentElement.tagName, "svg")


class TestToolsPictures(SvgCase):

    def test_tutorial_two_network(self):
        net = nn.Network.from_weights([[[0.2, -0.6, 0.1], [0.8, 0.3, 0.7]], [[0.4], [0.5], [0.9]]],
                                      None, loss="sse")
        svg = net.to_svg()
        self.assertWellFormed(svg)
        self.assertEqual(svg.count("<circle "), 6)
        self.assertEqual(svg.count("<line "), 9 + 2)          # the weights and the legend
        self.assertTrue('<line x1="80" y1="112" x2="320" y2="144" stroke="#d55e00" '
                        'stroke-width="4.2" stroke-dasharray="6 4"><title>weights[0][0][1] = -0.6'
                        '</title></line>' in svg, svg)
        self.assertTrue(">0.8</text>" in svg and ">-0.6</text>" in svg)
        self.assertEqual((len(svg), checksum(svg)), (4496, 408199053))   # the same everywhere
        self.assertEqual(net.to_svg(labels=False).count("</text>"), svg.count("</text>") - 9)

    def test_wide_layers_are_cut(self):
        svg = nn.Network([18, 3, 2], seed=2).to_svg()     # small: a 2 MiB heap draws it
        self.assertWellFormed(svg)
        self.assertEqual(svg.count("<line "), 14 * 3 + 3 * 2 + 2)
        self.assertTrue(">4 more</text>" in svg)
        self.assertTrue(">x17</text>" in svg and ">x12</text>" not in svg)
        svg = nn.Network([2, 17, 1], seed=2).to_svg()
        self.assertEqual(svg.count("<line "), 2 * 14 + 14 + 2)
        self.assertTrue(">3 more</text>" in svg)

    def test_biases_fit_in_their_units(self):
        net = nn.Network.from_weights([[[0.5, -0.25, 1.0], [-0.75, 0.3, 0.2]],
                                       [[0.4], [-0.6], [0.9]]],
                                      [[-0.00012, -99000.0, 0.5], [-1.5e-300]], loss="mse")
        svg = net.to_svg()
        self.assertWellFormed(svg)
        for text, size in (("-1.2e-4", 7), ("-9.9e4", 8), ("0.5", 10), ("-1.5e-300", 6)):
            self.assertTrue('font-size="%d">%s</text>' % (size, text) in svg, (text, svg))
        weight_label = 'font-size="11" fill='      # labels by default up to 20 weights a layer
        self.assertEqual(nn.Network([8, 8, 3], seed=2).to_svg().count(weight_label), 0)  # 64
        self.assertEqual(nn.Network([4, 5, 3], seed=2).to_svg().count(weight_label), 20 + 15)

    def test_bad_arguments(self):
        net = nn.Network([2, 1], seed=1)
        self.assertRaisesMessage(TypeError, ["to_svg", "labels"], net.to_svg, None, "yes")
        self.assertRaisesMessage(TypeError, ["to_svg", "path"], net.to_svg, 3)
        net.weights[0][0][0] = float("nan")
        self.assertRaisesMessage(ValueError, ["to_svg"], net.to_svg)


class TestToolsPictureFiles(ToolsFiles):

    def test_written_atomically(self):
        net = nn.Network([2, 2, 1], seed=1)
        self.assertEqual(net.to_svg(self.path("net.svg")), None)
        self.assertEqual(read(self.path("net.svg")), net.to_svg())
        history = net.train([[0, 1], [1, 0]], [[1], [0]], epochs=3)
        self.assertEqual(history.to_svg(self.path("loss.svg")), None)
        self.assertEqual(read(self.path("loss.svg")), history.to_svg())
        self.assertRaises(nn.FileError, net.to_svg, "no_such_folder/x/net.svg")

def history_of(losses, validation=None):
    "Return a History holding the given losses, as train() makes them."
    history = nn.History()
    history.extend(losses)
    history.history = {"loss": history}
    if validation is not None:
        history.history["val_loss"] = validation
    return history


class TestToolsLossCharts(SvgCase):

    def test_text_chart(self):
        history = history_of([1.0, 0.5, 0.3, 0.2, 0.15, 0.1], [1.0, 0.6, 0.45, 0.4, 0.4, 0.42])
        self.assertEqual(printed(history.plot, height=5), "\n".join([
            "loss per epoch: * training, o validation, # both",
            "  1 |#",
            "    |",
            "    | #o",
            "    |  *ooo",
            "0.1 |   ***",
            "    +------",
            "     0    5  epoch", ""]))
        text = printed(history_of([100.0, 10.0, 1.0, 0.1]).plot, width=4, height=4, log=True)
        self.assertEqual(text.split("\n")[1:5], ["100 |*", "    | *", "    |  *", "0.1 |   *"])
        wide = printed(history_of([0.5] * 200).plot, width=40, height=3)
        self.assertEqual(wide.split("\n")[2], "0.5 |" + "*" * 40)

    def test_svg_chart(self):
        history = history_of([1.0, 0.5, 0.3, 0.2, 0.15, 0.1], [1.0, 0.6, 0.45, 0.4, 0.4, 0.42])
        svg = history.to_svg()
        self.assertWellFormed(svg)
        self.assertEqual(svg.count("<polyline "), 2)
        self.assertTrue('<polyline points="80.0,48.0 187.2,208.0 294.4,272.0 401.6,304.0 '
                        '508.8,320.0 616.0,336.0" fill="none" stroke="#0072b2"' in svg, svg)
        self.assertEqual((len(svg), checksum(svg)), (2241, 866314582))   # the same everywhere
        log = history.to_svg(log=True)
        self.assertTrue("(log scale)" in log and ">0.1</text>" in log)
        self.assertEqual(history_of([0.3, 0.2]).to_svg().count("<polyline "), 1)

    def test_one_epoch_and_a_flat_loss_are_seen(self):
        svg = history_of([0.25]).to_svg()
        self.assertWellFormed(svg)
        self.assertTrue('<circle cx="80.0" cy="192.0" r="4" fill="#0072b2"/>' in svg, svg)
        flat = history_of([0.25, 0.25, 0.25]).to_svg()      # in the middle, not on the axis
        self.assertTrue('<polyline points="80.0,192.0 348.0,192.0 616.0,192.0"' in flat, flat)
        self.assertTrue(">0.125</text>" in flat and ">0.375</text>" in flat, flat)
        self.assertTrue('points="80.0,336.0 ' in history_of([0.0, 0.0]).to_svg())

    def test_bad_histories(self):
        self.assertRaisesMessage(ValueError, ["plot", "empty"], history_of([]).plot)
        self.assertRaisesMessage(ValueError, ["to_svg", "epoch 1"], history_of([1.0, None]).to_svg)
        self.assertRaisesMessage(ValueError, ["plot", "width"], history_of([1.0]).plot, 1)
        self.assertRaisesMessage(TypeError, ["plot", "log"], history_of([1.0]).plot, 60, 12, 1)
        self.assertRaisesMessage(TypeError, ["plot", "file"], history_of([1.0]).plot, 60, 12,
                                 False, "chart.txt")


class FakeScalar(object):
    "Stands in for a numpy scalar such as numpy.int64: no built-in base, an item() method."

    def __init__(self, value):
        self.value = value

    def item(self):
        return self.value

    def __eq__(self, other):               # as numpy's: equal to the plain value
        return self.value == other

    def __hash__(self):
        return hash(self.value)


class TestAgreesWithScikitLearn(Case):
    "R^2 as r2_score, numpy's scalars as labels, Adam as Kingma and Ba write it."

    def test_r2_is_r2_score(self):
        # sklearn.metrics.r2_score(Y, O) gave these (its default, "uniform_average")
        Y = [[1.0, 10.0, 3.0], [2.0, -30.0, 3.0], [4.0, 50.0, 3.0], [-1.0, 0.0, 3.0]]
        O = [[1.5, 0.0, 3.0], [1.0, -20.0, 3.0], [3.0, 60.0, 3.0], [0.0, 20.0, 3.0]]
        self.assertClose(nn._r2(O, Y), 0.8454198473282443, 1e-15)
        O[0][2] = 3.5                       # a constant column not fitted exactly scores 0
        self.assertClose(nn._r2(O, Y), 0.512086513994911, 1e-15)
        self.assertEqual(nn._r2([[1.0], [2.0]], [[1.0], [3.0]]), 0.5)
        net = nn.Network.from_weights([[[1.0, 0.0], [0.0, 2.0]]], None,
                                      output_activation="linear", loss="mse")
        X = [[1.0, 1.0], [2.0, 1.0], [3.0, 2.0]]
        # column 0 perfect: 1.0; column 1, [2, 2, 4] against [1, 2, 3]: 1 - 2 / 2 = 0.0
        self.assertEqual(net.score(X, [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]]), 0.5)

    def test_history_r2_is_score(self):
        rng = Random(12)
        X = rng.matrix(24, 3, -1.0, 1.0)
        # two outputs on very different scales: pooling the columns is not averaging them
        Y = [[x[0] - 2.0 * x[1], 100.0 * x[2] * x[0] + 300.0] for x in X]
        for scaling in (None, "standard"):
            make = lambda: nn.Network([3, 4, 2], activation="tanh", output_activation="linear",
                                      target_scaling=scaling, seed=2)
            first_r2 = make().score(X[:18], Y[:18]) if scaling is None else None
            runs = train_twice(make, X[:18], Y[:18], epochs=3, learning_rate=0.05,
                               validation_data=(X[18:], Y[18:]), shuffle=False)
            for net, history in runs:
                tolerance = 0.0 if scaling is None else 1e-12   # scaled, the same sums in
                score = net.score(X[18:], Y[18:])               # other units
                self.assertClose(history.history["val_r2"][-1], score, tolerance, 0.0,
                                 "val_r2, target_scaling %s" % scaling)
                if first_r2 is not None:      # full batch: epoch 0's is the starting weights'
                    self.assertClose(history.history["r2"][0], first_r2, 1e-12, 0.0, "r2")
                self.assertTrue(score < 0.9)

    def test_numpy_scalars_are_labels(self):
        X = [[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]
        kinds = [[FakeScalar(3), FakeScalar(5)], [FakeScalar(False), FakeScalar(True)],
                 [FakeScalar(0.5), FakeScalar(2.5)]]
        try:
            import numpy
            kinds += [[numpy.int64(3), numpy.int64(5)], [numpy.bool_(False), numpy.bool_(True)],
                      [numpy.float32(0.5), numpy.float64(2.5)], list(numpy.array([3, 5]))]
        except ImportError:
            pass                            # the fake ones stand in for them
        for pair in kinds:
            plain = [c.item() for c in pair]
            net = nn.Network([2, 3, 1], seed=1)
            net.train(X, [pair[0], pair[1], pair[1], pair[0]], epochs=2)
            self.assertEqual([(c, type(c)) for c in net.classes],
                             [(c, type(c)) for c in plain])
            self.assertTrue(type(net.predict(X[0])) is type(plain[0]))
            self.assertEqual(net.score(X, [pair[0], pair[1], pair[1], pair[0]]),
                             net.score(X, [plain[0], plain[1], plain[1], plain[0]]))
            saved = nn.json.loads(nn._model_text(net, "save"))["classes"]
            self.assertEqual([type(c) for c in saved], [type(c) for c in plain])
            again = nn.Network.from_weights(net.weights, net.biases, classes=pair)
            self.assertEqual([type(c) for c in again.classes], [type(c) for c in plain])
            again.classes = list(reversed(pair))
            self.assertEqual(again.classes, list(reversed(plain)))
        if nn_tools is not None:
            self.assertEqual(nn_tools.one_hot([FakeScalar(2), FakeScalar(1)]),
                             [[0.0, 1.0], [1.0, 0.0]])
        # an item() that gives something else is no label; nor is an array of one number
        net = nn.Network([2, 3, 1], seed=1)
        for bad in ([FakeScalar([1]), FakeScalar([2])], [FakeScalar(None), FakeScalar(1)]):
            self.assertRaisesMessage(TypeError, ["classes[0]", "label"],
                                     nn.Network.from_weights, net.weights, net.biases,
                                     classes=bad)

    def test_adam_is_kingma_and_ba(self):
        X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5], [0.1, 0.9]]
        Y = [[0.3], [0.9], [0.1], [0.6]]
        make = lambda: nn.Network([2, 3, 1], activation="tanh", loss="mse", seed=6)
        for lr, b1, b2, eps in ((0.01, 0.9, 0.999, 1e-8), (0.05, 0.8, 0.9, 0.01)):
            # three full-batch steps of Adam, as Kingma and Ba (2015), Algorithm 1, write it
            net = make()
            params = [net.weights, [[b] for b in net.biases]]     # b as a row of one
            m = [[[[0.0] * len(r) for r in W] for W in P] for P in params]
            v = [[[[0.0] * len(r) for r in W] for W in P] for P in params]
            for t in (1, 2, 3):
                weight_grads, bias_grads = net.gradients(X, Y)
                grads = [weight_grads, [[g] for g in bias_grads]]
                for p, P in enumerate(params):
                    for k, W in enumerate(P):
                        for i, row in enumerate(W):
                            for j in range(len(row)):
                                g = grads[p][k][i][j]
                                m[p][k][i][j] = b1 * m[p][k][i][j] + (1.0 - b1) * g
                                v[p][k][i][j] = b2 * v[p][k][i][j] + (1.0 - b2) * g * g
                                m_hat = m[p][k][i][j] / (1.0 - b1 ** t)
                                v_hat = v[p][k][i][j] / (1.0 - b2 ** t)
                                row[j] -= lr * m_hat / (math.sqrt(v_hat) + eps)
            runs = train_twice(make, X, Y, epochs=3, shuffle=False,
                               optimizer=nn.Adam(lr, beta1=b1, beta2=b2, epsilon=eps))
            for trained, history in runs:
                self.assertClose(trained.weights, net.weights, 1e-15, 0.0, "weights")
                self.assertClose(trained.biases, net.biases, 1e-15, 0.0, "biases")

class TestStateAndBoundaries(TempFiles):
    "Networks changed after use, scaling not fitted, the list helpers, and who says what."

    def setUp(self):
        self.paths = []                    # only the tests that write files skip on Brython

    def file(self, name):
        "Return a path for a test that writes a file, or skip where none can be written."
        if not CAN_WRITE:
            self.skipTest("this interpreter cannot write files")
        return self.path(name)

    def used_then_changed(self, change):
        "Return a network that predicted once, then had change(net) done to it."
        net = nn.Network([2, 3, 1], seed=1)
        net.predict([0.5, 0.5])
        change(net)
        return net

    def test_a_network_changed_after_use_is_refused_everywhere(self):
        def sizes(net):
            net.sizes = [2, 7, 1]

        def sizes_in_place(net):
            net.sizes[1] = 7

        def bias(net):
            net.bias = False

        def one_layer(net):
            net.weights = [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]]

        def short_rows(net):
            net.weights = [[[0.1, 0.2], [0.4, 0.5]], [[0.1], [0.2], [0.3]]]

        def text_weight(net):
            net.weights[0][1][2] = "0.5"

        def nan_weight(net):
            net.weights[1][2][0] = float("nan")

        def nan_bias(net):
            net.biases[0][0] = float("nan")
        path = self.file("changed.json")
        for change in (sizes, sizes_in_place, bias, one_layer, short_rows, text_weight,
                       nan_weight, nan_bias):
            for who in ["predict", "train", "save", "cost"] + ["export_python"] * bool(nn_tools):
                net = self.used_then_changed(change)
                call = {"predict": lambda: net.predict([0.5, 0.5]),
                        "train": lambda: net.train([[0, 1], [1, 0]], [[1], [0]], epochs=2),
                        "save": lambda: net.save(path),
                        "cost": lambda: net.cost([[0, 1]], [[1]]),
                        "export_python": lambda: net.export_python(path)}[who]
                self.assertRaisesMessage((TypeError, ValueError), [who + ": net."], call)
                self.assertFalse(path in os.listdir("."), "%s wrote a file" % who)

    def test_weights_changed_to_another_shape_that_fits_are_used(self):
        net = nn.Network([2, 3, 1], seed=1)
        other = nn.Network([2, 3, 1], seed=2)
        before = net.predict([0.5, 0.5])
        net.weights, net.biases = other.weights, other.biases
        self.assertEqual(net.predict([0.5, 0.5]), other.predict([0.5, 0.5]))
        net.weights = [[list(row) for row in W] for W in other.weights]
        net.weights[1][0][0] += 1.0
        self.assertTrue(net.predict([0.5, 0.5]) != other.predict([0.5, 0.5]))
        net = self.used_then_changed(lambda net: None)
        net.sizes[1] = 7
        self.assertRaises(ValueError, net.predict, [0.5, 0.5])
        net.sizes[1] = 3                   # back as it was: it works again
        self.assertEqual(net.predict([0.5, 0.5]), before)
        net.bias, net.biases = False, [[], []]      # a consistent change is a new network
        plain = nn.Network.from_weights(net.weights, None)
        self.assertEqual(net.predict([0.5, 0.5]), plain.predict([0.5, 0.5]))
        plain.weights[1][0][0] += 1.0                # changed in place: used
        self.assertTrue(net.predict([0.5, 0.5]) != plain.predict([0.5, 0.5]))
        net.train([[0, 1], [1, 0]], [[1], [0]], epochs=2)
        self.assertEqual(net.biases, [[], []])

    def test_save_reads_back_what_it_writes_as_load_does(self):
        path = self.file("refused.json")
        net = nn.Network([2, 3, 1], seed=1)
        original = nn._from_dict

        def refuse(data):
            raise ValueError("a field load cannot take")
        nn._from_dict = refuse
        try:
            self.assertRaisesMessage(ValueError, ["save: ", path, "a field load cannot take",
                                                  "nothing was written"], net.save, path)
        finally:
            nn._from_dict = original
        self.assertFalse(path in os.listdir("."))
        net.save(path)
        self.assertEqual(nn.load(path).weights, net.weights)

    def test_the_list_helpers_check_their_arguments(self):
        for kind, words, f, args in [
                (ValueError, ["dot: ", "v has 1 values, expected 2"], nn.dot, ([1.0, 2.0], [3.0])),
                (TypeError, ["dot: ", "u", "None"], nn.dot, (None, [1])),
                (ValueError, ["dot: ", "u", "nan"], nn.dot, ([float("nan")], [1.0])),
                (TypeError, ["dot: ", "v", "bool"], nn.dot, ([1.0], [True])),
                (ValueError, ["transpose: ", "row 1 of A", "1 values, expected 2"],
                 nn.transpose, ([[1, 2], [3]],)),
                (TypeError, ["transpose: ", "A"], nn.transpose, ("ab",)),
                (ValueError, ["transpose: ", "A", "empty"], nn.transpose, ([],)),
                (ValueError, ["matmul: ", "row 0 of A", "expected 3"], nn.matmul,
                 ([[1, 2]], [[1], [2], [3]])),
                (ValueError, ["matmul: ", "row 1 of B"], nn.matmul, ([[1, 2]], [[1, 2], [3]])),
                (ValueError, ["add: ", "v"], nn.add, ([1.0], [1.0, 2.0])),
                (ValueError, ["subtract: ", "v"], nn.subtract, ([1.0, 2.0], [1.0])),
                (TypeError, ["multiply: ", "u", "value 1"], nn.multiply, ([1.0, "x"], [1.0, 2.0])),
                (TypeError, ["scale: ", "u", "str"], nn.scale, (3, "ab")),
                (TypeError, ["scale: ", "c"], nn.scale, ("3", [1.0])),
                (ValueError, ["scale: ", "c", "finite"], nn.scale, (float("inf"), [1.0]))]:
            self.assertRaisesMessage(kind, words, f, *args)
        self.assertEqual(nn.dot([1, 2], (3.0, 4.0)), 11.0)
        self.assertEqual(nn.matmul([[1, 2]], [[1], [2]]), [[5.0]])
        self.assertEqual(nn.transpose([[1, 2]]), [[1.0], [2.0]])
        self.assertEqual(nn.scale(2, [1, -2]), [2.0, -4.0])
        self.assertEqual(nn.subtract((1, 2), [0.5, 0.5]), [0.5, 1.5])

    def assertSaidBy(self, who, kind, words, f, *args, **kwargs):
        "f(*args) raises kind with a message that begins 'who: ' and holds every word of words."
        error = self.assertRaisesMessage(kind, words, f, *args, **kwargs)
        self.assertTrue(str(error).startswith(who + ": "), "%r is not said by %s" % (error, who))

    def test_messages_name_the_function_called(self):
        weights = [[[0.5, -0.5]], [[1.0], [2.0]]]
        from_weights = nn.Network.from_weights
        for kind, words, settings in [
                (ValueError, ["activation", "bogus"], {"activation": "bogus"}),
                (ValueError, ["softmax"], {"activation": "softmax"}),
                (TypeError, ["output_activation"], {"output_activation": 5}),
                (ValueError, ["loss", "zz"], {"loss": "zz"}),
                (ValueError, ["binary_crossentropy"], {"loss": "binary_crossentropy",
                                                       "output_activation": "linear"}),
                (ValueError, ["sizes"], {"sizes": [1, 3, 1]}),
                (ValueError, ["classes"], {"classes": ["a", "a"]})]:
            self.assertSaidBy("Network.from_weights", kind, words, from_weights, weights,
                              **settings)
        self.assertSaidBy("Network.from_weights", ValueError, ["biases", "2 layers"], from_weights,
                          weights, [[0.0]])
        scalings = [("bogus", ValueError), (0, ValueError), ([1], TypeError)]
        for scaling, kind in scalings:
            for name in ("input_scaling", "target_scaling"):
                self.assertSaidBy("Network", kind, [name], nn.Network, [2, 1], **{name: scaling})
        scaler = nn.Scaler("max")
        scaler.kind = "bogus"
        self.assertSaidBy("Network", ValueError, ["input_scaling.kind", "bogus"], nn.Network,
                          [2, 1], input_scaling=scaler)
        self.assertSaidBy("Scaler", ValueError, ["kind", "bogus"], nn.Scaler, "bogus")
        huge = [[1.7e308, 1.0], [-1.7e308, 2.0]]
        self.assertSaidBy("train", ValueError, ["column 0 of X", "too large"],
                          nn.Network([2, 1], input_scaling="minmax", seed=1).train, huge,
                          [[0.0], [1.0]], epochs=1)
        self.assertSaidBy("train", ValueError, ["column 0 of Y", "too large"],
                          nn.Network([2, 1], target_scaling="standard", seed=1).train,
                          [[0.0, 1.0], [1.0, 0.0]], [[1.7e308], [-1.7e308]], epochs=1)
        self.assertSaidBy("Scaler.fit", ValueError, ["column 0 of rows", "too large"],
                          nn.Scaler("minmax").fit, huge)
        if not CAN_WRITE:
            return
        path = self.path("settings.json")
        good = nn.Network([2, 1], input_scaling="max", seed=1)
        good.train([[1, 2], [3, 4]], [[0], [1]], epochs=1)
        good.save(path)
        text = read(path)
        for old, new, words in [('"activation": "sigmoid"', '"activation": "bogus"', ["bogus"]),
                                ('"kind": "max"', '"kind": "bogus"', ["input_scaling.kind"]),
                                ('"kind": "max"', '"kind": 0', ["input_scaling.kind"]),
                                ('"seed": 1', '"seed": -1', ["seed"])]:
            self.assertTrue(old in text, old)
            f = open(path, "w")
            f.write(text.replace(old, new))
            f.close()
            self.assertSaidBy("load", ValueError, [path] + words, nn.load, path)

    def test_scaling_not_fitted_yet_says_so(self):
        X, Y = [[2, 9], [1, 5], [3, 6]], [[92], [86], [89]]
        for settings in ({"target_scaling": 100}, {"target_scaling": "max"},
                         {"input_scaling": 10, "target_scaling": 100}, {"input_scaling": 10}):
            net = nn.Network([2, 3, 1], seed=1, **settings)
            kind = "input" if "input_scaling" in settings else "target"
            words = [kind + "_scaling is not fitted yet", "train the network first"]
            self.assertRaisesMessage(ValueError, ["predict: "] + words, net.predict, [0.5, 0.5])
            self.assertRaisesMessage(ValueError, ["score: "] + words, net.score, X, Y)
            if nn_tools is not None:
                self.assertRaisesMessage(ValueError, ["export_python: "] + words,
                                         net.export_python, self.path("unused.py"))
            if CAN_WRITE:
                path = self.path("unfitted.json")
                net.save(path)
                copy = nn.load(path)
                self.assertRaisesMessage(ValueError, ["predict: "] + words, copy.predict, X)
                self.assertRaisesMessage(ValueError, ["score: "] + words, copy.score, X, Y)
            net.train(X, Y, epochs=2)          # then they apply
            self.assertEqual(len(net.predict(X)), 3)
            self.assertTrue(net.score(X, Y) < 1.0)
        net = nn.Network([2, 1], target_scaling=100, seed=1)
        net.train(X, Y, epochs=1)
        self.assertEqual(net.target_scaler.divisor, [100.0])
        raw = nn.Network.from_weights(net.weights, net.biases)
        self.assertClose(net.predict([2, 9])[0], raw.predict([2, 9])[0] * 100.0)

class Refusing(object):
    "A standard output that is a terminal whose write() and flush() fail."

    def write(self, text):
        raise nn._IOError(5, "Input/output error")

    flush = write

    def isatty(self):
        return True


class AsciiOnly(Capture):
    "A file that takes only ASCII text, as standard output does with LANG=C."

    def write(self, text):
        text.encode("ascii")
        self.parts.append(text)


def child_process(case, args, env=None):
    "Return a subprocess.Popen of this Python running nn.py args, or skip where there is none."
    try:
        import platform
        import subprocess
        kind = platform.python_implementation()
    except (ImportError, AttributeError):
        case.skipTest("no subprocess or platform module here")
    if kind not in ("CPython", "PyPy") or os.name != "posix":
        case.skipTest("processes and their signals are tested on CPython and PyPy")
    script = os.path.join(os.path.dirname(os.path.abspath(nn.__file__)), "nn.py")
    environment = dict(os.environ)
    environment.update(env or {})
    try:
        return subprocess.Popen([sys.executable, script] + args, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=environment)
    except OSError as error:             # Pyodide cannot start one
        case.skipTest("cannot start a process here: %s" % error)


def own_name(name):
    "Return a file name no other interpreter running these tests at once uses."
    return "_nn_test_%d_%s" % (getattr(os, "getpid", lambda: 0)(), name)


class TestEveryHost(Case):
    "No standard output, one that fails or takes only ASCII, huge losses, Ctrl-C twice."

    def test_float_literals_fit_a_32_bit_float(self):
        # Freezing into firmware packs each float literal as a 32-bit float: one beyond its
        # range stops the freezing, and one below its smallest normal number becomes 0.0
        try:
            import ast
        except ImportError:
            self.skipTest("no ast module here")
        checked = 0
        for name in ("nn.py", "nn_fast.py"):
            try:
                text = read(os.path.join(os.path.dirname(os.path.abspath(nn.__file__)), name))
            except (IOError, OSError):       # nn_fast.py not here, or Brython
                continue
            for node in ast.walk(ast.parse(text)):
                value = getattr(node, "n", getattr(node, "value", None))
                if type(value) is float and value:
                    checked += 1
                    self.assertTrue(1.2e-38 <= abs(value) <= 3.4e38, "%s: %r" % (name, value))
        if not checked:
            self.skipTest("nn.py cannot be read here")

    def train_with(self, stdout):
        "Train with progress lines and a progress bar while sys.stdout is stdout."
        net = nn.Network([2, 3, 1], seed=1)
        before = [row[:] for row in net.weights[0]]
        saved = sys.stdout
        try:
            sys.stdout = stdout
        except AttributeError:               # MicroPython: sys.stdout cannot be replaced
            self.skipTest("sys.stdout cannot be replaced on this interpreter")
        try:
            history = net.train([[0, 0], [1, 1]], [[0], [1]], epochs=20, print_every=1,
                                progress=True)
            if nn_tools is not None:         # the summary, the chart and explain print too
                net.summary()
                history.plot()
                net.explain([0, 1], [1])
        finally:
            sys.stdout = saved
        self.assertEqual((len(history), history.stop_reason), (20, "epochs"))
        self.assertTrue(net.weights[0] != before)

    def test_no_standard_output(self):
        self.train_with(None)

    def test_standard_output_that_fails(self):
        self.train_with(Refusing())

    def test_a_file_given_that_fails_is_still_an_error(self):
        needs_tools(self)
        self.assertRaisesMessage(nn.FileError, ["summary", "cannot write"],
                                 nn.Network([2, 3, 1]).summary, Refusing())

    def test_text_an_output_cannot_encode_is_escaped(self):
        needs_tools(self)
        accent = b"\xc3\xa9".decode("utf-8")
        try:
            accent.encode("ascii")
            self.skipTest("text is not encoded on this interpreter")
        except UnicodeError:
            pass
        net = nn.Network([2, 3, 2], seed=1)
        net.train([[0, 0], [1, 1]], ["caf" + accent, "b"], epochs=1)
        out = AsciiOnly()
        net.summary(out)
        self.assertTrue("caf\\xe9" in "".join(out.parts), out.parts)

    def test_demo_checks_out(self):
        for out in (5, "log.txt", [], object()):
            self.assertRaisesMessage(TypeError, ["demo: out", "write()"], nn.demo, out)

def write_lines(path, lines):
    "Write lines of text to a file as UTF-8."
    f = open(path, "wb")
    f.write(("\n".join(lines) + "\n").encode("utf-8"))
    f.close()


def remove(*paths):
    "Remove files that may not be there."
    for path in paths:
        try:
            os.remove(path)
        except OSError:
            pass

def stuck(number, frame):
    "Fail a test that waits too long (a signal handler)."
    raise AssertionError("still waiting after 10 s")


class TestNothingWrittenOrReadAmiss(TempFiles):
    """Saving writes only the file named, the command line never writes over its inputs,
    and reading stops at its limits."""

    def write(self, name, text):
        path = self.path(name)
        f = open(path, "w")
        f.write(text)
        f.close()
        return path

    def writers(self, path):
        "Return a function per writer of nn.py, each writing path."
        net = small_net()
        history = net.train(X2, Y1, epochs=2)
        writers = [lambda: net.save(path), lambda: nn.save_weights(path, net.weights[0])]
        if nn_tools is not None:
            writers += [lambda: net.export_python(path), lambda: net.to_svg(path),
                        lambda: history.to_svg(path)]
        return writers

    def test_links_at_the_temporary_names(self):
        if not (hasattr(os, "symlink") and hasattr(os, "link")) or not hasattr(os, "O_EXCL"):
            self.skipTest("no symbolic and hard links, or no os.open, here")
        victim = self.write("victim.txt", "precious")
        path = self.path("linked.json")
        folders = []
        try:
            for make in (os.symlink, os.link):
                for n in range(3):             # .tmp, then .tmp1 and .tmp2 past folders there
                    names = [path + (".tmp%d" % k if k else ".tmp") for k in range(n + 1)]
                    for name in names[:-1]:
                        os.mkdir(name)
                        folders.append(name)
                    for write in self.writers(path):
                        self.paths.append(names[-1])
                        make(victim, names[-1])
                        write()
                        self.assertEqual(read(victim), "precious")
                        self.assertTrue(names[-1] not in os.listdir("."))
                    while folders:
                        os.rmdir(folders.pop())
        finally:
            for name in folders:
                os.rmdir(name)
        if nn_tools is not None:
            self.assertEqual(read(path)[:5], "<?xml")      # what the last one wrote

    def test_a_pipe_at_the_temporary_name(self):
        if not hasattr(os, "mkfifo"):
            self.skipTest("no os.mkfifo here")
        path = self.path("piped.json")
        self.paths.append(path + ".tmp")
        os.mkfifo(path + ".tmp")
        try:                                   # the old save waited for a reader for ever
            import signal
            signal.signal(signal.SIGALRM, stuck)
            signal.alarm(10)
        except (ImportError, AttributeError, ValueError):
            signal = None
        try:
            small_net().save(path)
        finally:
            if signal is not None:
                signal.alarm(0)
        self.assertEqual(nn.load(path).sizes, [2, 3, 1])

    def test_permission_bits_are_kept(self):
        if not hasattr(os, "chmod"):
            self.skipTest("no os.chmod here")
        path = self.path("private.json")
        small_net().save(path)
        for bits in (0o600, 0o640, 0o604):
            os.chmod(path, bits)
            if os.stat(path)[0] & 0o777 != bits:
                self.skipTest("permission bits are not kept by this file system")
            small_classifier().save(path)
            self.assertEqual(os.stat(path)[0] & 0o777, bits)
            self.assertEqual(nn.load(path).classes, ["a", "b"])

    def test_a_failed_save_leaves_the_old_file_and_nothing_else(self):
        path = self.path("kept.json")
        small_net().save(path)
        before = read(path)
        real_os = nn.os

        class RenameFails(object):
            "os whose rename and replace fail, as on a full or read-only disk."

            def fail(self, source, target):
                raise OSError(30, "Read-only file system")

            def __getattr__(self, name):
                if name in ("replace", "rename"):
                    return self.fail
                return getattr(real_os, name)

        for write in self.writers(path):
            nn.os = RenameFails()
            try:
                self.assertRaisesMessage(nn.FileError, ["Read-only"], write)
            finally:
                nn.os = real_os
            self.assertEqual(read(path), before)
            self.assertEqual([p for p in os.listdir(".") if p.startswith(path + ".tmp")], [])

    def test_outputs_that_are_inputs(self):
        needs_tools(self)                           # the command line
        data = self.write("data.csv", "a,b,y\n" + "".join(["%d,%d,%d\n" % (i % 3, i % 5, i % 2)
                                                            for i in range(30)]))
        before = read(data)
        model = self.path("model.json")
        cases = [(["--out", data], ["--out", "data file"]),
                 (["--out", model, "--plot", model], ["--plot", "--out file"]),
                 (["--out", ""], ["--out", "cannot name a file"]),
                 (["--out", "."], ["folder"]),
                 (["--out", "no_such_folder/model.json"], ["cannot write"])]
        tmp = self.write("data.tmp", before)              # nn.py writes model.tmp first
        cases.append((["--out", tmp[:-4]], ["written first", tmp, "data file"]))
        if hasattr(os, "symlink"):
            os.symlink(data, self.path("data_link.csv"))
            cases.append((["--out", self.path("data_link.csv")], ["data file"]))
            cases.append((["--out", model, "--plot", self.path("data_link.csv")], ["data file"]))
        if hasattr(os, "link"):
            os.link(data, self.path("data_hard.csv"))
            cases.append((["--out", self.path("data_hard.csv")], ["data file"]))
        train = nn.Network.train

        def trained(*args, **kwargs):
            raise AssertionError("trained before the outputs were checked")

        nn.Network.train = trained
        try:
            for options, words in cases:
                source = tmp if "written first" in words else data
                check_mistake(self, ["train", source, "--epochs", "10000000"] + options,
                              ["train"] + words)
                self.assertEqual((read(data), read(tmp)), (before, before))
                self.assertTrue(model not in os.listdir("."))
        finally:
            nn.Network.train = train
        run_main(self, ["train", data, "--epochs", "2", "--out", model])
        check_mistake(self, ["draw", model, model], ["draw", "model"])
        self.assertEqual(nn.load(model).sizes[0], 2)

    def test_endless_input(self):
        if nn._os("stat", "/dev/zero") is None:
            self.skipTest("no /dev/zero here")
        import time
        started = time.time()
        self.assertRaisesMessage(nn.FileError, ["load", "/dev/zero"], nn.load, "/dev/zero")
        if nn_tools is None:
            return
        self.assertRaisesMessage(nn.FileError, ["read_csv", "/dev/zero", "regular"],
                                 nn_tools.read_csv, "/dev/zero")
        f = open("/dev/zero", "rb")             # an open file never ends either
        try:
            self.assertRaisesMessage(nn.FileError, ["read_csv", "line of more than"],
                                     nn_tools.read_csv, f)
        finally:
            f.close()
        model = self.path("zero.json")
        small_net().save(model)
        check_mistake(self, ["predict", model, "/dev/zero"], ["/dev/zero", "regular"])
        check_mistake(self, ["train", "/dev/zero"], ["/dev/zero", "regular"])
        self.assertTrue(time.time() - started < 5.0)

    def test_limits(self):
        readers = [nn.load, nn.load_weights]
        if nn_tools is not None:
            long_line = self.write("long.csv", "a,b\n1," + "2" * nn_tools._MAX_LINE_BYTES + "\n")
            self.assertRaisesMessage(nn.FileError, ["read_csv", "line of more than"],
                                     nn_tools.read_csv, long_line)
            readers.append(nn_tools.read_csv)
        saved = nn._MAX_FILE_BYTES, nn._MAX_PARAMETERS
        try:
            nn._MAX_FILE_BYTES = 1000
            data = self.write("big.csv", "a,b\n" + "1,2\n" * 300)      # 1204 bytes
            for function in readers:
                self.assertRaisesMessage(nn.FileError, ["bytes"], function, data)
            nn._MAX_FILE_BYTES, nn._MAX_PARAMETERS = saved[0], 100
            if nn_tools is not None:
                self.assertRaisesMessage(ValueError, ["read_csv", "lines and values"],
                                         nn_tools.read_csv, data)
                self.assertRaisesMessage(ValueError, ["read_csv", "lines and values"],
                                         nn_tools.read_csv,
                                         self.write("blank.csv", "a,b\n1,2\n" + "\n" * 200))
                self.assertEqual(len(nn_tools.read_csv(["a,b"] + ["1,2"] * 30)[0]), 30)
            weights = self.write("w.txt", "1 2\n" * 60)
            self.assertRaisesMessage(nn.FileError, ["load_weights", "numbers"], nn.load_weights,
                                     weights)
            values = "[" + "0, " * 300 + "0]"
            counted = nn._IMPLEMENTATION != "micropython"      # its parser copes: not counted
            self.assertRaisesMessage(nn.FileError, ["load", "values" if counted else "format"],
                                     nn.load, self.write("many.json", '{"comment": %s}' % values))
            error = self.assertRaisesMessage(nn.FileError, ["load"], nn.load, self.write(
                "text.json", '{"comment": "%s"}' % values))        # commas in a string
            self.assertTrue("values" not in str(error), error)
        finally:
            nn._MAX_FILE_BYTES, nn._MAX_PARAMETERS = saved

def exact_log1p_exp(exponents):
    """Return log(1 + sum of e^t over exponents), with decimal to 40 digits, as a float.

    Skips the test where there is no decimal module (MicroPython).
    """
    try:
        import decimal
    except ImportError:
        raise unittest.SkipTest("no decimal module here to compute the exact losses")
    context = decimal.Context(prec=40)
    s = decimal.Decimal(0)
    for t in exponents:
        s = context.add(s, context.exp(decimal.Decimal(t)))
    if s > decimal.Decimal("1e-20"):                 # 1 + s keeps 20 digits of s at least
        return float(context.ln(context.add(s, 1)))
    return float(context.subtract(s, context.multiply(s, s) / 2))     # s^3/3 is below 1e-40 s


# z from 1 to 700: every one up to 60, where the loss leaves the digits of 1 + loss, then
# every 13th, and 700; training runs on every path for some of those
EDGE_Z = list(range(1, 61)) + list(range(61, 700, 13)) + [700]


def relu_nets():
    "Return networks whose finite weights make inf - inf in a relu or leaky_relu unit."
    nets = []
    for name in ("relu", "leaky_relu"):
        nets.append(nn.Network.from_weights([[[1e300, 1e300]], [[2e10], [-1e10]]], None,
                                            activation="linear", output_activation=name,
                                            loss="mse"))
        nets.append(nn.Network.from_weights([[[1e300, 1e300]], [[2e10], [-1e10]], [[1.0]]],
                                            None, activation=name, output_activation="linear",
                                            loss="mse"))
    return nets


def paths(train):
    """Return [train(watch)] on every path of training, watch a time limit or None.

    The paths: the general kernels, one compiled epoch at a time (a clock to
    watch) and compiled chunks of epochs (nothing to watch).
    """
    saved = nn.compiled
    runs = []
    try:
        for compiled, watch in ((False, None), (True, 1e9), (True, None)):
            nn.compiled = compiled
            runs.append(train(watch))
    finally:
        nn.compiled = saved
    return runs


class TestNumbersAtTheEdges(Case):
    "NaN that a relu would hide is an error everywhere; small cross-entropies keep their digits."

    def test_progress_prints_every_float(self):
        # the loss in a progress line can be any float: 10.0 ** -320 is 0.0, and was divided by
        for x, text in ((1e-310, "1e-310"), (5e-324, "4.94066e-324"), (-2.5e-320, "-2.49997e-320"),
                        (1.7976931348623157e308, "1.79769e+308"), (1.234567e-05, "1.23457e-05"),
                        (0.5, "0.5")):
            self.assertEqual(nn._fmt(x), text)

    def test_nan_in_a_relu_unit_is_an_error(self):
        for net in relu_nets():
            what = "%s/%s" % (net.activation, net.output_activation)
            self.assertRaisesMessage(ValueError, ["predict", "not finite"], net.predict, [1.0])
            self.assertRaisesMessage(ValueError, ["feedforward", "not finite"], net.feedforward,
                                     [1.0])
            self.assertRaisesMessage(ValueError, ["cost", "not a number"], net.cost, [[1.0]],
                                     [[1.0]])
            self.assertRaisesMessage(ValueError, ["gradients", "not finite"], net.gradients,
                                     [[1.0]], [[1.0]])
            if nn_tools is not None:
                self.assertRaisesMessage(ValueError, ["explain", "finite"], printed, net.explain,
                                         [1.0], [1.0])
                self.assertRaisesMessage(ValueError, ["predict", "not finite"],
                                         exported(net)["predict"], [1.0])
            weights = [[r[:] for r in W] for W in net.weights]

            def train(watch):
                again = nn.Network.from_weights(weights, None, activation=net.activation,
                                                output_activation=net.output_activation,
                                                loss="mse")
                error = self.assertRaisesMessage(nn.DivergedError,
                                                 ["in epoch 0", "start of epoch 0"],
                                                 again.train, [[1.0]], [[1.0]], epochs=5,
                                                 learning_rate=0.1, time_limit=watch)
                return again.weights, list(error.history)
            self.assertEqual(paths(train), [(weights, [])] * 3, what)

    def test_relu_training_that_overflows_is_diverged(self):
        # the weights grow to 1e207 and inf - inf reaches the relu output: without the
        # error, training went on with a flat loss of 2.62 and predicted 0.0 for every row
        X, Y = [[1.0, -1.0], [2.0, 0.5], [-1.0, 1.5]], [[1.0], [2.0], [0.5]]
        for name in ("relu", "leaky_relu"):
            def train(watch):
                net = nn.Network([2, 3, 1], activation="linear", output_activation=name,
                                 loss="sse", bias=False, seed=0)
                error = self.assertRaisesMessage(nn.DivergedError, ["train", "in epoch", "keeps"],
                                                 net.train, X, Y, epochs=30, learning_rate=1,
                                                 time_limit=watch)
                for W in net.weights:
                    for row in W:
                        for w in row:
                            self.assertTrue(nn._finite(w))
                return net.weights, list(error.history), str(error)
            runs = paths(train)         # the same epoch; the numbers as close as paths get
            for weights, history, message in runs[1:]:
                self.assertClose(weights, runs[0][0], 1e-9, 0.0, name + " weights")
                self.assertClose(history, runs[0][1], 1e-9, 0.0, name + " losses")
                self.assertEqual(message, runs[0][2])

    def check_loss(self, make, x, y, exact, what):
        "Check cost, explain and one epoch's loss on every path against the exact loss."
        net = make()
        self.assertClose(net.cost([x], [y]), exact, 1e-12, 0.0, what + " cost")
        if nn_tools is not None:
            text = printed(net.explain, x, y, digits=17)
            self.assertClose(numbers_after(text, "C = ")[0], exact, 1e-12, 0.0, what + " explain")
        losses = []
        for rows, batch in ((1, None), (2, 1)):     # the rows written out, and a loop over rows
            def train(watch):
                return list(make().train([x] * rows, [y] * rows, epochs=1, learning_rate=1e-300,
                                         batch_size=batch, shuffle=False, time_limit=watch))
            losses += paths(train)
        for loss in losses:
            self.assertEqual(loss, losses[0], what + " paths")
        self.assertClose(losses[0][0], exact, 1e-12, 0.0, what + " history")

    def test_binary_crossentropy_keeps_small_losses(self):
        make = lambda z: lambda: nn.Network.from_weights([[[z]]], None,
                                                         output_activation="sigmoid",
                                                         loss="binary_crossentropy")
        for count, z in enumerate(EDGE_Z):
            exact = exact_log1p_exp([-z])              # -log(sigmoid(z))
            z = float(z)
            self.assertClose(make(z)().cost([[1.0]], [[1.0]]), exact, 1e-12, 0.0, "cost %r" % z)
            self.assertClose(make(-z)().cost([[1.0]], [[0.0]]), exact, 1e-12, 0.0, "y 0, %r" % z)
            if count % 4 == 0 or z == 700:
                self.check_loss(make(z), [1.0], [1.0], exact, "bce %r" % z)
        self.assertClose(make(20.0)().cost([[1.0]], [[1.0]]), 2.0611536203046213e-09, 1e-15)

    def test_cross_entropy_keeps_small_losses(self):
        make = lambda *z: lambda: nn.Network.from_weights([[list(z)]], None,
                                                          output_activation="softmax",
                                                          loss="cross_entropy")
        for count, m in enumerate(EDGE_Z):
            m = float(m)
            cases = [((m, 0.0), [1.0, 0.0], [-m]),                 # the target is the largest z
                     ((0.0, m), [1.0, 0.0], [m]),                  # and the smallest
                     ((m, m, 0.0), [0.0, 1.0, 0.0], [0.0, -m]),    # a tie for the largest
                     ((m, 0.0, -m), [1.0, 0.0, 0.0], [-m, -2.0 * m])]
            for z, y, exponents in cases:
                exact = exact_log1p_exp(exponents)
                what = "cross_entropy z %r, y %r" % (z, y)
                self.assertClose(make(*z)().cost([[1.0]], [y]), exact, 1e-12, 0.0, what)
                if count % 10 == 0 or m == 700:
                    self.check_loss(make(*z), [1.0], y, exact, what)

class TestToolsMissing(Case):
    "Without nn_tools.py, what needs it raises ImportError naming the file to put beside nn.py."

    def test_each_method_names_the_file(self):
        net = nn.Network([2, 2, 1], seed=1)
        history = net.train([[0, 1]], [[1]], epochs=2)
        calls = [("explain", lambda: net.explain([0, 1], [1])), ("to_svg", net.to_svg),
                 ("export_python", lambda: net.export_python("_nn_unused.py")),
                 ("plot", history.plot), ("to_svg", history.to_svg), ("summary", net.summary)]
        saved = sys.modules.get("nn_tools")
        sys.modules["nn_tools"] = None          # import nn_tools now raises ImportError
        refused = False
        try:
            try:
                __import__("nn_tools")
            except ImportError:
                refused = True
            if refused:
                for who, call in calls:
                    self.assertRaisesMessage(ImportError, [who, "needs nn_tools.py",
                                                           "beside nn.py"], call)
                if CAN_CAPTURE:
                    check_mistake(self, ["train", "data.csv"], ["nn_tools.py", "beside nn.py"])
        finally:
            if saved is None:
                del sys.modules["nn_tools"]
            else:
                sys.modules["nn_tools"] = saved
        if not refused:
            self.skipTest("an import here gives None from sys.modules instead of refusing")


class TestToolsAtTheEdges(ToolsCase):
    "nn_tools at the edges: huge numbers, NaN, text beyond ASCII, exported modules."

    def test_command_line_r2_is_score(self):
        rng = Random(3)
        X = rng.matrix(70, 2, -1.0, 1.0)
        y = [10.0 * x[0] * x[1] + 1.0 for x in X]
        net = nn.Network.from_weights([[[1.0], [-0.5]]], [[0.25]], output_activation="linear",
                                      loss="mse")
        self.assertEqual(nn_tools._score(net, X, y), net.score(X, y))

    def test_unprintable_messages(self):
        word = b"caf\xc3\xa9".decode("utf-8")     # unicode on Python 2, where str() fails on it
        self.assertEqual(nn_tools._text_of(ValueError(word)), word)
        self.assertEqual(nn_tools._text_of(ValueError("plain")), "plain")

    def test_huge_numbers_in_pictures(self):
        svg = nn.Network.from_weights([[[1e308, -1e308]]]).to_svg()
        self.assertTrue('stroke-width="6.0"' in svg, svg)          # the widest line, twice
        for losses in ([1e308] * 3, [1e308, 0.0], [1.7e308, 1e-300]):
            self.assertTrue(nn.History(losses).to_svg().endswith("</svg>\n"))

    def test_huge_losses_are_refused_by_name(self):
        for value in (10 ** 400, -10 ** 400, float("inf"), -float("inf"), float("nan")):
            history = nn.History([1.0, value])
            self.assertRaisesMessage(ValueError, ["plot", "epoch 1", "not a finite number"],
                                     history.plot)
            self.assertRaisesMessage(ValueError, ["to_svg", "epoch 1", "not a finite number"],
                                     history.to_svg)
            history = nn.History([1.0, 2.0])
            history.history = {"loss": history, "val_loss": [value, 1.0]}
            self.assertRaisesMessage(ValueError, ["plot", "val_loss of epoch 0"], history.plot,
                                     file=Capture())
        history = nn.History([1.0, 10 ** 308, 1.7e308])     # large, but floats: drawn
        out = Capture()
        history.plot(file=out)
        self.assertTrue("1.7e+308" in "".join(out.parts))
        self.assertTrue(history.to_svg().startswith("<?xml"))

    def test_messages_with_names_beyond_ascii_print(self):
        accent = b"\xc3\xa9".decode("utf-8")
        calls = [(nn_tools.read_csv, ["/no/such/folder/" + accent + ".csv"]),
                 (nn_tools.read_csv, [["a," + accent, "1,x"]]),
                 (nn_tools.read_csv, [["a," + accent + "," + accent, "1,2,3"]]),
                 (nn_tools.read_csv, [["a,b", "1,2"], accent]),
                 (nn_tools.read_csv, [["a," + accent, "1,2"], accent, [accent]])]
        for f, args in calls:
            error = self.assertRaisesMessage(ValueError, ["read_csv: "], f, *args)
            self.assertTrue(str(error).count("\n") == 0)

    def test_exported_modules_refuse_what_predict_refuses(self):
        rng = Random(3)
        X = rng.matrix(8, 2, -1.0, 1.0)
        nets = relu_nets()
        for activation, output, targets in (("tanh", "linear", [[x[0] - x[1]] for x in X]),
                                            ("relu", "softmax", ["a", "b"] * 4),
                                            ("sigmoid", "sigmoid", [0, 1] * 4)):
            net = nn.Network([2, 3, 2 if output == "softmax" else 1], activation=activation,
                             output_activation=output, seed=4, input_scaling="standard")
            net.train(X, targets, epochs=3)
            nets.append(net)
        for net in nets:
            predict = exported(net)["predict"]
            width = net.sizes[0]
            for bad in (NAN, INF, -INF):
                for i in range(width):
                    row = [0.5] * width
                    row[i] = bad
                    self.assertRaisesMessage(ValueError, ["predict"], net.predict, row)
                    self.assertRaisesMessage(ValueError, ["predict", "NaN or infinity"], predict,
                                             row)
                    self.assertRaisesMessage(ValueError, ["predict"], predict, [[0.1] * width, row])
        module = exported(nets[-3])                     # tanh hidden: _exp and _tanh
        for x in (NAN, INF, -INF, 800.0, -800.0, 0.3):
            for name in ("_exp", "_tanh"):
                a, b = module[name](x), getattr(nn, name)(x)
                self.assertTrue(a == b or (a != a and b != b), "%s(%r)" % (name, x))
        text = nn_tools._export_source(nets[-3])          # nn.py's own lines, comments and all
        self.assertTrue(text.count("def _exp(") == text.count("def _tanh(") == 1)
        with open(nn.__file__.replace(".pyc", ".py")) as source:
            source = source.read()
        self.assertTrue(text[text.index("_LN2_HI = "):text.index("\n\n\ndef _activate")] in source)
        for net in nets:                                # and each activation in nn.py's words
            text = nn_tools._export_source(net)
            lines = text[text.index("def _activate("):text.index("def _refuse(")].split("\n")
            bodies = [line.split("return ")[1] for line in lines if "return [" in line]
            self.assertTrue(bodies)
            for body in bodies:
                self.assertTrue(body.replace("_exp(", "exp(").replace("_tanh(", "th(") in source)
            if "softmax" in net._activations():
                self.assertTrue(text[text.index("def _softmax("):text.index("\n\n\ndef _activate")]
                                in source)
        saved = nn.__file__
        try:                                            # an nn.mpy has no text to copy
            nn.__file__ = "nn.mpy"
            self.assertRaisesMessage(ImportError, ["export_python", "nn.mpy", "put nn.py"],
                                     nn_tools._export_source, nets[-3])
        finally:
            nn.__file__ = saved


class TestToolsCommandLineProcesses(ToolsCase):
    "python3 nn.py train in a child process: an ASCII-only output, Ctrl-C twice."

    def test_command_line_with_an_ascii_only_output(self):
        if not CAN_WRITE:
            self.skipTest("this interpreter cannot write files")
        data, model = own_name("ascii.csv"), own_name("ascii.json")
        write_lines(data, ["x1,x2,r" + b"\xc3\xa9".decode("utf-8") + "sultat", "0,0,0",
                           "0,1,1", "1,0,1", "1,1,2"])
        try:
            process = child_process(self, ["train", data, "--out", model, "--epochs", "3"],
                                    {"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
            out, err = process.communicate()
            self.assertEqual(process.returncode, 0, err)
            self.assertTrue(b"target r\\xe9sultat" in out, out)
            self.assertEqual(nn.load(model).target_name, b"r\xc3\xa9sultat".decode("utf-8"))
        finally:
            remove(data, model)

    def test_ctrl_c_twice(self):
        if not CAN_WRITE:
            self.skipTest("this interpreter cannot write files")
        try:
            import signal
            import time
        except ImportError:
            self.skipTest("no signal module here")
        data, model = own_name("twice.csv"), own_name("twice.json")
        write_lines(data, ["a,b,c"] + ["%d,%d,%d" % (i % 2, i % 3, i % 5) for i in range(40)])
        try:
            for gap in (0.0, 0.01, 0.05):
                remove(model)
                process = child_process(self, ["train", data, "--out", model, "--epochs",
                                               "1000000", "--batch-size", "1", "--time-limit",
                                               "30", "--print-every", "1"])
                while process.stdout.readline()[:6] not in (b"epoch ", b""):
                    pass                     # an epoch is done, however slow the first one
                process.send_signal(signal.SIGINT)
                time.sleep(gap)
                process.send_signal(signal.SIGINT)
                out, err = process.communicate()
                self.assertEqual(process.returncode, 130, err)
                self.assertTrue(b"saved" in err, err)
                self.assertEqual(nn.load(model).sizes, [2, 16, 5])
        finally:
            remove(data, model)


# --------------------------------------------------------------------------
# The documentation runs: README examples and docstrings, as doctests
# --------------------------------------------------------------------------

def python_blocks(text):
    "Return (line number, source) of every ```python block of a Markdown text."
    blocks, start = [], None
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if start is None and line.strip() == "```python":
            start = number + 1
        elif start is not None and line.strip() == "```":
            blocks.append((start, "\n".join(lines[start:number]) + "\n"))
            start = None
    return blocks


def uses_tools(source):
    "Return True when example code calls what nn_tools.py gives, which is not there."
    return nn_tools is None and [call for call in ("nn_tools", ".explain(", ".to_svg(", ".plot(",
                                                    ".export_python(", "nn.py train")
                                 if call in source] != []


class TestDocumentation(Case):
    "Every example in README.md and in the docstrings of nn.py and nn_tools.py runs as shown."

    def doctest(self):
        "Return the doctest module, or skip (MicroPython's unittest cannot skip in setUp)."
        try:
            import doctest
        except ImportError:
            self.skipTest("no doctest module here (MicroPython): the examples run elsewhere")
        return doctest

    def run_examples(self, test):
        "Run one doctest, failing with doctest's own report if an example prints otherwise."
        report = []
        runner = self.doctest().DocTestRunner(verbose=False)
        failed, attempted = runner.run(test, out=report.append, clear_globs=False)
        self.assertEqual(failed, 0, "".join(report))
        return attempted

    def test_readme(self):
        try:
            text = read("README.md")
        except (IOError, OSError):
            self.skipTest("README.md cannot be read here (Brython reads only modules)")
        parser = self.doctest().DocTestParser()
        blocks = python_blocks(text)
        self.assertTrue(len(blocks) >= 2)
        names = {"__name__": "README"}        # one session: later blocks use earlier names
        for start, source in blocks:
            if uses_tools(source):
                continue
            test = parser.get_doctest(source, names, "README.md, the block at line %d" % start,
                                      "README.md", start)
            self.assertTrue(test.examples, "README.md, line %d: a python block with no >>> "
                            "examples, which nothing would check" % start)
            self.run_examples(test)
            names.update(test.globs)

    def test_readme_names(self):
        try:
            text = read("README.md")
        except (IOError, OSError):
            self.skipTest("README.md cannot be read here (Brython reads only modules)")
        net = nn.Network([2, 2, 1], seed=1)
        owners = {"nn": nn, "nn_tools": nn_tools, "Network": nn.Network, "SGD": nn.SGD, "Adam": nn.Adam, "net": net,
                  "history": net.train([[0, 1]], [[1]], epochs=1)}
        prose = "\n".join([block for i, block in enumerate(text.split("```")) if i % 2 == 0])
        checked = 0
        for span in prose.split("`")[1::2]:         # the text between backticks
            path = ""
            for c in span:
                if not (c.isalpha() or c.isdigit() or c in "_."):
                    break
                path += c
            parts = path.strip(".").split(".")
            if path.endswith(".py") or path.endswith(".mpy"):     # a file name
                continue
            if uses_tools(span + "("):
                continue
            if parts[0] in owners:
                thing, parts = owners[parts[0]], parts[1:]
            elif path.startswith("_") and not path.startswith("__"):   # not the tutorials' names
                thing = nn if hasattr(nn, parts[0]) else nn.Network
            else:
                continue
            for part in parts:
                self.assertTrue(hasattr(thing, part), "README.md names %r: no %s" % (span, part))
                thing = getattr(thing, part)
            checked += 1
        self.assertTrue(checked > 20)

    def test_docstrings(self):
        count = 0
        for module in (nn, nn_tools):
            if module is None:          # no nn_tools.py: its examples are not here to run
                continue
            for test in self.doctest().DocTestFinder().find(module, module.__name__):
                if not uses_tools("".join([example.source for example in test.examples])):
                    count += self.run_examples(test)
        self.assertTrue(count > 0)


# --------------------------------------------------------------------------
# The tests that train, run again through nn.py's own loop (nn.compiled False),
# as CPython's test_heapq runs again without _heapq
# --------------------------------------------------------------------------

def without_nn_fast(case):
    "Return a subclass of the TestCase case whose tests train with nn.compiled False."
    up, down = getattr(case, "setUp", None), getattr(case, "tearDown", None)

    def setUp(self):
        if up:                  # MicroPython's unittest has no TestCase.setUp
            up(self)
        nn.compiled = False

    def tearDown(self):
        nn.compiled = True
        if down:
            down(self)
    return type(case.__name__ + "WithoutNnFast", (case,), {"setUp": setUp, "tearDown": tearDown})


if nn_fast:
    for _case in (TestTraining, TestClassification, TestTrainingControls, TestSaveLoad, TestDemo,
                  TestAgreesWithScikitLearn, TestNumbersAtTheEdges, TestDocumentation):
        globals()[_case.__name__ + "WithoutNnFast"] = without_nn_fast(_case)

if __name__ == "__main__":
    for _name in ("nn_fast", "nn_tools"):
        if globals()[_name] is None:
            sys.stdout.write("test_nn.py: no %s.py beside nn.py: the tests that need it skip\n"
                             % _name)
    result = unittest.main()
    sys.exit(0 if result.wasSuccessful() else 1)
