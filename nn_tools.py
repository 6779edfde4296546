"""nn_tools.py: what a desktop adds to nn.py: data, explain, pictures, export, the command line.

Put it beside nn.py, which alone is the whole network. This file adds

    read_csv, train_test_split, one_hot    data without numpy
    net.summary(), net.explain(X, Y)       the layers; one step of training, every number
    net.to_svg(), history.plot(),          the network and its loss curve, as pictures
    history.to_svg()
    net.export_python(path)                a module whose predict() needs only math
    python3 nn.py train|predict|info|draw  the command line (main)

The methods live in nn.py and call the functions here; the core's helpers
are read as nn.name, so whatever changes nn changes them here too.
"""

import json  # class labels as Python text, and the command line's info
import math  # log10 and floor for rounding, ceil for held-out rows
import os    # realpath, to tell whether two names are one file
import sys   # stdout, stderr and argv for the command line

import nn    # the network, its checks and its number formats


# ---------------------------------------------------------------------------
# Data without numpy
# ---------------------------------------------------------------------------
# Enough to go from a CSV file to a trained network: read_csv turns a file
# into rows of numbers and a target column, train_test_split holds rows out
# to test on (the rows scikit-learn holds out for the same seed), and one_hot
# turns class labels into rows of 0s and 1s. The reader is written by hand,
# a line at a time, because MicroPython has no csv module and a board may not
# have room for a whole file at once.

_BOM = b"\xef\xbb\xbf".decode("utf-8")    # a byte order mark, which spreadsheets write first
_MAX_LINE_BYTES = 1024 * 1024            # 50,000 numbers or more


def read_csv(source, target=None, inputs=None, labels=None, delimiter=","):
    """Return (X, y, names): the rows of numbers, the target column and the input names.

    source     a file name, or lines of text (an open file, a list of strings)
    target     the column y holds: its name in the header, or its position
               counting from 0 (-1 is the last); None reads no target, y is None
    inputs     the columns of X, by name or position, in that order; None
               means every column but the target
    labels     None: y holds numbers when every value is a number (int where
               it is written as a whole number), else class labels (strings);
               True: always labels; False: always numbers
    delimiter  the character between values, such as ";" or a tab

    The first line is the header, unless one of its values is a number; then
    the columns are named "0", "1", ... by position. A value may be in double
    quotes ("a, b" is one value, "" inside quotes is a quote). Blank lines are
    skipped; a byte order mark and Windows line ends are fine. A missing value
    or a value that is not a number is refused, naming the line and column.
    read_csv(["a,b,kind", "1,2,x"], target="kind") == ([[1.0, 2.0]], ["x"], ["a", "b"])
    """
    return _read_csv(source, target, inputs, labels, delimiter)[:3]


def _read_csv(source, target, inputs, labels, delimiter):
    "Return (X, y, input names, target name) from a CSV source (see read_csv)."
    who = "read_csv"
    if labels is not None and labels is not True and labels is not False:
        raise TypeError("read_csv: labels must be None, True or False, got %s"
                        % nn._describe(labels))
    if not nn._is_text(delimiter):
        raise TypeError("read_csv: delimiter must be a string, got %s" % nn._describe(delimiter))
    delimiter = nn._plain(delimiter, who, "delimiter")
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise ValueError("read_csv: delimiter must be one character other than a quote or a "
                         "line end, got %r" % (delimiter,))
    if inputs is not None:
        inputs = nn._sequence(inputs, who, "inputs", "a list of column names or positions")
    keys = [("target", target)] * (target is not None) + [
        ("inputs[%d]" % i, key) for i, key in enumerate(inputs or [])]
    for name, key in keys:
        if nn._is(key, bool) or not (nn._is_text(key) or nn._is(key, nn._INTEGERS)):
            raise TypeError("read_csv: %s must be a column name or position, got %s"
                            % (name, nn._describe(key)))
    keys = [(name, nn._plain(key, who, name)) for name, key in keys]
    lines, where, close = _open_lines(source)
    names = first = None                # first: "header" or "first line", for messages
    X, targets = [], []                 # targets: (line number, text) for every row
    try:
        for number, line in enumerate(lines, 1):
            if number + len(X) * len(names or "") > nn._MAX_PARAMETERS:   # a few seconds' work
                raise ValueError("read_csv: %s has more than the %d lines and values nn.py "
                                 "reads" % (where, nn._MAX_PARAMETERS))
            if nn._is(line, bytes) or not nn._is_text(line):     # bytes is str on Python 2
                try:
                    line = nn._native(line.decode("utf-8"))
                except AttributeError:
                    raise TypeError("read_csv: line %d of %s is %s, expected text"
                                    % (number, where, nn._describe(line)))
                except Exception:
                    raise ValueError("read_csv: line %d of %s is not UTF-8 text" % (number, where))
            line = nn._plain(line, who, "line %d of %s" % (number, where))
            line = (line[1:] if line[:1] == _BOM else line).rstrip("\r\n")
            if not line.strip():
                continue
            fields = _csv_fields(line, delimiter)
            if fields is None:
                raise ValueError("read_csv: line %d of %s: a quoted value is not closed (a value "
                                 "cannot go on to the next line)" % (number, where))
            if names is None:
                numbered = [f for f in fields if _csv_number(f) is not None]
                names = [str(j) for j in range(len(fields))] if numbered else fields
                first = "first line" if numbered else "header"
                columns, t = _csv_columns(names, target, inputs, keys, where)
                if not numbered:
                    continue
            if len(fields) != len(names):
                raise ValueError("read_csv: line %d of %s has %d values, the %s has %d"
                                 % (number, where, len(fields), first, len(names)))
            row = [_csv_number(fields[j]) for j in columns]
            if None in row:
                j = columns[row.index(None)]
                raise ValueError(_csv_problem(fields[j], names[j], number, where))
            X.append(row)
            if t is not None:
                targets.append((number, fields[t]))
    finally:
        close()
    if not X:
        raise ValueError("read_csv: %s has no rows of data" % where)
    if t is None:
        return X, None, [names[j] for j in columns], None
    return X, _csv_targets(targets, names[t], labels, where), [names[j] for j in columns], names[t]


def _open_lines(source):
    "Return (lines, the source's description for messages, a function that closes it)."
    if isinstance(source, (list, tuple)):
        return source, "the text given", lambda: None
    if nn._is_text(source):
        source, where = nn._open_file(source, "read_csv")
        return _lines(source, where), where, source.close
    if getattr(source, "read", None) is None:
        raise TypeError("read_csv: source must be a file name, an open file or lines of text, "
                        "got %s" % nn._describe(source))
    name = getattr(source, "name", None)
    where = '"%s"' % name if type(name) is str else "the file given"
    return _lines(source, where), where, lambda: None


def _lines(f, where):
    "Yield the lines of an open file without their line ends; none may be over _MAX_LINE_BYTES."
    rest = None
    for piece in nn._guarded(f, "read_csv", where):
        lines = (piece if rest is None else rest + piece).split(
            b"\n" if isinstance(piece, bytes) else "\n")
        rest = lines.pop()
        if len(rest) > _MAX_LINE_BYTES or lines and len(lines[0]) > _MAX_LINE_BYTES:
            raise nn.FileError("read_csv: %s has a line of more than the %d bytes nn.py reads"
                               % (where, _MAX_LINE_BYTES))   # the others fit in a piece
        for line in lines:
            yield line
    if rest:
        yield rest


def _shown(text):
    "Return text for a message; on Python 2, unicode with non-ASCII as escapes, or str() fails."
    return text if type(text) is str else text.encode("ascii", "backslashreplace")


def _csv_fields(line, delimiter):
    "Return one line's values, split at delimiters outside double quotes; None if a quote is open."
    if '"' not in line:
        return [field.strip() for field in line.split(delimiter)]
    fields, text, quoted, was_quoted = [], [], False, False
    for i, c in enumerate(line + delimiter):    # the delimiter ends the last value too
        if c == '"':
            if not quoted and was_quoted and line[i - 1] == '"':
                text.append(c)                  # "" inside quotes is one quote
            elif not quoted:
                text = []                       # whatever stood before the quote was blank
            quoted, was_quoted = not quoted, True
        elif quoted or not was_quoted and c != delimiter:
            text.append(c)
        elif c == delimiter:
            fields.append("".join(text) if was_quoted else "".join(text).strip())
            text, was_quoted = [], False
    return None if quoted else fields


def _csv_number(text):
    "Return text as a float if it is a finite number, else None."
    if "_" in text:                     # 1_000 is a number on Python 3.6+ only
        return None
    try:
        x = float(text)
    except ValueError:
        return None
    return x if nn._finite(x) else None


def _csv_problem(text, column, number, where):
    "Return the message for a value that should be a number and is not."
    if not text:
        return ("read_csv: line %d of %s: the value in column \"%s\" is missing; fill it in or "
                "leave the row out" % (number, where, _shown(column)))
    return ("read_csv: line %d of %s: \"%s\" in column \"%s\" is not a number"
            % (number, where, _shown(text[:40]), _shown(column)))


def _csv_columns(names, target, inputs, keys, where):
    "Return (the input columns' positions, the target's or None); keys: (name, key) of each."
    seen = set()
    for name in names:
        if name in seen:
            raise ValueError("read_csv: the header of %s names the column \"%s\" twice"
                             % (where, _shown(name)))
        seen.add(name)
    columns = []
    for name, key in keys:
        if key in names:
            columns.append(names.index(key))
            continue
        try:
            position = int(key)             # "4" is column 4 too
        except ValueError:
            raise ValueError("read_csv: %s has no column \"%s\"; its columns are %s"
                             % (where, _shown(key), _shown(", ".join(names))))
        if not -len(names) <= position < len(names):
            raise ValueError("read_csv: %s is column %d, but %s has %d columns (0 to %d)"
                             % (name, position, where, len(names), len(names) - 1))
        columns.append(position % len(names))
    t = None if target is None else columns.pop(0)
    if inputs is None:
        columns = [j for j in range(len(names)) if j != t]
    for j in columns if inputs is not None else ():
        if j == t or columns.count(j) > 1:
            raise ValueError("read_csv: the column \"%s\" is given twice (as %s)"
                             % (_shown(names[j]), "the target and an input" if j == t
                                else "two inputs"))
    if not columns:
        raise ValueError("read_csv: %s has no columns for inputs" % where)
    return columns, t


def _csv_targets(targets, column, labels, where):
    "Return the target column's values: numbers or class labels (see read_csv)."
    values = []
    for number, text in targets:
        x = None if labels is True else _csv_number(text)
        values.append(int(text) if x is not None and text.lstrip("+-").isdigit() else x)
    strays = [(number, text) for x, (number, text) in zip(values, targets) if x is None]
    refused = [(number, text) for number, text in strays if labels is False or not text]
    gaps = labels is None and 0 < len(strays) < len(values) - len(strays)   # numbers, mostly
    if refused or gaps:
        number, text = (refused or strays)[0]
        raise ValueError(_csv_problem(text, column, number, where) + ("" if refused else
                         ", though most values in the column are (labels=True reads them all "
                         "as class labels)"))
    return [text for number, text in targets] if strays else values


def _csv_line(values, delimiter=","):
    "Return values as one line of CSV: numbers written exactly, text quoted where it must be."
    fields = []
    for v in values:
        text = nn._float_text(v) if isinstance(v, float) else \
            v if isinstance(v, nn._TEXT) else str(v)
        if delimiter in text or '"' in text or "\n" in text or text != text.strip():
            text = '"%s"' % text.replace('"', '""')
        fields.append(text)
    return delimiter.join(fields)


def train_test_split(X, y, test_size=0.25, seed=None):
    """Return (X_train, X_test, y_train, y_test): the rows shuffled, then split in two.

    test_size is a fraction of the rows (rounded up) or a number of rows. The
    shuffle is numpy's permutation, so a seed holds out the same rows, in the
    same order, as scikit-learn's train_test_split(X, y, test_size=test_size,
    random_state=seed); None draws a seed.
    """
    who = "train_test_split"
    X, y = nn._as_list(X, who, "X"), nn._as_list(y, who, "y")
    n = len(X)
    if len(y) != n:
        raise ValueError("train_test_split: X has %d rows but y has %d" % (n, len(y)))
    if nn._is(test_size, float):
        size = nn._check_number(test_size, who, "test_size", 0.0, 1.0, low_open=True)
        count = int(math.ceil(size * n))
    else:
        count = nn._check_int(test_size, who, "test_size")
    if count >= n:
        raise ValueError("train_test_split: test_size %r of %d rows leaves no rows to train on"
                         % (test_size, n))
    seed = nn._check_int(nn._fresh_seed() if seed is None else seed, who, "seed", 0, 0xffffffff)
    order = nn.RandomState(seed).permutation(n)
    test, train = order[:count], order[count:]
    return [X[i] for i in train], [X[i] for i in test], [y[i] for i in train], [y[i] for i in test]


def one_hot(labels, classes=None):
    """Return class labels as rows of 0.0 and 1.0, with a column for every class.

    The columns follow classes, by default sorted(set(labels)), the order of
    net.classes: one_hot(["b", "a", "b"]) == [[0.0, 1.0], [1.0, 0.0], [0.0, 1.0]].
    """
    who = "one_hot"
    labels = [nn._check_label(label, who, "labels[%d]" % i)
              for i, label in enumerate(nn._as_list(labels, who, "labels"))]
    if classes is None:
        if len(set([nn._label_kind(label) for label in labels])) > 1:
            raise TypeError("one_hot: labels mixes labels of different kinds, %s"
                            % nn._short_list(labels))
        classes = sorted(set(labels))
    classes = nn._check_classes(classes, who, "classes")
    for i, label in enumerate(labels):
        if label not in classes:
            raise ValueError("one_hot: labels[%d] is %r, not one of the classes %s"
                             % (i, label, nn._short_list(classes)))
    return [[float(c == label) for c in classes] for label in labels]


# ---------------------------------------------------------------------------
# Explaining a network: its layers, and one step of training
# ---------------------------------------------------------------------------
# net.explain(X, Y) prints one step of gradient descent with every number in
# it: the forward pass, the cost, the backward pass, the gradients and the
# update. The text is the same on every interpreter: numbers are rounded by
# _decimal, with integers, where "%g" rounds some ties the other way on
# MicroPython and writes 1e-7 as "0e+00" on Brython.

_EXPLAIN_MAX_UNITS = 10      # in any layer: wider ones make lines no one reads
_EXPLAIN_MAX_ROWS = 4


def summary(net, file=None):
    "Print the layers, their units, activations and parameter counts (net.summary)."
    file = nn._check_stream(file, "summary")
    net._check_settings("summary")
    count = net.parameter_count()
    sizes, names, bias = net.sizes, net._activations(), 1 if net.bias else 0
    lines = ["Network %s, loss %s" % (sizes, net.loss or "chosen by the targets"),
             "%-8s %6s  %-11s %10s" % ("layer", "units", "activation", "parameters"),
             "%-8s %6d  %-11s %10s" % ("input", sizes[0], "-", "-")]
    for k in range(1, len(sizes)):
        label = "output" if k == len(sizes) - 1 else "hidden %d" % k
        lines.append("%-8s %6d  %-11s %10d" % (label, sizes[k], names[k - 1],
                                               (sizes[k - 1] + bias) * sizes[k]))
    lines.append("total parameters: %d%s" % (count, "" if bias else " (no biases)"))
    if net.classes is not None:
        lines.append("classes: %s" % nn._short_list(net.classes))
    for name, scaler in (("inputs", net.input_scaler), ("targets", net.target_scaler)):
        if scaler is not None:
            lines.append("%s scaled: %s%s" % (name, scaler.kind,
                                              "" if scaler.shift else " (not fitted yet)"))
    nn._write_lines(lines, file, "summary")


def explain(net, X, Y, learning_rate, file, digits):
    """Print one step of training on a few rows (net.explain).

    >>> nn.Network.from_weights([[[0.5]]], None, loss="sse").explain([2], [1])
    One step of gradient descent on 1 row, every number rounded to 6 digits.
    Network [1, 1]: sigmoid output; loss sse; no biases.
    Layer k computes z_k = a_(k-1) weights[k-1] and a_k = f(z_k); a0 is the input.
    Forward pass: a0 = [2]
      layer 1, output, sigmoid: z1[j] = sum over i of a0[i] * weights[0][i][j]
        z1[0] = (2 * 0.5) = 1
        a1[0] = sigmoid(1) = 0.731059
      output o = a1 = [0.731059]; target y = [1]
    Cost, sse: C = 0.5 * sum of (o - y)^2
      C = 0.5 * (0.731059 - 1)^2 = 0.0361647
    Backward pass: d_k = dC/dz_k, from the output back
      layer 1, output: d1[j] = dC/do[j] * f'(o[j]) = (o[j] - y[j]) * o[j] * (1 - o[j])
        d1[0] = (0.731059 - 1) * 0.731059 * (1 - 0.731059) = -0.0528771
    Gradients: dC/dweights[k][i][j] = sum over rows of a_k[i] * d_(k+1)[j]
      weights[0][0][0]: 2 * -0.0528771 = -0.105754
    Update with learning rate 0.1: w = w - 0.1 * dC/dw
      weights[0][0][0]: 0.5 - 0.1 * (-0.105754) = 0.510575
    Cost after the step: 0.0350604 (before: 0.0361647)
    """
    who = "explain"
    net._check_settings(who)
    if max(net.sizes) > _EXPLAIN_MAX_UNITS:
        raise ValueError("explain: prints networks of at most %d units in a layer, not %r"
                         % (_EXPLAIN_MAX_UNITS, net.sizes))
    learning_rate = nn._check_number(0.1 if learning_rate is None else learning_rate, who,
                                     "learning_rate", 0.0, low_open=True)
    digits = nn._check_int(digits, who, "digits", 1, 17)
    file = nn._check_stream(file, who)
    rows, single = nn._number_rows(X, net.sizes[0], who, "X", single=True)
    if len(rows) > _EXPLAIN_MAX_ROWS:
        raise ValueError("explain: prints at most %d rows at once, X has %d"
                         % (_EXPLAIN_MAX_ROWS, len(rows)))
    net._layers(who)                    # checks the weights
    loss = net.loss
    try:                                 # as train() would see them, with no loss chosen yet
        rows, T = net._prepare(rows, [Y] if single else Y, who)
        used = net.loss
    finally:
        net.loss = loss
    try:
        lines = _explain_lines(net, rows, T, used, learning_rate, digits)
    except ValueError as error:          # a number overflowed on the way
        raise nn._restated(error, who, "; the weights or the inputs are too large to explain")
    nn._write_lines(lines, file, who)


def _decimal(x, digits=6):
    "Return x rounded to digits significant digits, as %g writes it: exactly, half to even."
    if x == 0.0 or not nn._finite(x):
        return repr(x) if x else "0"             # never "-0"
    fraction, exponent = math.frexp(abs(x))
    m, e = int(fraction * 9007199254740992.0), exponent - 53    # |x| = m 2^e, exactly
    p = int(math.floor(math.log10(abs(x))))      # the decimal exponent, perhaps one off
    while True:
        s = digits - 1 - p                       # n = |x| 10^s, rounded, has digits digits
        bottom = 10 ** max(-s, 0) * 2 ** max(-e, 0)
        n, rest = divmod(m * 10 ** max(s, 0) * 2 ** max(e, 0), bottom)
        if 2 * rest > bottom or (2 * rest == bottom and n % 2):
            n += 1                               # half to even
        if 10 ** (digits - 1) <= n < 10 ** digits:
            break
        p += 1 if n >= 10 ** digits else -1
    text, sign = str(n).rstrip("0"), "-" if x < 0 else ""
    if p < -4 or p >= digits:                    # where "%g" switches to an exponent
        return "%s%se%s%02d" % (sign, (text[0] + "." + text[1:]).rstrip("."),
                                "-" if p < 0 else "+", abs(p))
    if p < 0:
        text, p = "0" * -p + text, 0
    return sign + (text + "0" * p)[:p + 1] + ("." + text[p + 1:]).rstrip(".")


def _vector_text(values, digits):
    "Return a list of numbers as text, each rounded: [0.5, -1.25]."
    return "[" + ", ".join([_decimal(v, digits) for v in values]) + "]"


def _operand(x, digits):
    "Return a rounded number for the right of an operator, in brackets when negative."
    text = _decimal(x, digits)
    return "(" + text + ")" if x < 0 else text


def _products_text(pairs, digits):
    "Return (a * b) + (c * d) + ... for a list of pairs of numbers, and their sum taken in order."
    text = " + ".join(["(%s * %s)" % (_decimal(a, digits), _decimal(b, digits)) for a, b in pairs])
    return text, nn._dot_in_order([a for a, b in pairs], [b for a, b in pairs])


def _slope_text(name, a, digits=None):
    """Return " * " and the slope of activation name where its output is a; "" for linear.

    With digits, a is a number: the formula filled in, or relu's value; else a's name.
    """
    if digits is not None and name in ("relu", "leaky_relu"):
        return " * " + _decimal(nn.ACTIVATIONS[name][1](a), digits)
    if digits is not None:
        a = _operand(a, digits)
    return {"sigmoid": " * %s * (1 - %s)" % (a, a), "tanh": " * (1 - %s^2)" % a,
            "relu": " * (1 if %s > 0, else 0)" % a,
            "leaky_relu": " * (1 if %s > 0, else 0.01)" % a}.get(name, "")


def _explain_forward(weights, biases, names, row, digits, lines):
    "Return (zs, activations) of one input row, each sum taken in order, adding their lines."
    zs, acts = [], [row]
    for k, (W, b, name) in enumerate(zip(weights, biases, names)):
        lines.append("  layer %d, %s, %s: z%d[j] = sum over i of a%d[i] * weights[%d][i][j]%s"
                     % (k + 1, "output" if k == len(weights) - 1 else "hidden", name, k + 1, k,
                        k, " + biases[%d][j]" % k if b else ""))
        sums = [_products_text([(a, w[j]) for a, w in zip(acts[k], W)], digits)
                for j in range(len(W[0]))]
        zs.append([total + b[j] if b else total for j, (text, total) in enumerate(sums)])
        acts.append(nn.softmax(zs[k]) if name == "softmax" else
                    [nn.ACTIVATIONS[name][0](v) for v in zs[k]])
        for j, (text, total) in enumerate(sums):
            z = _decimal(zs[k][j], digits)
            bias = (" - " if b[j] < 0 else " + ") + _decimal(abs(b[j]), digits) if b else ""
            lines.append("    z%d[%d] = %s%s = %s" % (k + 1, j, text, bias, z))
            if name != "softmax":
                lines.append("    a%d[%d] = %s(%s) = %s"
                             % (k + 1, j, name, z, _decimal(acts[k + 1][j], digits)))
        if name == "softmax":
            lines.append("    a%d = softmax(z%d) = %s"
                         % (k + 1, k + 1, _vector_text(acts[k + 1], digits)))
    return zs, acts


def _explain_lines(net, rows, T, loss, learning_rate, digits):
    "Return the lines that show one step of gradient descent on rows and targets T."
    weights = [[[float(w) for w in row] for row in W] for W in net.weights]
    biases = [[float(v) for v in b] if net.bias else None for b in net.biases]
    names = net._activations()
    L, n = len(weights), len(rows)
    lines = ["One step of gradient descent on %d row%s, every number rounded to %d digits."
             % (n, "" if n == 1 else "s", digits),
             "Network %s: %s output; loss %s; %s." % (
                 net.sizes, (net.activation + " hidden, ") * (L > 1) + names[-1], loss,
                 "with biases" if net.bias else "no biases"),
             "Layer k computes z_k = a_(k-1) weights[k-1]%s and a_k = f(z_k); a0 is the input."
             % (" + biases[k-1]" if net.bias else "")]
    if net.input_scaler is not None:
        lines.append("The inputs are scaled as in training: a0 = (x - shift) / divisor.")
    if net.target_scaler is not None:
        lines.append("The targets are scaled as in training: y = (target - shift) / divisor.")
    if net.classes is not None:
        lines.append("The class labels become target rows y, as in training; the classes are %s."
                     % nn._short_list(net.classes))
    passes = []
    for r, row in enumerate(rows):
        lines.append("Forward pass%s: a0 = %s"
                     % (", row %d" % r if n > 1 else "", _vector_text(row, digits)))
        passes.append(_explain_forward(weights, biases, names, row, digits, lines))
        lines.append("  output o = a%d = %s; target y = %s"
                     % (L, _vector_text(passes[r][1][L], digits), _vector_text(T[r], digits)))

    outputs = [acts[L] for zs, acts in passes]
    cost = nn._cost(loss, [zs[-1] for zs, acts in passes], outputs, T)     # as net.cost() does
    formula, text = _cost_text(loss, outputs, T, digits)
    lines += ["Cost, %s: C = %s" % (loss, formula),
              "  C = %s = %s" % (text, _decimal(cost, digits))]

    deltas = []                          # deltas[r][k]: dC/dz of layer k for row r
    for r, (zs, acts) in enumerate(passes):
        lines.append("Backward pass%s: d_k = dC/dz_k, from the output back"
                     % (", row %d" % r if n > 1 else ""))
        deltas.append(_backward(loss, weights, names, acts, T[r], n, digits, lines))

    lines.append("Gradients: dC/dweights[k][i][j] = sum over rows of a_k[i] * d_(k+1)[j]%s"
                 % ("; dC/dbiases[k][j] = sum over rows of d_(k+1)[j]" if net.bias else ""))
    parameters = []                      # (name, value, gradient, where to put the new value)
    for k in range(L):
        for i, row in enumerate(weights[k]):
            for j, w in enumerate(row):
                pairs = [(acts[k][i], d[k + 1][j]) for (zs, acts), d in zip(passes, deltas)]
                text, g = _products_text(pairs, digits)
                name = "weights[%d][%d][%d]" % (k, i, j)
                lines.append("  %s: %s = %s" % (name, text[1:-1] if n == 1 else text,
                                                _decimal(g, digits)))
                parameters.append((name, w, g, row, j))
        for j, v in enumerate(biases[k] or []):
            values = [d[k + 1][j] for d in deltas]
            g = sum(values)                      # left to right
            text = " + ".join([_decimal(values[0], digits)] +
                              [_operand(value, digits) for value in values[1:]])
            name = "biases[%d][%d]" % (k, j)
            lines.append("  %s: %s%s" % (name, text + " = " if n > 1 else "", _decimal(g, digits)))
            parameters.append((name, v, g, biases[k], j))

    rate = _decimal(learning_rate, digits)
    lines.append("Update with learning rate %s: w = w - %s * dC/dw" % (rate, rate))
    for name, value, g, place, j in parameters:  # weights and biases are copies: change them
        place[j] = value - learning_rate * g
        lines.append("  %s: %s - %s * %s = %s" % (name, _decimal(value, digits), rate,
                                                  _operand(g, digits), _decimal(place[j], digits)))
    passes = [_explain_forward(weights, biases, names, row, digits, []) for row in rows]
    after = nn._cost(loss, [zs[-1] for zs, acts in passes], [acts[-1] for zs, acts in passes], T)
    lines.append("Cost after the step: %s (before: %s)" % (_decimal(after, digits),
                                                           _decimal(cost, digits)))
    return lines


def _backward(loss, weights, names, acts, y, rows, digits, lines):
    """Return the deltas d[k] = dC/dz_k of one row, from the output back, adding their lines.

    d[0] is None (the inputs have no sums); the output's are nn.py's. rows: n, the rows' number.
    """
    L, o = len(weights), acts[-1]
    d = [None] * L + [nn._output_delta(loss, names[-1], [o], [y], rows)[0]]
    count = rows * len(y)
    pairs = [(_decimal(oj, digits), _operand(yj, digits)) for oj, yj in zip(o, y)]
    if loss in ("binary_crossentropy", "cross_entropy"):
        # with the output activation that belongs to the loss, its slope cancels
        over = count if loss == "binary_crossentropy" else rows
        over = " / %d" % over if over > 1 else ""
        total = sum(y) if loss == "cross_entropy" else 1.0    # 1 for one-hot targets
        times = "" if total == 1.0 else " * %s" % _decimal(total, digits)
        lines.append("  layer %d, output: d%d[j] = (o[j]%s - y[j])%s"
                     % (L, L, " * sum(y)" if times else "", over))
        terms = ["(%s%s - %s)%s" % (oj, times, yj, over) for oj, yj in pairs]
    else:                                # sse or mse: g = dC/do, then through the activation
        over = " / %d" % count if count > 1 and loss == "mse" else ""
        two = "2 * " if loss == "mse" else ""
        terms = ["%s(%s - %s)%s" % (two, oj, yj, over) for oj, yj in pairs]
        g_text = two + "(o[j] - y[j])" + " / (n m)" * (loss == "mse")
    if loss in ("sse", "mse") and names[-1] == "softmax":
        lines.append("  layer %d, output: g[j] = dC/do[j] = %s; s = sum over j of g[j] * o[j]; "
                     "d%d[j] = o[j] * (g[j] - s)" % (L, g_text, L))
        g = [(2.0 / count if two else 1.0) * (oj - yj) for oj, yj in zip(o, y)]
        lines += ["    g[%d] = %s = %s" % (j, term, _decimal(g[j], digits))
                  for j, term in enumerate(terms)]
        text, s = _products_text(list(zip(g, o)), digits)
        lines.append("    s = %s = %s" % (text, _decimal(s, digits)))
        terms = ["%s * (%s - %s)" % (_decimal(oj, digits), _decimal(gj, digits),
                                     _operand(s, digits)) for oj, gj in zip(o, g)]
    elif loss in ("sse", "mse"):
        lines.append("  layer %d, output: d%d[j] = dC/do[j] * f'(o[j]) = %s%s"
                     % (L, L, g_text, _slope_text(names[-1], "o[j]")))
        terms = [term + _slope_text(names[-1], oj, digits) for term, oj in zip(terms, o)]
    for j, term in enumerate(terms):
        lines.append("    d%d[%d] = %s = %s" % (L, j, term, _decimal(d[L][j], digits)))
    for k in range(L - 1, 0, -1):
        name, W = names[k - 1], weights[k]
        lines.append("  layer %d: d%d[i] = (sum over j of d%d[j] * weights[%d][i][j])%s"
                     % (k, k, k + 1, k, _slope_text(name, "a%d[i]" % k)))
        d[k] = []
        for i, a in enumerate(acts[k]):
            text, total = _products_text(list(zip(d[k + 1], W[i])), digits)
            d[k].append(total * nn.ACTIVATIONS[name][1](a))
            lines.append("    d%d[%d] = %s%s = %s" % (k, i, "(" + text + ")" if len(W[i]) > 1
                                                     else text, _slope_text(name, a, digits),
                                                     _decimal(d[k][i], digits)))
    return d


def _cost_text(loss, outputs, targets, digits):
    "Return (the loss's formula, its arithmetic with the numbers filled in)."
    count = sum([len(y) for y in targets])
    pairs = [(o, y) for o_row, y_row in zip(outputs, targets) for o, y in zip(o_row, y_row)]
    over = " / %d" % count if count > 1 else ""
    if loss in ("sse", "mse"):
        terms = ["(%s - %s)^2" % (_decimal(o, digits), _operand(y, digits)) for o, y in pairs]
        total = terms[0] if len(terms) == 1 else "(" + " + ".join(terms) + ")"
        if loss == "sse":
            return "0.5 * sum of (o - y)^2", "0.5 * " + total
        return "sum of (o - y)^2 / (n m), for n rows of m outputs", total + over
    terms = []                           # y log(o), and (1 - y) log(1 - o) for binary ones
    for o, y in pairs:
        o = _decimal(o, digits)
        for w, log in [(y, "log(%s)" % o)] + [(1.0 - y, "log(1 - %s)" % o)] * (loss[0] == "b"):
            if w != 0.0:
                terms.append(log if w == 1.0 else "%s * %s" % (_decimal(w, digits), log))
    text = "-(" + " + ".join(terms) + ")"
    if loss == "binary_crossentropy":
        return ("-sum of (y log(o) + (1 - y) log(1 - o)) / (n m), for n rows of m outputs",
                text + over)
    return "-sum of y log(o) / n, for n rows", text + " / %d" % len(targets) * (len(targets) > 1)


# ---------------------------------------------------------------------------
# Pictures: the network, and its loss per epoch
# ---------------------------------------------------------------------------
# SVG text, which a browser shows and nothing is needed to make. Positive
# weights are blue and solid, negative ones vermillion and dashed (colour-blind
# eyes tell the two apart, and print keeps the dash); a line is as wide as its
# weight is large. Whole pixels only, so the text is the same everywhere.

def draw(net, path, labels):
    "The body of to_svg; see its docstring in nn.py."
    net._layers("to_svg")               # checks the weights
    if labels is not None and labels is not True and labels is not False:
        raise TypeError("to_svg: labels must be True, False or None, got %s"
                        % nn._describe(labels))
    text = _network_svg(net, labels)
    return text if path is None else nn._write_atomic(path, text, "to_svg")


def plot(history, width, height, log, file):
    """The body of History.plot: print the loss of every epoch as a text chart.

    width and height are the chart's columns and rows; log=True draws the
    losses on a log scale, where a long tail of small losses shows too.

    >>> net = nn.Network([1, 2, 1], seed=1)
    >>> history = net.train([[0.0], [1.0]], [[0.0], [1.0]], epochs=100, learning_rate=2.0)
    >>> history.plot(width=20, height=4)
    loss per epoch: * training
      0.2776 |*
             | ****
             |     ***
    0.008669 |        ************
             +--------------------
              0                 99  epoch
    """
    width = nn._check_int(width, "plot", "width", 2, 1000)
    height = nn._check_int(height, "plot", "height", 2, 1000)
    file = nn._check_stream(file, "plot")
    series = _loss_series(history, log, "plot")
    nn._write_lines(_loss_chart_lines(series, width, height, log), file, "plot")


def history_svg(history, path, log):
    "The body of to_svg; see its docstring in nn.py."
    text = _loss_svg(_loss_series(history, log, "to_svg"), log)
    return text if path is None else nn._write_atomic(path, text, "to_svg")


_SVG_POSITIVE = "#0072b2"
_SVG_NEGATIVE = "#d55e00"
_SVG_DASH = ' stroke-dasharray="6 4"'


def _svg_tenths(n):
    "Return a whole number of tenths as SVG text: 25 gives '2.5'."
    return "%s%d.%d" % ("-" if n < 0 else "", abs(n) // 10, abs(n) % 10)


def _svg_text(x, y, text, attributes=""):
    "Return an SVG text element at whole pixels x, y."
    return '<text x="%d" y="%d"%s>%s</text>' % (x, y, attributes, text)


def _svg_document(width, height, title, body):
    "Return a standalone SVG document of the given size around the lines of body."
    return "\n".join(['<?xml version="1.0" encoding="UTF-8"?>',
                      '<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
                      'viewBox="0 0 %d %d" font-family="Helvetica, Arial, sans-serif" '
                      'font-size="12">' % (width, height, width, height),
                      "<title>%s</title>" % title,
                      '<rect width="%d" height="%d" fill="white"/>' % (width, height)]
                     + body + ["</svg>", ""])


def _svg_legend(x, y, entries):
    "Return the lines of a legend at x, y: a sample stroke and its words, per entry."
    body = []
    for colour, dash, words in entries:
        body += ['<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="2.5"%s/>'
                 % (x, y - 4, x + 28, y - 4, colour, dash), _svg_text(x + 36, y, words)]
        x += 48 + 7 * len(words)
    return body


def _network_svg(net, labels):
    "Return an SVG picture of net: units as circles by layer, weights as lines, labels as to_svg."
    sizes = net.sizes
    # the units drawn: a layer of more than 16 shows its first 12, a gap (None) and its last 2
    columns = [list(range(n)) if n <= 16 else list(range(12)) + [None, n - 2, n - 1]
               for n in sizes]
    slots = max([len(units) for units in columns])
    if labels is None:                 # labels when no two layers have more than 20 weights
        labels = max([a * b for a, b in zip(sizes, sizes[1:])]) <= 20
    gap, top = 240 if labels else 200, 80
    step, radius = (64, 18) if slots <= 8 else (40, 14)
    width = max(2 * 80 + gap * (len(sizes) - 1), 640)
    height = top + step * (slots - 1) + 140
    left = (width - gap * (len(sizes) - 1)) // 2
    centres = [[(left + gap * k, top + (slots - len(units)) * step // 2 + p * step)
                for p in range(len(units))] for k, units in enumerate(columns)]
    biggest = max([abs(float(w)) for W in net.weights for row in W for w in row])
    names = net._activations()
    caption = ", ".join(["%s hidden" % net.activation] * (len(sizes) > 2) +
                        ["%s output" % names[-1], "loss %s" % (net.loss or "not chosen yet")])
    body = [_svg_text(width // 2, 30, "Network %s: %s" % (sizes, caption),
                      ' text-anchor="middle" font-size="15"')]
    lines, boxes = [], []
    for k, W in enumerate(net.weights):
        for (x1, y1), i in zip(centres[k], columns[k]):
            for (x2, y2), j in zip(centres[k + 1], columns[k + 1]):
                if i is None or j is None:
                    continue
                w = float(W[i][j])
                tenths = 5 + int(55.0 * (abs(w) / biggest) + 0.5) if biggest > 0.0 else 5
                colour, dash = (_SVG_POSITIVE, "") if w >= 0.0 else (_SVG_NEGATIVE, _SVG_DASH)
                lines.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" '
                             'stroke-width="%s"%s><title>weights[%d][%d][%d] = %s</title></line>'
                             % (x1, y1, x2, y2, colour, _svg_tenths(tenths), dash, k, i, j,
                                _decimal(w, 6)))
                if labels:
                    boxes.append(_label_box(x1, y1, x2, y2, _decimal(w, 2), colour, boxes))
    body += ['<g stroke-opacity="0.85" stroke-linecap="round">'] + lines + ["</g>"]
    for k, units in enumerate(columns):
        for (x, y), i in zip(centres[k], units):
            if i is None:              # the units left out: a column of three dots
                body += ['<circle cx="%d" cy="%d" r="2.5" fill="#555"/>' % (x, y + d)
                         for d in (-12, 0, 12)]
                body.append('<rect x="%d" y="%d" width="54" height="14" rx="3" fill="white" '
                            'fill-opacity="0.9"/>' % (x + 8, y - 7))
                body.append(_svg_text(x + 12, y + 4, "%d more" % (sizes[k] - 14),
                                      ' font-size="11" fill="#555"'))
                continue
            body.append('<circle cx="%d" cy="%d" r="%d" fill="white" stroke="#333" '
                        'stroke-width="1.5"/>' % (x, y, radius))
            if k == 0:
                body.append(_svg_text(x, y + 4, "x%d" % i, ' text-anchor="middle" font-size="11"'))
            elif labels and net.bias:
                body.append(_unit_label(x, y, radius, float(net.biases[k - 1][i])))
    for x, y, half, text, colour in boxes:
        body.append('<rect x="%d" y="%d" width="%d" height="14" rx="3" fill="white" '
                    'fill-opacity="0.9"/>' % (x - half, y - 7, 2 * half))
        body.append(_svg_text(x, y + 4, text, ' text-anchor="middle" font-size="11" fill="%s"'
                              % colour))
    bottom = top + step * (slots - 1) + radius
    for k, n in enumerate(sizes):
        role = "input" if k == 0 else "output" if k == len(sizes) - 1 else "hidden %d" % k
        units = nn._plural(n, "unit") + (", " + names[k - 1] if k else "")
        x = left + gap * k
        body.append(_svg_text(x, bottom + 28, role, ' text-anchor="middle" font-weight="bold"'))
        body.append(_svg_text(x, bottom + 44, units, ' text-anchor="middle"'))
    body += _svg_legend(16, height - 18, [(_SVG_POSITIVE, "", "positive weight"),
                                          (_SVG_NEGATIVE, _SVG_DASH, "negative weight")])
    body.append(_svg_text(width - 16, height - 18, "width: size of the weight%s"
                          % ("; in a unit: its bias" if labels and net.bias else ""),
                          ' text-anchor="end" fill="#555"'))
    return _svg_document(width, height, "nn.py network %s" % sizes, body)


def _label_box(x1, y1, x2, y2, text, colour, boxes):
    "Return (x, y, half width, text, colour): a line's label, on it, clear of earlier boxes."
    half = 3 * len(text) + 3           # about 6 pixels a character at 11 pixels
    # a few places along the line, in the order tried: the first that overlaps fewest wins
    places = [(x1 + (x2 - x1) * t // 100, y1 + (y2 - y1) * t // 100)
              for t in (30, 22, 38, 46, 54, 62, 70, 78, 14)]
    x, y = min(places, key=lambda p: len([b for b in boxes if abs(b[0] - p[0]) < b[2] + half + 2
                                          and abs(b[1] - p[1]) < 15]))
    return x, y, half, text, colour


def _unit_label(x, y, radius, value):
    "Return the SVG text of a bias inside its unit's circle, small enough to fit."
    text, short = _decimal(value, 2), ("%.1e" % value).replace(".0e", "e")
    # -0.00012 as -1.2e-4, shorter once its exponent loses its 0 (and not Brython's wrong %e)
    if 0.0 < abs(value) < 0.01 and len(short) - 1 < len(text) and float(short) == float(text):
        text = short
    if "e" in text:                    # -9.9e+04 as -9.9e4
        mantissa, exponent = text.split("e")
        text = "%se%d" % (mantissa, int(exponent))
    size = 10                          # a character is about 0.6 of the font size wide
    while size > 6 and 6 * size * len(text) > 10 * (2 * radius - 6):
        size -= 1
    return _svg_text(x, y + size // 2 - 1, text, ' text-anchor="middle" font-size="%d"' % size)


def _loss_series(history, log, who):
    "Return [training losses] or [training losses, validation losses] of a History, checked."
    if log is not True and log is not False:
        raise TypeError("%s: log must be True or False, got %s" % (who, nn._describe(log)))
    if not len(history):
        raise ValueError("%s: the history is empty; train for an epoch or more first" % who)
    extra = history.history if isinstance(getattr(history, "history", None), dict) else {}
    series = []
    for name, values in (("loss", list(history)), ("val_loss", extra.get("val_loss") or [])):
        series.append([nn._to_float(v) for v in values])   # an int past any float: inf
        for e, x in enumerate(series[-1]):
            if x is None or not nn._finite(x):
                raise ValueError("%s: the %s of epoch %d is %s, not a finite number"
                                 % (who, name, e, nn._describe(values[e])))
    return series if series[1] else series[:1]


def _levels(series, log):
    "Return the series on the chart's scale, its lowest and its highest level."
    floor = min([v for s in series for v in s if v > 0.0] or [1.0])
    # on a log scale a loss of 0 is drawn as the smallest positive one there is
    series = [[nn._log(max(v, floor)) if log else v for v in s] for s in series]
    levels = [v for s in series for v in s]
    return series, min(levels), max(levels)


def _loss_chart_lines(series, width, height, log):
    "Return a text chart of the loss per epoch: '*' training, 'o' validation, '#' both."
    levels, low, high = _levels(series, log)
    epochs = len(series[0])
    columns = min(width, epochs)
    grid = [[" "] * columns for r in range(height)]
    for values, mark in zip(levels, "*o"):
        for c in range(columns):
            e = c * (len(values) - 1) // max(columns - 1, 1)   # evenly spread, first to last
            r = height // 2            # one value: in the middle
            if high > low:
                r = height - 1 - int((values[e] - low) / (high - low) * (height - 1) + 0.5)
            grid[r][c] = mark if grid[r][c] in (" ", mark) else "#"
    everything = [v for values in series for v in values]
    top, bottom = _decimal(max(everything), 4), _decimal(min(everything), 4)
    pad = max(len(top), len(bottom))
    lines = ["loss per epoch%s: * training%s" % (" (log scale)" if log else "",
                                                ", o validation, # both" if levels[1:] else "")]
    # the labels by row: the highest and the lowest loss, or one value beside it
    labels = {0: top, height - 1: bottom} if high > low else {height // 2: top}
    for r, row in enumerate(grid):
        label = labels.get(r, "")
        lines.append((" " * (pad - len(label)) + label + " |" + "".join(row)).rstrip())
    last = str(epochs - 1)
    axis = "0" + " " * max(columns - 1 - len(last), 1) + last if epochs > 1 else "0"
    return lines + [" " * pad + " +" + "-" * columns, " " * (pad + 2) + axis + "  epoch"]


def _loss_svg(series, log):
    "Return an SVG picture of the loss per epoch, training and validation."
    width, height, left, top = 640, 400, 80, 48
    plot_w, plot_h = width - left - 24, height - top - 64     # 24 pixels right, 64 below
    levels, low, high = _levels(series, log)
    if high <= low:                    # one value: in the middle (a loss of 0 at the foot)
        half = 0.5 if log else abs(low) / 2.0
        low, high = (low, low + 1.0) if half == 0.0 else (low - half, low + half)
    span = 0.5 * high - 0.5 * low      # half the range: the whole may overflow near 1e308

    def y_tenths(value):
        "Return the y of a level, in tenths of a pixel."
        return 10 * top + int((0.5 * high - 0.5 * value) / span * plot_h * 10 + 0.5)

    body = [_svg_text(width // 2, 28, "Loss per epoch%s" % (" (log scale)" if log else ""),
                      ' text-anchor="middle" font-size="15"')]
    for t in range(5):                 # five levels, from the lowest loss to the highest
        value = low + span * (t / 2.0)
        y = y_tenths(value) // 10
        body.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#ddd"/>'
                    % (left, y, left + plot_w, y))
        body.append(_svg_text(left - 8, y + 4, _decimal(nn._exp(value) if log else value, 3),
                              ' text-anchor="end"'))
    n = len(series[0])
    for tick in [m * 10 ** p for p in range(12) for m in (1, 2, 5)]:    # epochs between ticks
        if (n - 1) // tick <= 6:
            break
    for e in range(0, n, tick):
        x = left + e * plot_w // max(n - 1, 1)
        body.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#999"/>'
                    % (x, top + plot_h, x, top + plot_h + 5))
        body.append(_svg_text(x, top + plot_h + 20, str(e), ' text-anchor="middle"'))
    body.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#999"/>'
                % (left, top, plot_w, plot_h))
    styles = [(_SVG_POSITIVE, "", "training loss"), (_SVG_NEGATIVE, _SVG_DASH, "validation loss")]
    for values, (colour, dash, words) in zip(levels, styles):
        count = len(values)            # drawn at most about 600 points
        points = " ".join(["%s,%s" % (_svg_tenths(10 * left + e * plot_w * 10 // max(n - 1, 1)),
                                      _svg_tenths(y_tenths(values[e])))
                           for e in list(range(0, count - 1, (count + 599) // 600)) + [count - 1]])
        body.append('<polyline points="%s" fill="none" stroke="%s" stroke-width="2"%s/>'
                    % (points, colour, dash))
        if count == 1:                 # a line of one point shows nothing: a dot
            x, y = points.split(",")
            body.append('<circle cx="%s" cy="%s" r="4" fill="%s"/>' % (x, y, colour))
    body.append(_svg_text(left + plot_w // 2, height - 22, "epoch", ' text-anchor="middle"'))
    body += _svg_legend(left, height - 6, styles[:len(levels)])
    return _svg_document(width, height, "nn.py loss per epoch", body)


# ---------------------------------------------------------------------------
# Exporting a network as plain Python
# ---------------------------------------------------------------------------
# net.export_python(path) writes a module that predicts without nn.py: the
# weights as lists, predict() as loops doing predict()'s arithmetic in its
# order, and nn.py's portable _exp and _tanh, so its answers are the same bits.

def export_python(net, path):
    "The body of export_python; see its docstring in nn.py."
    nn._write_atomic(path, _export_source(net), "export_python")


# The end of the exported module; each %(name)s is filled in for the network.
_PREDICT_SOURCE = '''
def _refuse(values, what):
    "Raise ValueError when values hold NaN or infinity (v - v is NaN)."
    for v in values:
        if v - v != 0.0:
            raise ValueError("predict: " + what)


def predict(x):
    "Return the answer for one row of inputs x, or a list of answers for rows."
    if isinstance(x[0], (list, tuple)):
        return [predict(row) for row in x]
    if len(x) != %(width)d:
        raise ValueError("predict: x must hold %(width)d numbers, got %%d" %% len(x))
    a = %(inputs)s
    _refuse(a, "x holds NaN or infinity%(scaled)s")
    for W, %(b)sf in zip(WEIGHTS, %(biases)sACTIVATIONS):
        z = []
        for j in range(len(W[0])):
            t = 0.0
            for i in range(len(a)):
                t += a[i] * W[i][j]
            z.append(t%(bias)s)
        a = _activate(f, z)
%(unscale)s    _refuse(a, "the outputs are not finite numbers: the weights or the inputs are "
               "too large")
    return %(answer)s
'''


def _nn_source(first, last):
    "Return nn.py's own lines, from the one that starts with first to the end of last's block."
    path = getattr(nn, "__file__", None) or "?"
    if path[-4:] in (".pyc", ".pyo"):
        path = path[:-1]
    lines, found = None, False
    if path[-3:] == ".py":
        with open(path) as f:          # line by line: a board's heap may hold no 100 KB string
            for line in f:
                if line.startswith(first):
                    lines = []
                elif found and line.strip() and not line[:1].isspace():
                    break                          # the first line after last's block
                found = found or lines is not None and line.startswith(last)
                if lines is not None:
                    lines.append(line)
    if not found:
        raise ImportError("export_python copies nn.py's exp, tanh and activations from its "
                          "source, and %r is not nn.py's source: put nn.py beside nn_tools.py"
                          % path)
    return "".join(lines).rstrip("\n")


def _activate_source(used):
    "Return the exported _activate (and _softmax), each activation in nn.py's own words."
    text = _nn_source("def _softmax(", "_UNITS = {")        # _softmax, then _UNITS' entries
    softmax, units = text.split("\n\n\n_UNITS = {\n")
    lines = ["def _activate(f, r):",
             '    "Return the activation called f of every value in the list r."']
    for f in used:
        if f == "softmax":
            body = "_softmax(r, _exp)"
        else:                          # f's lambda r, exp, th: up to the comma that ends it
            key = '"%s": (lambda r, exp, th: ' % f
            body, depth = units[units.index(key) + len(key):], 0
            for i, c in enumerate(body):
                depth += (c in "([{") - (c in ")]}")
                if depth < 0 or depth == 0 and c == ",":
                    break
            body = body[:i].replace("exp(", "_exp(").replace("th(", "_tanh(")
        lines += ["    return " + body] if f == used[-1] else \
            ['    if f == "%s":' % f, "        return " + body]
    return "\n\n\n".join([softmax] * ("softmax" in used) + ["\n".join(lines)])


def _export_source(net):
    "Return the text of the module net.export_python writes."
    who = "export_python"
    layers = net._layers(who)
    net._scale_inputs([], who)                 # refuses a scaling not fitted yet
    sizes, names = net.sizes, net._activations()
    scaler, target = net.input_scaler, net.target_scaler

    def data(name, values, indent=0):          # NAME = numbers, or lists of them, aligned
        if not values or not isinstance(values[0], list):
            return "%s[%s]" % (name, ", ".join([nn._float_text(v) for v in values]))
        indent = indent or len(name) + 1
        return "%s[%s]" % (name, (",\n" + " " * indent).join([data("", v, indent + 1)
                                                             for v in values]))
    numbers = [data("WEIGHTS = ", [W for WT, W, b in layers])]
    if net.bias:
        numbers.append(data("BIASES = ", [b for WT, W, b in layers]))
    numbers.append("ACTIVATIONS = [%s]" % ", ".join(['"%s"' % f for f in names]))
    for name, s in (("INPUT", scaler), ("TARGET", target)):
        if s is not None:
            numbers += [data(name + "_SHIFT = ", s.shift), data(name + "_DIVISOR = ", s.divisor)]
    answer, returned = "a list of %s" % nn._plural(sizes[-1], "number"), "a"
    if net.classes is not None:                # as predict(): the first of the largest outputs
        numbers.append("CLASSES = [%s]" % ", ".join([      # json writes text as Python reads it
            nn._float_text(c) if isinstance(c, float) else json.dumps(c) if nn._is_text(c)
            else str(c) for c in net.classes]))
        answer, returned = "a class label", ("CLASSES[a.index(max(a))]" if sizes[-1] > 1 else
                                             "CLASSES[1 if a[0] >= 0.5 else 0]")
    activate = _activate_source(sorted(set(names), key=names.index))
    portable = _nn_source("_LN2_HI = ", "def _tanh(")
    if "_tanh(" not in activate:               # only the exp and tanh predict() uses
        portable = portable.split("\n\n\ndef _tanh")[0] if "_exp" in activate else ""
    fill = {"width": sizes[0], "b": "b, " * net.bias, "biases": "BIASES, " * net.bias,
            "bias": " + b[j]" * net.bias, "answer": returned,
            "inputs": "[float(v) for v in x]" if scaler is None else
                      "[(float(v) - s) / d for v, s, d in zip(x, INPUT_SHIFT, INPUT_DIVISOR)]",
            "scaled": ", or too large a number to scale" * bool(scaler),
            "unscale": "" if target is None else
                       "    a = [o * d + s for o, d, s in zip(a, TARGET_DIVISOR, TARGET_SHIFT)]\n"}
    text = ['"""A network trained with nn.py %s, as plain Python: predict(x) needs only math.'
            % nn.__version__, "",
            "Layers %s: %s hidden, %s output%s%s." % (
                sizes, ", ".join(sorted(set(names[:-1]))) or "no", names[-1],
                ", loss %s" % net.loss if net.loss else "",
                ", inputs scaled as in training" if scaler is not None else ""),
            "predict(row) takes %d numbers and returns %s; predict(rows) returns a" % (
                sizes[0], answer),
            "list of answers. The answers are nn.py's predict(), to the last bit.",
            "WEIGHTS[k][i][j] is the weight from unit i of layer k to unit j of layer k + 1.",
            '"""', "", "import math"]
    pieces = ["\n".join(text), "\n".join(numbers), portable, activate,
              (_PREDICT_SOURCE % fill).strip()]
    return "\n\n\n".join([piece for piece in pieces if piece]) + "\n"


# ---------------------------------------------------------------------------
# The command line
# ---------------------------------------------------------------------------
# python3 nn.py COMMAND [ARGUMENTS] [OPTIONS], or python3 -m nn. The parser and
# the help are made from _COMMANDS, so a new command is a function and a row.
# Written by hand, because MicroPython has no argparse.

def _same_file(a, b):
    "Return True when paths a and b name one file, through links or as a hard link."
    real = getattr(getattr(os, "path", None), "realpath", None)   # no os.path: unix MicroPython
    try:
        if a == b or real is not None and real(a) == real(b):
            return True
    except Exception:                     # a name no file can have
        return False
    x, y = nn._os("stat", a), nn._os("stat", b)
    return x is not None and y is not None and x[1] != 0 and x[1:3] == y[1:3]


def _check_writable(path, who, taken=()):
    "Raise FileError now if path cannot be written or is one of the (what, path) pairs in taken."
    path = nn._check_path(path, who)
    for what, other in taken:
        if _same_file(path, other):
            raise nn.FileError("%s: %r is %s; nothing was written" % (who, path, what))
        if _same_file(path + ".tmp", other):  # which _new_file would remove
            raise nn.FileError("%s: %r is written first as %r, which is %s; nothing was written"
                               % (who, path, path + ".tmp", what))
    if (nn._os("stat", path) or [0])[0] & 0o170000 == nn._FOLDER:
        raise nn.FileError("%s: cannot write %r: it is a folder" % (who, path))
    try:
        temporary, f = nn._new_file(path)     # where _write_atomic will write first
        f.close()
        nn._os("remove", temporary)
    except Exception as error:
        raise nn.FileError("%s: cannot write %r: %s" % (who, path, nn._reason(error)))


def _train_command(arguments, options):
    "nn.py train DATA.csv: train a network on the rows of a CSV file and save it."
    path, task, seed, out = arguments[0], options["task"], options["seed"], options["out"]
    X, y, names, target = _read_csv(path, -1 if options["target"] is None else options["target"],
                                    options["inputs"], False if task == "regression" else None,
                                    options["delimiter"])
    taken = [("the data file", path)]
    for option in ("out", "plot"):     # now, not after the training
        if options[option] is not None:
            _check_writable(options[option], "train: --" + option, taken)
            taken.append(("the --%s file" % option, options[option]))
    task = task or _task_of(y)
    classes = sorted(set(y)) if task == "classification" else None
    _say("%s: %d rows, %d inputs, target %s: %s" % (      # bytes and unicode on Python 2
        path, len(X), len(names), _shown(target),
        "%d classes" % len(classes) if classes else "regression (numbers)"))

    # rows held out: some to score the network at the end, some to stop early
    X_fit, y_fit, X_test, y_test, validation = X, y, [], [], None
    count = _held_out(len(X), options["test_size"], 10)
    if count:
        X_fit, X_test, y_fit, y_test = train_test_split(X, y, count, seed)
    count = _held_out(len(X_fit), options["validation_split"], 50)
    if count and options["patience"]:
        X_fit, X_val, y_fit, y_val = train_test_split(X_fit, y_fit, count, seed)
        validation = (X_val, y_val)

    # scikit-learn's starting weights, and for two classes one sigmoid output, as it has
    outputs = len(classes) if classes and len(classes) > 2 else 1
    regression = {} if classes else {"output_activation": "linear", "loss": "mse",
                                     "target_scaling": "standard"}
    net = nn.Network([len(names)] + options["layers"] + [outputs], init="uniform", seed=seed,
                     activation=options["activation"], input_scaling="standard", **regression)
    if classes:
        net._learn_classes(classes, "train")
    # 0.001, Adam's usual default, is slow for small data
    learning_rate = options["learning_rate"] or (0.01 if options["optimizer"] == "adam" else 0.1)
    _say("network %s, %d parameters; %s, learning rate %s, batches of %d, %d epochs" % (
        net.sizes, net.parameter_count(), options["optimizer"], _decimal(learning_rate),
        options["batch_size"], options["epochs"]))
    _say("training on %d rows%s%s" % (
        len(X_fit), "; %d held out to score the network" % len(X_test) if X_test else "",
        "" if validation is None else ", %d to stop early (patience %d)"
        % (len(validation[0]), options["patience"])))
    settings = dict((key, options[key]) for key in ("epochs batch_size optimizer momentum "
                                                    "weight_decay time_limit print_every").split())
    history = net.train(X_fit, y_fit, learning_rate=learning_rate, validation_data=validation,
                        patience=options["patience"] if validation else None, progress=True,
                        **settings)
    net.input_names, net.target_name = names, target
    if history.stop_reason == "interrupted":
        if not history:
            sys.stderr.write("nn.py: interrupted in the first epoch; nothing was saved\n")
            return 130
        net.save(out)                  # what train() kept: the last whole or the best epoch
        best = len(history) - 1 if history.best_epoch is None else history.best_epoch
        sys.stderr.write("nn.py: interrupted after %s; saved %s with the weights of epoch %d\n"
                         % (nn._plural(len(history), "epoch"), out, best))
        return 130

    fit = "%.4f on the %d training rows" % (_score(net, X_fit, y_fit), len(X_fit))
    if X_test:
        fit = "%.4f on the %d held-out rows (%s)" % (_score(net, X_test, y_test), len(X_test), fit)
    else:
        fit += " (none held out: fewer than 10 rows for --test-size)"
    _say("%s %s" % ("accuracy" if classes else "R^2", fit))
    net.save(out)
    _say("saved %s" % out)
    if options["chart"]:
        history.plot()
    if options["plot"]:
        history.to_svg(options["plot"])
        _say("the loss per epoch drawn in %s" % options["plot"])
    return 0


_CHUNK = 64                            # rows predicted at once, so that a board has the memory


def _score(net, X, y):
    "Return net.score(X, y), accuracy or R^2, predicting _CHUNK rows at a time."
    answers = []
    for start in range(0, len(X), _CHUNK):
        answers += net.predict(X[start:start + _CHUNK])
    if net.classes is not None:
        return sum([1.0 for a, label in zip(answers, y) if a == label]) / len(y)
    return nn._r2(answers, [[v] for v in y])


def _task_of(y):
    "Return 'classification' for class labels or a few distinct whole numbers, else 'regression'."
    distinct = set(y)
    if [v for v in distinct if isinstance(v, nn._TEXT)]:
        return "classification"
    whole = not [v for v in distinct if not isinstance(v, nn._INTEGERS)]
    return "classification" if whole and len(distinct) <= min(20, len(y) // 2) else "regression"


def _held_out(n, fraction, least):
    "Return how many of n rows a fraction holds out, or 0 when that or the rest is below least."
    # too few tell little; to stop early on, a few dozen, or noise stops training
    count = int(math.ceil(fraction * n))
    return count if count >= least and n - count >= least else 0


def _predict_command(arguments, options):
    "nn.py predict MODEL.json DATA.csv: write the network's answers for a CSV file as CSV."
    for path in arguments:             # python3 nn.py predict m.json d.csv >> d.csv
        if _same_file("/dev/stdout", path):
            raise ValueError("predict: standard output goes to %r, an input; nothing was "
                             "written" % path)
    net = nn.load(arguments[0])
    X, y, names = read_csv(arguments[1], None, options["inputs"] or net.input_names, None,
                           options["delimiter"])
    if len(names) != net.sizes[0]:
        raise ValueError("predict: %s has %d columns, but the network takes %d inputs; choose "
                         "them with --inputs" % (arguments[1], len(names), net.sizes[0]))
    classify, probabilities = net.classes is not None, options["probabilities"]
    if probabilities and not classify:
        raise ValueError("predict: --probabilities is for classifiers, and %s predicts numbers"
                         % arguments[0])
    name = net.target_name or "prediction"
    header = [name]
    if probabilities:
        header += ["probability_%s" % (c,) for c in net.classes]
    elif not classify and net.sizes[-1] > 1:
        header = ["%s_%d" % (name, j) for j in range(net.sizes[-1])]
    delimiter = options["delimiter"]
    nn._write_lines([_csv_line(names + header, delimiter)], sys.stdout)
    for start in range(0, len(X), _CHUNK):
        rows = X[start:start + _CHUNK]
        answers = [[a] if classify else a for a in net.predict(rows)]
        if probabilities:
            answers = [a + p for a, p in zip(answers, net.predict_proba(rows))]
        nn._write_lines([_csv_line(row + answer, delimiter)
                         for row, answer in zip(rows, answers)], sys.stdout)
    return 0


def _info_command(arguments, options):
    "nn.py info MODEL.json: describe a saved network."
    net = nn.load(arguments[0])
    net.summary()
    if net.input_names is not None:
        _say("input columns: %s" % ", ".join(net.input_names))
    if net.target_name is not None:
        _say("target column: %s" % net.target_name)
    return 0


def _draw_command(arguments, options):
    "nn.py draw MODEL.json PICTURE.svg: draw a saved network."
    _check_writable(arguments[1], "draw", [("the model", arguments[0])])
    net = nn.load(arguments[0])
    net.to_svg(arguments[1], labels=True if options["labels"] else None)
    _say("drew %s (%s) in %s" % (arguments[0], "-".join([str(n) for n in net.sizes]),
                                 arguments[1]))
    return 0


def _say(line):
    "Print one line on standard output."
    nn._write_lines([line])


def _reader(parse, ok, expected):
    "Return a reader of an option's value: parse(text) if ok(it), else ValueError(expected)."

    def read(text):
        "Return the value in text, or raise ValueError saying what was expected."
        try:
            value = parse(text)
        except ValueError:
            value = None
        if value is None or not ok(value):
            raise ValueError(expected)
        return value
    return read


def _choice(names):
    "Return a reader of one of the names, given in one string: 'adam sgd'."
    names = names.split()
    return _reader(lambda text: text, lambda text: text in names, " or ".join(names))


_whole = _reader(int, lambda n: n >= 1, "a whole number of 1 or more")
_count = _reader(int, lambda n: n >= 0, "a whole number of 0 or more")
_positive = _reader(_csv_number, lambda x: x > 0.0, "a number above 0")
_fraction = _reader(_csv_number, lambda x: 0.0 <= x < 1.0, "a number from 0 up to 1, such as 0.2")
_widths = _reader(lambda text: [int(width) for width in text.split(",")],
                  lambda widths: min(widths) >= 1,
                  "widths of 1 or more separated by commas, such as 16,8")
_columns = _reader(lambda text: [name.strip() for name in text.split(",")],
                   lambda names: "" not in names, "column names or positions separated by commas")
_delimiter = _reader(lambda text: "\t" if text == "tab" else text, lambda text: len(text) == 1,
                     "one character, or the word tab")


def _parse(entry, argv):
    """Return (arguments, options) of argv for entry, a row of _COMMANDS, or raise ValueError.

    options maps every option's name ("learning_rate" for --learning-rate) to its value, or
    its default when not given; --name value and --name=value both work.
    """
    name, function, expected, about, table = entry
    by_flag = dict((option[0], option) for option in table)
    options = dict((option[0][2:].replace("-", "_"), option[2]) for option in table)
    arguments, i = [], 0
    while i < len(argv):
        word = argv[i]
        i += 1
        if word == "--":                 # everything after it is an argument
            arguments.extend(argv[i:])
            break
        if not word.startswith("-") or len(word) == 1 or _csv_number(word) is not None:
            arguments.append(word)
            continue
        flag, value = (word.split("=", 1) + [None])[:2]
        if flag not in by_flag:
            close = [o[0] for o in table if flag[:2] == "--" and o[0].startswith(flag[:5])]
            hint = " (did you mean %s?)" % " or ".join(close) if close else ""
            raise ValueError("%s: unknown option %s%s; see python3 nn.py %s --help"
                             % (name, flag, hint, name))
        flag, metavar, default, read, text = by_flag[flag]
        if metavar is None:              # a switch
            if value is not None:
                raise ValueError("%s: %s takes no value" % (name, flag))
            value = True
        elif value is None:
            if i == len(argv):
                raise ValueError("%s: %s needs a value (%s)" % (name, flag, metavar))
            value = argv[i]
            i += 1
        if read is not None:
            try:
                value = read(value)
            except ValueError as error:
                raise ValueError("%s: %s must be %s, got %r" % (name, flag, error, value))
        options[flag[2:].replace("-", "_")] = value
    if len(arguments) != len(nn._words(expected)):
        raise ValueError("%s expects %s, got %s; see python3 nn.py %s --help"
                         % (name, expected or "no arguments", " ".join(arguments) or "none",
                            name))
    return arguments, options


def _help(name=None):
    "Return the help text of one command, or of the command line as a whole."
    if name is None:
        lines = ["usage: python3 nn.py COMMAND [ARGUMENTS] [OPTIONS]   (or: python3 -m nn ...)",
                 ""] + ["  %-30s %s" % (row[0] + " " + row[2], row[3]) for row in _COMMANDS]
        lines += ["", "python3 nn.py COMMAND --help describes a command and its options.",
                  "Exit status: 0 done, 2 a mistake (said in one line), 130 interrupted."]
        return "\n".join(lines) + "\n"
    name, function, expected, about, table = _command(name)
    usage = " ".join(nn._words("usage: python3 nn.py %s %s %s"
                               % (name, expected, "[OPTIONS]" if table else "")))
    lines = [usage, "", about[:1].upper() + about[1:] + "."]
    if table:
        lines += ["", "options:"]
    for flag, metavar, default, read, text in table:
        if default is not None and default is not False:
            text += " (default %s)" % (",".join([str(v) for v in default])
                                       if isinstance(default, list) else default)
        words, line = nn._words(text), "  %-24s" % (flag + (" " + metavar if metavar else ""))
        for word in words:               # wrapped to 79 columns
            if len(line) + 1 + len(word) > 79 and len(line) > 27:
                lines.append(line)
                line = " " * 26
            line += " " + word
        lines.append(line)
    return "\n".join(lines) + "\n"


def _command(name):
    "Return the row of _COMMANDS for a command's name, or raise ValueError."
    for entry in _COMMANDS:
        if entry[0] == name:
            return entry
    raise ValueError("unknown command %r; the commands are %s (python3 nn.py --help)"
                     % (name, ", ".join([entry[0] for entry in _COMMANDS])))


# Every command: its name, its function, the arguments it expects, what it
# does, and its options as (flag, value's name or None for a switch, default,
# a reader of the value or None for text, help). The function gets the
# arguments as a list and the options as a dict.
_COMMANDS = [
    ("train", _train_command, "DATA.csv", "train a network on a CSV file and save it", [
        ("--target", "COLUMN", None, None,
         "the column to learn: a name, or a position from 0 (default the last)"),
        ("--inputs", "A,B,...", None, _columns, "the input columns (default all but the target)"),
        ("--task", "TASK", None, _choice("classification regression"),
         "classification or regression (default classification for labels or few whole numbers)"),
        ("--layers", "N,N,...", [16], _widths, "the widths of the hidden layers"),
        ("--activation", "NAME", "relu", _choice("relu tanh sigmoid leaky_relu linear"),
         "of the hidden layers: relu, tanh, sigmoid, leaky_relu or linear"),
        ("--epochs", "N", 200, _whole, "the most passes over the training rows"),
        ("--optimizer", "NAME", "adam", _choice("adam sgd"), "adam or sgd"),
        ("--learning-rate", "R", None, _positive,
         "the step size (default 0.01 for adam, 0.1 for sgd)"),
        ("--batch-size", "N", 32, _whole, "rows per step"),
        ("--momentum", "M", 0.0, _fraction, "for sgd, such as 0.9"),
        ("--weight-decay", "W", 0.0, _fraction, "L2 regularisation, such as 0.0001"),
        ("--test-size", "F", 0.2, _fraction,
         "the fraction of rows held out to score the network, when that is 10 rows or more"),
        ("--validation-split", "F", 0.1, _fraction,
         "the fraction of the other rows held out to stop early, when that is 50 rows or more"),
        ("--patience", "N", 20, _count,
         "stop when their loss has not improved in N epochs, keeping the best weights (0: never)"),
        ("--time-limit", "SECONDS", None, _positive, "stop training after this long"),
        ("--seed", "N", 0, _count, "for the weights, the held-out rows and the shuffling"),
        ("--print-every", "N", 0, _count, "print the loss every N epochs (0: never)"),
        ("--delimiter", "C", ",", _delimiter, "the character between values, or tab"),
        ("--out", "MODEL.json", "model.json", None, "where to save the network"),
        ("--chart", None, False, None, "print the loss per epoch as a text chart at the end"),
        ("--plot", "LOSS.svg", None, None, "draw the loss per epoch in an SVG picture"),
    ]),
    ("predict", _predict_command, "MODEL.json DATA.csv",
     "write the answers for a CSV file, as CSV", [
         ("--probabilities", None, False, None, "add the probability of every class"),
         ("--inputs", "A,B,...", None, _columns,
          "the input columns (default the ones the network learnt from)"),
         ("--delimiter", "C", ",", _delimiter, "the character between values, or tab"),
     ]),
    ("info", _info_command, "MODEL.json", "describe a saved network", []),
    ("draw", _draw_command, "MODEL.json PICTURE.svg", "draw a saved network as an SVG picture", [
        ("--labels", None, False, None,
         "write every weight beside its line (the default for small networks)"),
    ]),
    ("demo", lambda arguments, options: nn.demo(), "",
     "run the tutorials nn.py grew out of (default)", []),
]


def main(argv=None, script=False):
    """Run the command line on argv (sys.argv[1:] by default); return the exit status.

    0 done; 2 a mistake in the command or the data, said in one line on standard
    error starting "nn.py: "; 130 Ctrl-C. A bug in nn.py shows its traceback (1).
    """
    if argv is None:
        argv = sys.argv[1:]
    argv = nn._sequence(argv, "main", "argv", "a list of strings")
    for i, arg in enumerate(argv):
        if not nn._is(arg, nn._TEXT):
            raise TypeError("main: argv[%d] must be a string, got %s" % (i, nn._describe(arg)))
    argv = [nn._plain(arg, "main", "argv") for arg in argv]
    if sys.stdout is None:               # started with standard output closed (python3 ... >&-)
        if sys.stderr is not None:
            sys.stderr.write("nn.py: standard output is closed\n")
        return 2
    stopped = []                         # the Ctrl-C caught, once there is one

    def interrupt(signum, frame):
        "Raise KeyboardInterrupt at the first Ctrl-C only: more must not stop the saving."
        if not stopped:
            stopped.append(signum)
            raise KeyboardInterrupt
    try:
        import signal
        if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
            signal = None                # a handler of the caller's own: left alone
        else:
            signal.signal(signal.SIGINT, interrupt)
    except Exception:                    # no signals here (MicroPython, Pyodide, a thread)
        signal = None
    try:
        name = argv[0] if argv else "demo"
        if name == "--version":
            _say("nn.py %s" % nn.__version__)
            return 0
        if name in ("-h", "--help", "help"):
            name = argv[1] if len(argv) > 1 else None
        elif "-h" not in argv and "--help" not in argv:
            entry = _command(name)
            return entry[1](*_parse(entry, argv[1:]))     # its arguments and options
        nn._write_lines([_help(name)], sys.stdout, end="")
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("nn.py: interrupted\n")
        return 130
    except MemoryError:
        sys.stderr.write("nn.py: out of memory; try fewer rows or smaller layers\n")
        return 2
    except (ValueError, nn._IOError) as error:   # nn.py's own checks raise ValueError
        if getattr(error, "errno", None) == 32 and not isinstance(error, ValueError):
            return 1                     # a closed pipe, as in: nn.py predict ... | head
        message = _text_of(error) if isinstance(error, ValueError) else \
            "cannot write the output: %s" % nn._reason(error)
        line = "nn.py: %s\n" % " ".join(nn._words(message))
        if not isinstance(line, str):    # Python 2: unicode, which stderr may not encode
            line = line.encode("utf-8")
        sys.stderr.write(line)
        return 2
    finally:                             # as a script the process ends next: a Ctrl-C now
        if signal:                       # would kill it, unless ignored
            signal.signal(signal.SIGINT, signal.SIG_IGN if script
                          else signal.default_int_handler)


def _text_of(error):
    "Return the message of an exception, even one with text str() cannot encode (Python 2)."
    try:
        return str(error)
    except UnicodeError:
        return error.args[0] if error.args else type(error).__name__
