package org.port853.cli;

import org.port853.platform.ApplyResult;
import org.port853.platform.ResolverAdapter;
import org.port853.probe.doctor.RollbackCause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recover", mixinStandardHelpOptions = true, description = "Finish a change that was interrupted: health check, then keep it or roll it back.",
        footer = {"", "Exit codes: 0 kept or finished, or no change was interrupted; 1 rolled back or failed; 2 bad "
                + "input; 3 kept, but programs reading a static /etc/resolv.conf bypass it, or encryption was asked for "
                + "but the check's answer came without it; " + ExitCodes.STOPPED_HELP})
final class RecoverCommand extends JournalCommand {
    @Option(names = "--boot", description = "For the boot-time unit: wait for the network (up to 5 minutes, retrying) and "
            + "roll back only if the check still fails while the network is up.")
    boolean boot;

    RecoverCommand(CliServices services) {
        super(services);
    }

    /** Not at boot: nobody reads it there, and the resolver may not answer yet. */
    @Override
    boolean saysWhenItWaits() {
        return !boot;
    }

    /**
     * A rolled-back change is explained as its apply would have explained it, from the settings it wrote (this run never
     * saw them). Not at boot: nobody reads it there, and the servers may not be reachable yet.
     */
    @Override
    RollbackCause.Probed cause(CliServices services, ResolverAdapter adapter, ApplyResult r) {
        return boot || !ApplyCommand.mayProbe(services) ? null : adapter.settingsWritten(r)
                .map(asked -> ApplyCommand.rollbackCause(services, r, asked, adapter::readState)).orElse(null);
    }

    /**
     * A kept change that asked for encryption but whose check was answered without it ends as its apply would have:
     * "not encrypted" on stderr, exit 3. A script or the boot unit must not read a plaintext fallback as success.
     */
    @Override
    int exitCode(ResolverAdapter adapter, ApplyResult r) {
        return adapter.settingsWritten(r).map(asked -> {
            ApplyCommand.sayIfNotEncrypted(spec, r, asked, adapter::readState);
            return ExitCodes.ofApply(r, asked);
        }).orElseGet(() -> ExitCodes.of(r));
    }

    @Override
    ApplyResult run(ResolverAdapter adapter) {
        return boot ? adapter.recoverAtBoot() : adapter.recover();
    }
}
