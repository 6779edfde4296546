"""Train nn.py and scikit-learn's MLPClassifier side by side; print the README's table.

    python3 bench/sklearn_parity.py              iris, wine and breast cancer, 30 splits each
    python3 bench/sklearn_parity.py --splits 5   fewer splits, for a quick look

This is the measurement behind README.md's "Against scikit-learn" table. It
needs scikit-learn (and so numpy); nn.py itself never does. For each data
set and each s from 0 to splits - 1 it holds out a quarter of the rows with
train_test_split(test_size=0.25, random_state=s) and trains both on the
rest with the same settings: one hidden layer of 16 relu units, scikit-learn's
starting weights (init="uniform", seed=s / random_state=s), inputs
standardized with the training rows' mean and standard deviation, adam with
learning rate 0.01, shuffled batches of 32, 200 epochs, no weight decay
(alpha=0) and no early stopping (scikit-learn's n_iter_no_change is set to
the number of epochs, so that both run all 200). It prints the mean accuracy
on the held-out rows and on how many splits the two predict the same class
for every held-out row.
"""

import os
import sys
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import nn

try:
    import sklearn
    from sklearn.datasets import load_breast_cancer, load_iris, load_wine
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import train_test_split
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler
except ImportError:
    sys.stdout.write("sklearn_parity.py needs scikit-learn: pip install scikit-learn\n")
    sys.exit(2)

HIDDEN, LEARNING_RATE, BATCH, EPOCHS = 16, 0.01, 32, 200


def one_split(X, y, s):
    "Return (nn.py's accuracy, scikit-learn's accuracy, same predictions?) on split s."
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=s)
    y_train, y_test = y_train.tolist(), y_test.tolist()
    classes = sorted(set(y_train))
    outputs = 1 if len(classes) == 2 else len(classes)
    net = nn.Network([X.shape[1], HIDDEN, outputs], activation="relu", init="uniform",
                     input_scaling="standard", seed=s)
    net.train(X_train.tolist(), y_train, epochs=EPOCHS, optimizer="adam",
              learning_rate=LEARNING_RATE, batch_size=BATCH)
    ours = net.predict(X_test.tolist())

    scaler = StandardScaler().fit(X_train)
    clf = MLPClassifier(hidden_layer_sizes=(HIDDEN,), activation="relu", solver="adam",
                        learning_rate_init=LEARNING_RATE, batch_size=BATCH, max_iter=EPOCHS,
                        alpha=0.0, n_iter_no_change=EPOCHS, random_state=s)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)     # it ran all 200 epochs
        clf.fit(scaler.transform(X_train), y_train)
    theirs = clf.predict(scaler.transform(X_test)).tolist()

    def accuracy(predicted):
        return sum([1.0 for p, t in zip(predicted, y_test) if p == t]) / len(y_test)
    return accuracy(ours), accuracy(theirs), ours == theirs


def main(argv):
    splits = int(argv[argv.index("--splits") + 1]) if "--splits" in argv else 30
    sys.stdout.write("nn.py %s, scikit-learn %s, Python %s; %d splits\n\n"
                     % (nn.__version__, sklearn.__version__, sys.version.split()[0], splits))
    sys.stdout.write("| data set | rows | nn.py | `MLPClassifier` | the same predictions |\n"
                     "| --- | --- | --- | --- | --- |\n")
    for name, load in (("iris", load_iris), ("wine", load_wine),
                       ("breast cancer", load_breast_cancer)):
        X, y = load(return_X_y=True)
        results = [one_split(X, y, s) for s in range(splits)]
        sys.stdout.write("| %s | %d | %.4f | %.4f | on %d of %d splits |\n" % (
            name, len(y), sum([r[0] for r in results]) / splits,
            sum([r[1] for r in results]) / splits, sum([1 for r in results if r[2]]), splits))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
