"""Models saved by one interpreter must predict the same bits on every other.

    python cross_check.py save NAME     train two small networks here and print them,
                                        as nn.py saves them, to standard output
    python cross_check.py predict          load every network in cross_models.py (the saved
                                           files, as strings: Brython cannot open files) and
                                           print the exact bits of its predictions

Every interpreter writes its networks (its training differs in the last bits
from the others'), then every interpreter predicts with all of them; the
outputs of all the "predict" runs must be identical, line for line.
"""

import math
import sys

import nn

X = [[0.5, -1.25, 2.0, 7.0], [3.0, 0.001, -0.7, 0.0], [-40.0, 12.5, 0.3, 1e-9], [1.0, 1.0, 1.0, 1.0]]
REGRESSION_Y = [[91.5, -3.0], [12.0, 0.5], [7.25, 1.0], [-2.0, 2.5]]
LABELS = ["cat", "dog", "fish", "dog"]


def bits(x):
    "Return x as exact integers: its 53-bit mantissa and exponent."
    m, e = math.frexp(x)
    return "%d:%d" % (int(m * 9007199254740992.0), e)


def save(name):
    "Print two networks trained here, in nn.py's file format, separated by a marker line."
    regression = nn.Network([4, 6, 2], activation="tanh", output_activation="linear",
                            seed=len(name), input_scaling="standard", target_scaling="minmax")
    regression.train(X, REGRESSION_Y, epochs=30, learning_rate=0.05, batch_size=2, momentum=0.9)
    classifier = nn.Network([4, 5, 3], activation="relu", seed=7 + len(name),
                            input_scaling="max")
    classifier.train(X, LABELS, epochs=30, optimizer="adam", learning_rate=0.01)
    sys.stdout.write(nn._model_text(regression, "save"))
    sys.stdout.write("----\n")
    sys.stdout.write(nn._model_text(classifier, "save"))


def predict():
    "Print the bits of every saved network's predictions (and labels, for classifiers)."
    from cross_models import MODELS
    for name, text in MODELS:
        net = nn._load_text(text, name)
        if net.classes:
            rows = net.predict_proba(X)
            answer = " ".join(net.predict(X))
        else:
            rows = net.predict(X)
            answer = ""
        line = " ".join([bits(v) for row in rows for v in row])
        sys.stdout.write("%s %s %s\n" % (name, line, answer))


if __name__ == "__main__":
    if sys.argv[1] == "save":
        save(sys.argv[2])
    else:
        predict()
