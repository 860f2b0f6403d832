package org.port853.helper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.port853.change.AtomicFiles;
import org.port853.change.ChangeLock;
import org.port853.change.CreatedDirectories;
import org.port853.core.Sentence;
import org.port853.platform.ApplyResult;
import org.port853.platform.ProcessRunner;
import org.port853.platform.Steps;

/**
 * The hardening rule as a reversible change: one nftables table, {@code inet port853}, that drops DNS arriving on
 * any interface but loopback, kept in one file Port853 owns. Applying loads the file as one atomic nft batch
 * (which replaces an older version of the table), checks that the table is live, and undoes everything when a
 * step fails; reverting deletes the table and the file. Both hold the change lock, as apply and revert of the resolver's
 * settings do ({@link org.port853.change.ChangeEngine}): they share the list of directories Port853 created, and a
 * harden beside a revert could otherwise lose a line of it, and a directory Port853 created would stay behind.
 */
public final class PortHardening {
    public static final String TABLE = "port853";
    public static final Path SYSTEM_FILE = Path.of("/etc/nftables.d/port853-harden-dns.nft");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Path file;
    private final List<String> nft;
    private final Path stateDir;
    private final Duration lockWait;
    private final CreatedDirectories createdDirectories;
    private final RebootNote rebootNote;

    /**
     * {@code nft}: the command (with any prefix, e.g. a namespace in tests); {@code stateDir}: Port853's state
     * directory, whose change lock apply and revert take (waiting at most {@code lockWait}) and where the file's
     * directory is remembered when applying creates it, so that reverting removes it again; {@code systemctl}: asked
     * whether nftables.service starts at boot.
     */
    public PortHardening(Path file, List<String> nft, Path stateDir, Duration lockWait, Path systemctl) {
        this.file = file;
        this.nft = List.copyOf(nft);
        this.stateDir = stateDir;
        this.lockWait = lockWait;
        this.createdDirectories = new CreatedDirectories(stateDir);
        this.rebootNote = new RebootNote(file, systemctl);
    }

    /** The table; the batch first creates then deletes it so that loading replaces an older version atomically. */
    public static String ruleset() {
        return "# Port853: drop DNS queries arriving from the network (port 53 stays usable on loopback).\n"
                + "# Remove with: nft delete table inet " + TABLE + "\n"
                + "table inet " + TABLE + "\n"
                + "delete table inet " + TABLE + "\n"
                + "table inet " + TABLE + " {\n"
                + "    chain input {\n"
                + "        type filter hook input priority filter; policy accept;\n"
                + "        iifname != \"lo\" udp dport 53 drop\n"
                + "        iifname != \"lo\" tcp dport 53 drop\n"
                + "    }\n"
                + "}\n";
    }

    /** @throws ChangeLock.BusyException when another change holds the lock for longer than the wait */
    public ApplyResult apply() throws IOException {
        try (ChangeLock lock = ChangeLock.acquire(stateDir, lockWait)) {
            return applyLocked();
        }
    }

    /** @throws ChangeLock.BusyException when another change holds the lock for longer than the wait */
    public ApplyResult revert() throws IOException {
        try (ChangeLock lock = ChangeLock.acquire(stateDir, lockWait)) {
            return revertLocked();
        }
    }

    private ApplyResult applyLocked() {
        long t0 = System.nanoTime();
        Steps actions = new Steps();
        byte[] before;
        try {
            before = Files.exists(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return ApplyResult.of(ApplyResult.Outcome.FAILED, Sentence.of("cannot read " + file + ": " + e.getMessage(),
                    "refused.unreadable", file, e.getMessage()));
        }
        if (!nftInstalled()) {
            // refused before anything is written: without nft no table can be loaded, and the raw "Cannot run
            // program" with a roll-back of a table that never was would not tell the user what is missing
            return result(ApplyResult.Outcome.REFUSED, Sentence.of("the hardening rule needs nftables, which is not "
                    + "installed (no nft program): install the package nftables, then try again; nothing was changed",
                    "refused.no-nft"), actions, t0);
        }
        try {
            if (before != null && java.util.Arrays.equals(before, ruleset().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    && tableLive()) {
                actions.add("check: table inet " + TABLE + " drops udp and tcp 53 on non-loopback interfaces",
                        "step.nft-check", TABLE);
                return result(ApplyResult.Outcome.UNCHANGED, rebootNote.afterHarden(Sentence.of("the hardening rule is in place "
                        + "already: inbound DNS is dropped on non-loopback interfaces", "result.hardened-already")),
                        actions, t0);
            }
            createdDirectories.ensure(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            AtomicFiles.write(file, ruleset(), AtomicFiles.PUBLIC);
            actions.add("write " + file, "step.write", file);
            ProcessRunner.Result load = nft("-f", file.toString());
            actions.add("load: nft -f " + file, "step.nft-load", file);
            if (!load.ok()) {
                throw new IOException("nft -f failed: " + load.stderr().strip());
            }
            if (!tableLive()) {
                throw new IOException("the table inet " + TABLE + " is not live after loading it");
            }
            actions.add("check: table inet " + TABLE + " drops udp and tcp 53 on non-loopback interfaces", "step.nft-check",
                    TABLE);
            return result(ApplyResult.Outcome.APPLIED, rebootNote.afterHarden(Sentence.of("inbound DNS is dropped on "
                    + "non-loopback interfaces", "result.hardened")), actions, t0);
        } catch (IOException | RuntimeException e) {
            Sentence rolledBack = rollBack(before);
            actions.add("roll back: " + rolledBack.english(), rolledBack.words());
            return result(ApplyResult.Outcome.ROLLED_BACK, new Sentence(e.getMessage(), null), actions, t0);
        }
    }

    private ApplyResult revertLocked() {
        long t0 = System.nanoTime();
        Steps actions = new Steps();
        try {
            if (!Files.exists(file) && !tablePresent()) {
                return result(ApplyResult.Outcome.UNCHANGED, rebootNote.afterUndo(Sentence.of("there is no hardening "
                        + "rule to remove", "result.unhardened-nothing")), actions, t0);
            }
            deleteTable();
            actions.add("nft delete table inet " + TABLE, "step.nft-delete", TABLE);
            if (Files.deleteIfExists(file)) {
                actions.add("remove " + file, "step.remove", file);
            }
            createdDirectories.removeIfEmpty(file.getParent());
            return result(ApplyResult.Outcome.REVERTED, rebootNote.afterUndo(Sentence.of("the hardening rule is gone",
                    "result.unhardened")), actions, t0);
        } catch (IOException e) {
            return result(ApplyResult.Outcome.FAILED, new Sentence(e.getMessage(), null), actions, t0);
        }
    }

    /** What the roll-back did, said by "step.nft-rollback" with a kind (0 removed, 1 reloaded, 2 reload failed, 3 incomplete). */
    private Sentence rollBack(byte[] before) {
        try {
            deleteTable();
            if (before == null) {
                Files.deleteIfExists(file);
                createdDirectories.removeIfEmpty(file.getParent());
                return Sentence.of("table deleted, file removed", "step.nft-rollback", 0, "");
            }
            AtomicFiles.write(file, before, AtomicFiles.PUBLIC);
            ProcessRunner.Result reload = nft("-f", file.toString());
            return reload.ok() ? Sentence.of("file restored and reloaded", "step.nft-rollback", 1, "")
                    : Sentence.of("file restored, reloading it failed: " + reload.stderr().strip(), "step.nft-rollback", 2,
                    reload.stderr().strip());
        } catch (IOException e) {
            return Sentence.of("incomplete: " + e.getMessage(), "step.nft-rollback", 3, e.getMessage());
        }
    }

    /** The table is loaded and drops udp and tcp 53 (the rule this class writes). */
    private boolean tableLive() throws IOException {
        ProcessRunner.Result list = nft("list", "table", "inet", TABLE);
        return list.ok() && list.stdout().contains("udp dport 53 drop") && list.stdout().contains("tcp dport 53 drop");
    }

    /** A table of our name is loaded, whatever it holds; false without nft (then no table can be). */
    private boolean tablePresent() throws IOException {
        return nftInstalled() && nft("list", "table", "inet", TABLE).ok();
    }

    private void deleteTable() throws IOException {
        if (!nftInstalled()) {
            return; // without nft no table can be loaded: only the file is left to remove
        }
        ProcessRunner.Result r = nft("delete", "table", "inet", TABLE);
        if (!r.ok() && !r.stderr().contains("No such file")) {
            throw new IOException("nft delete table failed: " + r.stderr().strip());
        }
    }

    /** Is the nft program there (a path, or a name found on PATH)? */
    private boolean nftInstalled() {
        String program = nft.get(0);
        if (program.contains("/")) {
            return Files.isExecutable(Path.of(program));
        }
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private ProcessRunner.Result nft(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(nft);
        cmd.addAll(List.of(args));
        return ProcessRunner.run(cmd, null, TIMEOUT);
    }

    private static ApplyResult result(ApplyResult.Outcome o, Sentence reason, Steps actions, long t0) {
        return new ApplyResult(o, reason, null, actions, false, Duration.ofNanos(System.nanoTime() - t0));
    }
}
