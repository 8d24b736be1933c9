# Executes one notebook headless with nbclient; read from stdin by `frameloop notebook run`.
# argv: NOTEBOOK OUT_NOTEBOOK STATUS_JSON KERNEL_NAME CELL_TIMEOUT_S WORKING_DIR
# Writes the executed notebook (as far as it ran) to OUT_NOTEBOOK and a status object
# {"status": ok|cell-error|timeout|kernel-error|missing-jupyter, "cell": index, "message": ...}
# to STATUS_JSON. The exit code is 0 only when every cell ran without error.
import json
import sys

notebook_path, out_path, status_path, kernel_name, timeout, cwd = sys.argv[1:7]


def report(status, message="", cell=None, code=1):
    with open(status_path, "w", encoding="utf-8") as f:
        json.dump({"status": status, "cell": cell, "message": message}, f)
    sys.exit(code)


try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
except ImportError as e:
    report("missing-jupyter", str(e))

nb = nbformat.read(notebook_path, as_version=4)
current = {"cell": None}


def on_cell_start(cell=None, cell_index=None, **kwargs):
    current["cell"] = cell_index


client = NotebookClient(nb, kernel_name=kernel_name, timeout=int(timeout),
                        resources={"metadata": {"path": cwd}}, on_cell_start=on_cell_start)
outcome = ("ok", "", 0)
try:
    client.execute()
except CellTimeoutError as e:
    outcome = ("timeout", str(e), 1)
except CellExecutionError as e:
    outcome = ("cell-error", str(e), 1)
except DeadKernelError as e:
    outcome = ("kernel-error", "the kernel died: " + str(e), 1)
except Exception as e:  # the kernel did not start, or the client failed: say what and where
    outcome = ("kernel-error", "%s: %s" % (type(e).__name__, e), 1)
finally:
    nbformat.write(nb, out_path)
report(outcome[0], outcome[1], current["cell"], outcome[2])
