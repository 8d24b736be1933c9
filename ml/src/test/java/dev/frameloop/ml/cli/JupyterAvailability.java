package dev.frameloop.ml.cli;

import dev.frameloop.core.testing.MachineRequirements;
import dev.frameloop.ml.notebook.Jupyter;

import java.util.Optional;


/** Tests that need Debian's Jupyter: they fail in CI when it is missing, and skip with the reason elsewhere. */
final class JupyterAvailability {
    private JupyterAvailability() {
    }

    static void require() throws Exception {
        Optional<String> missing = whatIsMissing();
        MachineRequirements.require(missing.isEmpty(), missing.map(m -> m + "; " + Jupyter.MISSING).orElse(""));
    }

    private static Optional<String> whatIsMissing() throws Exception {
        Optional<Jupyter> jupyter = Jupyter.find(System.getenv());
        if (jupyter.isEmpty()) {
            return Optional.of("no `jupyter` on PATH");
        }
        Process p = new ProcessBuilder(jupyter.get().python().toString(), "-c", "import nbclient, nbformat, jupyter_client")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            return Optional.of(jupyter.get().python() + " cannot import nbclient: " + out.strip());
        }
        return Optional.empty();
    }
}
