"""nn_fast.py: nn.py's training epochs written out as straight-line Python for one shape.

Put it beside nn.py, which uses it when it can import it, as bisect uses
_bisect: the same arithmetic in the same order, so the same numbers, only
faster for small networks.
"""

import math  # exp, tanh, log, sqrt for the compiled code

import nn
from nn import (Adam, SGD, _BIG, _IMPLEMENTATION, _TrainingLoop, _dot, _finite, _log1p,
               _transpose)

# In a small network the arithmetic is cheap and Python's overhead is not: every
# dot() call, list and zip costs more than the handful of products it serves. So
# nn_fast writes a whole epoch out as Python source, a line for each unit's sum and
# each weight's gradient, every weight and gradient a local variable, compiles it
# once per shape and trains with it. It is the arithmetic of nn.py's kernels in the
# same order, so the numbers agree to about 1e-15 (nn.py's dot may be sumprod,
# whose extended precision moves the last bits). Where compile or exec is missing
# or fails, nn.py's loop runs instead. export_python (nn_tools.py) uses the same
# forward pass with the weights written as numbers and nn.py's own exp and tanh.

# Up to this many weights and biases the straight-line epoch beats the general
# kernels everywhere it was measured (3 epochs of 256 rows in batches of 32): 2 to
# 3.6 times faster at 49 parameters, 1.1 to 2.2 at 212. At 340 the kernels catch
# up on CPython 3.12 (math.sumprod), and PyPy's JIT gives up on a loop body that
# long. On CPython before 3.12 it stays ahead far longer: 1.5 times faster at 2,410
# parameters (64-32-10), 1.3 at 3,152. Compiling costs about 40 us per parameter.
_STRAIGHT_LINE_LIMIT = 250
if _IMPLEMENTATION == "cpython" and _dot is not getattr(math, "sumprod", None):
    _STRAIGHT_LINE_LIMIT = 3200
_SUM_CHUNK = 16                  # terms per line: long sums nest too deep for some compilers
# Full-batch training on rows x parameters up to this many writes each row's code out
# in turn (tutorial 1: 4 x 37): 10% faster than the loop over rows on CPython, which
# spends a quarter of its time adding each row's products to the gradients. (Not on
# MicroPython, where compiling that much text needs more than a 2 MiB heap.)
_UNROLLED_LIMIT = 0 if _IMPLEMENTATION == "micropython" else 1000
# Training with nothing to watch between epochs runs chunks of epochs in one call, of
# about this many multiplications (a few milliseconds), so Ctrl-C loses little. Not on
# MicroPython, where each chunk's lists of losses and metrics would take a board's heap.
_CHUNK_WORK = 0 if _IMPLEMENTATION == "micropython" else 200000


def _sum_source(target, terms, first=None):
    """Return lines that set target to first + terms[0] + terms[1] + ..., added left to right.

    The sum is split into lines of _SUM_CHUNK terms without changing its order.
    """
    lines = []
    for s in range(0, len(terms), _SUM_CHUNK):
        head = [target] if s else ([first] if first else [])
        lines.append("%s = %s" % (target, " + ".join(head + terms[s:s + _SUM_CHUNK])))
    return lines


def _unit_source(name, z, a, exp, th):
    "Return the line a = f(z) for the activation called name, as _activate writes it."
    if name == "sigmoid":
        return "%s = 1.0 / (1.0 + %s(-%s)) if %s > -36.0 else %s(%s)" % (a, exp, z, z, exp, z)
    if name == "tanh":
        return "%s = %s(%s)" % (a, th, z)
    if name == "relu":
        return "%s = 0.0 if %s <= 0.0 else %s" % (a, z, z)
    if name == "leaky_relu":
        return "%s = %s if %s > 0.0 else 0.01 * %s" % (a, z, z, z)
    return "%s = %s" % (a, z)


def _forward_source(sizes, names, weight, bias, portable, row=""):
    """Return the lines of the forward pass for one row, from a0_i to the outputs.

    a{k}_{i} is the output of unit i of layer k (layer 0 is the input) and
    z{L}_{j} the weighted sum of output unit j. weight(k, i, j) and bias(k, j)
    give the text of a weight and a bias: a name or a number; bias is None
    without biases. portable=True sums from 0.0 and calls _exp and _tanh, as
    predict() does; otherwise it is training's arithmetic, with exp and tanh.
    row is put after the name of every activation.
    """
    exp, th = ("_exp", "_tanh") if portable else ("exp", "tanh")
    L = len(sizes) - 1
    lines = []
    for k in range(L):
        last = k == L - 1
        for j in range(sizes[k + 1]):
            terms = ["a%d_%d%s * %s" % (k, i, row, weight(k, i, j)) for i in range(sizes[k])]
            if bias:
                terms.append(bias(k, j))
            z = "z%d_%d" % (L, j) if last else "z"
            lines += _sum_source(z, terms, "0.0" if portable else None)
            if names[k] != "softmax":
                lines.append(_unit_source(names[k], z, "a%d_%d%s" % (k + 1, j, row), exp, th))
        if names[k] == "softmax":          # as softmax(): e = exp(z - max z), over their sum
            Z = ["z%d_%d" % (L, j) for j in range(sizes[L])]
            lines.append("top = max(%s)" % ", ".join(Z) if len(Z) > 1 else "top = " + Z[0])
            lines += ["e%d = %s(%s - top)" % (j, exp, z) for j, z in enumerate(Z)]
            lines += _sum_source("esum", ["e%d" % j for j in range(len(Z))], "0.0")
            lines += ["a%d_%d%s = e%d / esum" % (L, j, row, j) for j in range(len(Z))]
    return lines


def _best_class_source(values, target):
    "Return lines that set target to the index _best_class picks from the named values."
    if len(values) == 1:
        return ["%s = 1 if %s >= 0.5 else 0" % (target, values[0])]
    lines = ["%s, best = 0, %s" % (target, values[0])]
    for j in range(1, len(values)):
        lines.append("if %s > best:" % values[j])
        lines.append("    %s, best = %d, %s" % (target, j, values[j]))
    return lines


def _parameter_names(sizes, bias):
    "Return the names of the weights and biases, in the order of the flat state tuple."
    names = []
    for k in range(len(sizes) - 1):
        names += ["w%d_%d_%d" % (k, i, j) for j in range(sizes[k + 1]) for i in range(sizes[k])]
        if bias:
            names += ["b%d_%d" % (k, j) for j in range(sizes[k + 1])]
    return names


def _update_source(p, rule):
    "Return the lines of one step of the update rule for parameter p, whose gradient is gp."
    decay = " + wd * %s" % p if p[0] == "w" and rule != "sgd" else ""
    if rule in ("sgd", "decay"):                      # as SGD.step, term for term
        return ["%s = %s - lr * (g%s%s)" % (p, p, p, decay)]
    if rule == "momentum":
        return ["v%s = mu * v%s - lr * (g%s%s)" % (p, p, p, decay),
                "%s = %s + v%s" % (p, p, p)]
    return ["g = g%s%s" % (p, decay),                 # adam, as Adam.step
            "m%s = b1 * m%s + (1.0 - b1) * g" % (p, p),
            "s%s = b2 * s%s + (1.0 - b2) * g * g" % (p, p),
            "%s = %s - lr_t * m%s / (sqrt(s%s) + eps_hat)" % (p, p, p, p)]


def _memory_names(parameters, rule):
    "Return the names of the update rule's running values, in the order of its tuple."
    if rule == "momentum":
        return ["v" + p for p in parameters]
    if rule == "adam":
        return ["m" + p for p in parameters] + ["s" + p for p in parameters] + ["t"]
    return []


def _epoch_source(sizes, names, loss, bias, classify, rule, rows=None):
    """Return the source of epochs(state, memory, data, order, batch, settings, epochs, divisor,
    big), straight-line.

    Each epoch does what _TrainingLoop.epoch does with the kernels of nn.py for
    a network of this shape, activations (names), loss and update rule. It runs
    up to that many epochs, the rows in the given order, and returns (state,
    memory, losses, metrics, done): the loss (the summed loss over divisor) and
    the summed metric of each epoch, and how many ran; it stops after an epoch
    whose loss is beyond +-big (infinite or NaN). state holds the weights and
    biases in the order of _parameter_names, memory the update rule's values,
    data a tuple of inputs and targets per row.

    rows=n, for full-batch training on n rows, writes the code of each row out in
    turn instead of a loop over the rows: each gradient is then one sum over the
    rows, in the same order.
    """
    L = len(sizes) - 1
    k_out = sizes[L]
    parameters = _parameter_names(sizes, bias)
    memory = _memory_names(parameters, rule)
    # "@" stands for the row: nothing in the loop over rows, _r0, _r1, ... when written out
    outputs = ["a%d_%d@" % (L, j) for j in range(k_out)]
    targets = ["y%d@" % j for j in range(k_out)]
    squares = loss in ("sse", "mse") or not classify
    # the metric: hits, or the summed squared errors of each output column (se_j a batch's)
    metric = ["hits"] if classify else ["hits%d" % j for j in range(k_out)]
    columns = [] if classify or k_out == 1 else ["se%d" % j for j in range(k_out)]
    body = ["n = len(data)", "lr, mu, wd, b1, b2, eps = settings"]
    if memory:
        body.append("%s, = memory" % ", ".join(memory))
    body.append("%s, = state" % ", ".join(parameters))
    batch = ["rows = data[start:start + batch] if order is None else "
             "[data[r] for r in order[start:start + batch]]",
             "count = len(rows)"] if rows is None else ["count = n"]
    batch += ["c = %s" % {"sse": "1.0", "mse": "2.0 / (count * %d)" % k_out,
                          "binary_crossentropy": "1.0 / (count * %d)" % k_out,
                          "cross_entropy": "1.0 / count"}[loss],
              " = ".join(["g" + p for p in parameters] * (rows is None) + columns +
                         ["se = part = 0.0"])]
    row = _forward_source(sizes, names, lambda k, i, j: "w%d_%d_%d" % (k, i, j),
                          bias and (lambda k, j: "b%d_%d" % (k, j)), False, "@")
    # the loss of the row, as _loss_sum, and the metric, as _hits or _squares
    for j in range(k_out):
        o, y, z = outputs[j], targets[j], "z%d_%d" % (L, j)
        if columns:
            row += ["sq = (%s - %s) * (%s - %s)" % (o, y, o, y), "se += sq", "se%d += sq" % j]
        elif squares:
            row.append("se += (%s - %s) * (%s - %s)" % (o, y, o, y))
        if loss == "binary_crossentropy":
            row.append("part += (1.0 - %s) * %s + log1p(exp(-%s)) if %s > 0.0 else "
                       "-%s * %s + log1p(exp(%s))" % (y, z, z, z, y, z, z))
    if loss == "cross_entropy":      # as _ce_from_z: the e^0 of one largest z left out
        e = ["e%d" % j for j in range(k_out)]
        row += _sum_source("rest", ["(0.0 if %s == 1.0 else %s)" % (v, v) for v in e], "0.0")
        row += _sum_source("ties", ["(1.0 if %s == 1.0 else 0.0)" % v for v in e], "-1.0")
        row.append("log_sum = log1p(rest + ties)")
        for j, y in enumerate(targets):
            row += ["if %s != 0.0:" % y, "    part += %s * (top - z%d_%d + log_sum)" % (y, L, j)]
    if classify:
        row += _best_class_source(outputs, "picked") + _best_class_source(targets, "wanted")
        row.append("if picked == wanted:")
        row.append("    hits += 1.0")
    # dLoss/dz of the outputs, as _output_delta
    D = ["d%d_%d@" % (L - 1, j) for j in range(k_out)]
    G = ["(%s - %s)" % (o, y) if loss == "sse" else "c * (%s - %s)" % (o, y)
         for o, y in zip(outputs, targets)]
    output = names[-1]
    if loss == "cross_entropy":
        row.append("sy = sum([%s])" % ", ".join(targets))
        row += ["%s = c * (%s * sy - %s)" % (d, o, y) for d, o, y in zip(D, outputs, targets)]
    elif loss == "binary_crossentropy" or output == "linear":
        row += ["%s = %s" % (d, g) for d, g in zip(D, G)]
    elif output == "softmax":
        row += ["g%d = %s" % (j, g) for j, g in enumerate(G)]
        row += _sum_source("go", ["g%d * %s" % (j, o) for j, o in enumerate(outputs)])
        row += ["%s = %s * (g%d - go)" % (d, o, j) for j, (d, o) in enumerate(zip(D, outputs))]
    else:
        row += [_delta_source(output, d, g if g[0] == "(" else "(%s)" % g, o)
                for d, g, o in zip(D, G, outputs)]
    # backpropagation: the gradients of layer k, then the deltas of the layer below
    grads = []                       # each gradient and the term a row adds to it
    for k in range(L - 1, -1, -1):
        for j in range(sizes[k + 1]):
            grads += [("gw%d_%d_%d" % (k, i, j), "d%d_%d@ * a%d_%d@" % (k, j, k, i))
                      for i in range(sizes[k])] + [("gb%d_%d" % (k, j), "d%d_%d@" % (k, j))] * bias
        for i in range(sizes[k] * (k > 0)):
            back = ["d%d_%d@ * w%d_%d_%d" % (k, j, k, i, j) for j in range(sizes[k + 1])]
            summed = "(%s)" % " + ".join(back)
            if len(back) > _SUM_CHUNK:            # too long for one line: sum it first
                row += _sum_source("back", back)
                summed = "back"
            row.append(_delta_source(names[k - 1], "d%d_%d@" % (k - 1, i), summed,
                                     "a%d_%d@" % (k, i), True))
    inputs = ", ".join(["a0_%d@" % i for i in range(sizes[0])] + targets) + ","
    if rows is None:
        batch.append("for %s in rows:" % inputs.replace("@", ""))
        batch += ["    " + line.replace("@", "") for line in row + ["%s += %s" % g for g in grads]]
    else:                            # the rows' values once, before any epoch; each row in turn
        body += ["%s = data[%d]" % (inputs.replace("@", "_r%d" % r), r) for r in range(rows)]
        batch += [line.replace("@", "_r%d" % r) for r in range(rows) for line in row]
        for g, term in grads:
            batch += _sum_source(g, [term.replace("@", "_r%d" % r) for r in range(rows)])
    batch.append("total += %s" % {"sse": "0.5 * se", "mse": "se / %d" % k_out,
                                  "binary_crossentropy": "part / %d" % k_out,
                                  "cross_entropy": "part"}[loss])
    if not classify:
        batch += ["%s += %s" % (h, (columns or ["se"])[j]) for j, h in enumerate(metric)]
    if rule == "adam":
        batch += ["t += 1", "lr_t = lr * sqrt(1.0 - b2 ** t) / (1.0 - b1 ** t)",
                  "eps_hat = eps * sqrt(1.0 - b2 ** t)"]
    for p in parameters:
        batch += _update_source(p, rule)
    body += ["losses, metrics, done = [0.0] * epochs, [0.0] * epochs, 0", "while done < epochs:",
             "    total = %s = 0.0" % " = ".join(metric), "    for start in range(0, n, batch):"]
    body += ["        " + line for line in batch]
    body += ["    " + line for line in [
        "loss = total / divisor", "losses[done], metrics[done] = loss, " +
        ("hits" if classify else "[%s]" % ", ".join(metric)), "done += 1",
        "if not -big <= loss <= big:", "    break"]]
    body.append("return (%s,), (%s), losses, metrics, done" % (
        ", ".join(parameters), "".join([m + ", " for m in memory])))
    return "\n".join(["def epochs(state, memory, data, order, batch, settings, epochs, divisor, "
                      "big, exp=exp, tanh=tanh, log1p=log1p, sqrt=sqrt):"] +
                     ["    " + line for line in body]) + "\n"


def _delta_source(name, d, g, a, below=False):
    """Return the line d = g f'(a) for the activation called name.

    below=True writes it as _backpropagate does, otherwise as _output_delta.
    """
    if name == "sigmoid":
        return "%s = %s * %s * (1.0 - %s)" % (d, g, a, a)
    if name == "tanh":
        return "%s = %s * (1.0 - %s * %s)" % (d, g, a, a)
    if name == "relu":
        return "%s = 0.0 if %s <= 0.0 else %s" % (d, a, g)
    if name == "leaky_relu":
        if below:
            return "%s = %s * (1.0 if %s > 0.0 else 0.01)" % (d, g, a)
        return "%s = %s if %s > 0.0 else 0.01 * %s" % (d, g, a, g)
    return "%s = %s" % (d, g)


_EPOCHS = {}                     # compiled epoch functions by shape, loss and update rule


def _compiled_epoch(key):
    "Return the epoch function for key, compiling it on first use; None where that fails."
    if key not in _EPOCHS:
        if len(_EPOCHS) >= 32:
            _EPOCHS.clear()
        namespace = {"exp": math.exp, "tanh": math.tanh, "log1p": _log1p, "sqrt": math.sqrt}
        try:
            exec(compile(_epoch_source(*key), "<nn_fast.py, for one shape>", "exec"), namespace)
            _EPOCHS[key] = namespace["epochs"]
        except KeyboardInterrupt:
            raise
        except:                      # no compile or exec here, or a Java error under Jython
            _EPOCHS[key] = None      # ("method too large"), which Exception does not catch
    return _EPOCHS[key]


def _update_rule(optimizer):
    "Return the name of the update rule an optimizer applies, or None for one nn.py does not know."
    if type(optimizer) is Adam:
        return "adam"
    if type(optimizer) is not SGD:
        return None
    if optimizer.momentum != 0.0:
        return "momentum"
    return "sgd" if optimizer.weight_decay == 0.0 else "decay"


class _StraightLineLoop(_TrainingLoop):
    """A _TrainingLoop whose epochs run compiled straight-line code (see _epoch_source).

    The weights and biases live in one flat tuple, state, which doubles as a
    snapshot; layers is made from it when the general code asks.
    """

    def __init__(self, epochs, rule, net, layers, rows, T, val, optimizer, batch, shuffle, rng):
        _TrainingLoop.__init__(self, net, layers, rows, T, val, optimizer, batch, shuffle, rng)
        self.compiled = epochs                              # epoch() calls compiled_epoch
        self.data = [tuple(x) + tuple(t) for x, t in zip(rows, T)]
        zeros = [0.0] * len(self.state)
        # momentum's velocities; Adam's two running averages and its step count
        self.memory = {"momentum": tuple(zeros), "adam": tuple(zeros + zeros + [0])}.get(rule, ())
        self.settings = tuple([float(getattr(optimizer, name, 0.0)) for name in (
            "learning_rate", "momentum", "weight_decay", "beta1", "beta2", "epsilon")])

    def _get_layers(self):
        "Return the state as [(WT, W, b)], the layout of the general kernels."
        layers, at = [], 0
        sizes = self.net.sizes
        for k in range(len(sizes) - 1):
            n_in, n_out = sizes[k], sizes[k + 1]
            WT = [list(self.state[at + j * n_in:at + (j + 1) * n_in]) for j in range(n_out)]
            at += n_in * n_out
            b = None
            if self.net.bias:
                b, at = list(self.state[at:at + n_out]), at + n_out
            layers.append((WT, _transpose(WT), b))
        return layers

    def _set_layers(self, layers):
        "Make the state from layers in the layout of the general kernels."
        flat = []
        for WT, W, b in layers:
            for row in WT:
                flat += row
            flat += b or []
        self.state = tuple(flat)

    layers = property(_get_layers, _set_layers)

    def compiled_epoch(self, order):
        "Run one pass over the data in the given order; return the summed loss and metric."
        self.state, self.memory, losses, metrics, done = self.compiled(
            self.state, self.memory, self.data, order, self.batch, self.settings, 1, 1.0, _BIG)
        return losses[0], metrics[0]

    def snapshot(self):
        "Return the weights and biases being trained (a tuple, never changed in place)."
        return self.state

    def restore(self, snapshot):
        "Go back to the weights of a snapshot."
        self.state = snapshot

    def finite(self):
        "Return True when every weight and bias is finite."
        return _finite(sum(self.state))

    def run_many(self, epochs, divisor, history):
        """Run the epochs a chunk at a time, for a training with nothing to watch between
        epochs; add their losses to history and return how many were run.

        An epoch's loss is its summed loss over divisor. When a loss or the weights
        are not finite, it goes back to the start of the chunk before and returns:
        the epoch-by-epoch loop goes on from there with the same arithmetic.
        """
        if not _CHUNK_WORK:
            return 0
        chunk = max(1, min(1000, _CHUNK_WORK // (len(self.rows) * len(self.state))))
        e, previous = 0, (0, self.state, self.memory)
        while e < epochs:
            start = (e, self.state, self.memory)
            count = min(chunk, epochs - e)
            state, memory, losses, metrics, done = self.compiled(
                self.state, self.memory, self.data, None, self.batch, self.settings, count,
                divisor, _BIG)
            if done < count or not _finite(losses[-1]) or not _finite(sum(state)):
                e, self.state, self.memory = previous
                history._n = e
                return e
            self.state, self.memory = state, memory
            history.extend(losses)
            previous, e = start, e + count
        return e


_general_training_loop = nn._training_loop


def _training_loop(net, layers, rows, T, val, optimizer, batch, shuffle, rng):
    "Return a _StraightLineLoop for a small network where compile works, else the general loop."
    rule, size = _update_rule(optimizer), net.parameter_count()
    if nn.compiled and rule and size <= _STRAIGHT_LINE_LIMIT:
        unrolled = len(rows) if batch >= len(rows) and len(rows) * size <= _UNROLLED_LIMIT else None
        epochs = _compiled_epoch((tuple(net.sizes), tuple(net._activations()), net.loss,
                                  net.bias, net.classes is not None, rule, unrolled))
        if epochs:
            return _StraightLineLoop(epochs, rule, net, layers, rows, T, val, optimizer, batch,
                                     shuffle, rng)
    return _general_training_loop(net, layers, rows, T, val, optimizer, batch, shuffle, rng)
