package dev.frameloop.ml.cli;

import picocli.CommandLine;

/** Reports the version Maven wrote into the jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = FrameloopMain.class.getPackage().getImplementationVersion();
        return new String[] {"frameloop " + (v == null ? "(development build)" : v)};
    }
}
