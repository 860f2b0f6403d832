package org.port853.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.port853.core.FileType;
import org.port853.core.ResolvConfState;
import org.port853.core.DesiredSettings;
import org.port853.core.Sentence;
import org.port853.core.StubListenerAdvice;
import org.port853.core.DotMode;
import org.port853.core.DropIn;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;
import org.port853.platform.FileChange;
import org.port853.platform.Plan;
import org.port853.platform.Steps;

/**
 * Decides what files a change to systemd-resolved needs, or refuses it with a reason. Used twice: unprivileged
 * for the preview, and again by the privileged helper, which trusts nothing the caller computed.
 */
public final class ResolvedPlanner {
    static final int FIRST_DOT_VERSION = LinuxRules.FIRST_DOT_VERSION;
    static final int FIRST_SNI_VERSION = LinuxRules.FIRST_SNI_VERSION;

    private final LinuxPaths paths;

    public ResolvedPlanner(LinuxPaths paths) {
        this.paths = paths;
    }

    /** Why these settings cannot work here, if they cannot. */
    public Optional<String> refusal(DesiredSettings s, int systemdVersion, List<DropIn> dropIns) {
        return refusalSaid(s, systemdVersion, dropIns).map(Sentence::english);
    }

    /** As {@link #refusal}, with the words the window says it by. */
    public Optional<Sentence> refusalSaid(DesiredSettings s, int systemdVersion, List<DropIn> dropIns) {
        if (s.mode() != DotMode.OFF && systemdVersion > 0 && systemdVersion < FIRST_DOT_VERSION) {
            return Optional.of(Sentence.of("systemd " + systemdVersion + " has no DNS-over-TLS (it arrived in 239)",
                    "refused.no-dot", systemdVersion));
        }
        if (s.mode() == DotMode.STRICT && systemdVersion > 0 && systemdVersion < FIRST_SNI_VERSION) {
            return Optional.of(Sentence.of("strict mode needs systemd 246 or later to check the server's certificate "
                    + "name; this system has " + systemdVersion + ". Use opportunistic mode, or upgrade",
                    "refused.strict-too-old", systemdVersion));
        }
        if (!new ResolvedFeatures(systemdVersion).serverNames()
                && s.servers().stream().anyMatch(a -> a.port() != 0 && a.port() != 853 && a.port() != 53)) {
            return Optional.of(Sentence.of("systemd " + systemdVersion + " cannot use a server port (that arrived in "
                    + "246); remove the :port", "refused.no-port", systemdVersion));
        }
        SettingsPipe pipeEffect = SettingsPipe.on(systemdVersion, true);
        Optional<Sentence> mainPipe = mainConfPipe(systemdVersion, pipeEffect);
        if (mainPipe.isPresent()) {
            return mainPipe;
        }
        Optional<Sentence> unmasked = s.isOff() ? pipeRevertUnmasks(DropInScanner.pipeOursMasks(paths), pipeEffect)
                : Optional.empty();
        if (unmasked.isPresent()) {
            return unmasked;
        }
        Optional<Sentence> unusableDir = s.isOff() ? Optional.empty() : ourDirectoryUnusable();
        if (unusableDir.isPresent()) {
            return unusableDir;
        }
        Optional<String> closedDir = s.isOff() ? Optional.empty() : DropInScanner.ourDirectoryClosed(paths);
        if (closedDir.isPresent()) {
            Path dir = paths.ourDropIn().getParent();
            return Optional.of(Sentence.of("systemd-resolved would not see Port853's drop-in in " + dir + ": "
                    + closedDir.get() + "; make that directory readable for it first (chmod 0755 " + dir + ")",
                    "refused.drop-in-dir-closed", dir, closedDir.get()));
        }
        java.util.Set<String> written = s.isOff() ? java.util.Set.of() : ResolvedConf.keysWritten(s);
        for (DropIn d : dropIns) {
            if (d.hidesOurs() && paths.mainConf(systemdVersion).toString().equals(d.path())) {
                return Optional.of(Sentence.of("systemd-resolved cannot read its configuration file " + d.path() + " ("
                        + d.error() + ") and then ignores every drop-in, Port853's too; make it readable first (chmod "
                        + "0644 " + d.path() + ")", "refused.main-conf-unreadable", d.path(), d.error()));
            }
        }
        DropIn hider = DropInsInForce.firstHidingOurs(dropIns);
        if (hider != null) {
            return Optional.of(unreadableDropIn(hider, pipeEffect));
        }
        // a file that hides ours (from 253 one that sorts after ours too) comes first: fixing the clash alone does not do
        for (DropIn d : dropIns) {
            List<String> clash = settingAfterOurs(d, written);
            DropIn stop = DropInsInForce.stopBefore(dropIns, d);
            if (!clash.isEmpty() && stop != null) {
                String keys = String.join(", ", clash);
                return Optional.of(Sentence.of("the drop-in " + d.path() + " sorts after Port853's file and sets " + keys
                        + ", which would override Port853's settings once " + stop.path() + " is fixed: systemd-resolved "
                        + "stops reading settings files there now (" + stop.error() + "); fix that file, then remove "
                        + d.path() + " or rename it to sort earlier", "refused.drop-in-overrides.past-stop", d.path(),
                        keys, stop.path(), stop.error()));
            }
            if (!clash.isEmpty()) {
                String keys = String.join(", ", clash);
                Optional<Path> mask = paths.maskFor(Path.of(d.path()));
                if (mask.isPresent()) {
                    return Optional.of(Sentence.of("the drop-in " + d.path() + " sorts after Port853's file and sets "
                            + keys + ", which would override Port853's settings; mask it first (sudo ln -s /dev/null "
                            + mask.get() + ")", "refused.drop-in-overrides.mask", d.path(), keys, mask.get()));
                }
                return Optional.of(Sentence.of("the drop-in " + d.path() + " sorts after Port853's file and sets "
                        + keys + ", which would override Port853's settings; remove it or rename it to sort earlier "
                        + "first", "refused.drop-in-overrides", d.path(), keys));
            }
        }
        if (Files.isSymbolicLink(paths.ourDropIn())) {
            return Optional.of(Sentence.of(paths.ourDropIn() + " is a symbolic link; Port853 will not write through it: "
                    + "remove the link first (sudo rm " + paths.ourDropIn() + ")", "refused.symlink", paths.ourDropIn()));
        }
        return Optional.empty();
    }

    /**
     * Why a revert (it removes Port853's drop-in and restarts systemd-resolved) must not run now, or empty: only what the
     * restart would hang on (up to 257) or make resolved ignore every settings file for (from 258), a named pipe or
     * device as the main resolved.conf, among the drop-ins, or with Port853's drop-in's name in /run or /usr, where
     * Port853's drop-in masks it until the revert removes it. The privileged helper asks this before every revert; the
     * window's preview of turning encryption off says the same through {@link #refusalSaid}. {@code removesOurs}: the
     * revert removes Port853's drop-in (it leaves a link or someone else's file at its path, which keeps the mask).
     */
    public Optional<Sentence> revertRefusal(int systemdVersion, List<DropIn> dropIns, boolean removesOurs) {
        SettingsPipe pipeEffect = SettingsPipe.on(systemdVersion, true);
        return mainConfPipe(systemdVersion, pipeEffect)
                .or(() -> removesOurs ? pipeRevertUnmasks(DropInScanner.pipeWithOurName(paths), pipeEffect)
                        : Optional.empty())
                .or(() -> dropIns.stream().filter(DropInScanner::isPipe).findFirst()
                        .map(d -> pipe("the drop-in " + d.path(), Path.of(d.path()), "refused.drop-in-pipe", pipeEffect)));
    }

    private Optional<Sentence> mainConfPipe(int systemdVersion, SettingsPipe pipeEffect) {
        Path main = paths.mainConf(systemdVersion);
        // the restart the change needs would not come back, or not read the change (the state read does neither)
        return DropInScanner.isPipeOrDevice(main)
                ? Optional.of(pipe(main.toString(), main, "refused.main-conf-pipe", pipeEffect)) : Optional.empty();
    }

    /** {@code masked}: a pipe Port853's drop-in masks, which a revert would unmask. */
    private static Optional<Sentence> pipeRevertUnmasks(Optional<Path> masked, SettingsPipe pipeEffect) {
        return masked.map(pipe -> Sentence.of(pipe + " is a named pipe or device, not a file, with the name of Port853's "
                        + "drop-in, which hides it now: reverting removes Port853's drop-in, and then " + (pipeEffect
                        .waits() ? "systemd-resolved waits on the pipe when it restarts and does not come up, which "
                        + "leaves this computer without DNS" : "systemd-resolved cannot open it when it restarts and "
                        + "ignores every settings file, so it runs on its built-in defaults, not on the settings from "
                        + "before Port853") + "; move it away first (sudo mv " + pipe + " " + pipe + ".old), then revert",
                        pipeEffect.waits() ? "refused.revert-unmasks-pipe" : "refused.revert-unmasks-pipe.ignores-all",
                        pipe));
    }

    /**
     * Why Port853's drop-in cannot be written in its directory, or empty: writing refuses these too
     * (AtomicFiles.ensureDirectory), but only after a dry run had shown a plan.
     */
    private Optional<Sentence> ourDirectoryUnusable() {
        Path dir = paths.ourDropIn().getParent();
        return LinuxDetails.NoDirectory.at(dir).map(no -> no.linkTarget() != null
                ? Sentence.of(dir + " is a symbolic link; Port853 will not write its drop-in through it: replace the "
                        + "link with a directory first", "refused.drop-in-dir-symlink", dir)
                : Sentence.of(dir + " is a file, not a directory (systemd-resolved ignores it), so Port853's drop-in "
                        + "cannot go in it: move it away first (sudo mv " + dir + " " + dir + ".old)",
                        "refused.drop-in-dir-not-dir", dir));
    }

    /**
     * Why a drop-in resolved fails on is refused, as what it is: what lies at Port853's own path (which it would write),
     * a named pipe or device ({@code pipeEffect}), or another's file it cannot read (it then stops reading there, and
     * Port853's settings are lost).
     */
    private Sentence unreadableDropIn(DropIn d, SettingsPipe pipeEffect) {
        Path file = Path.of(d.path());
        if (file.equals(paths.ourDropIn())) {
            return Sentence.of(file + " is the path of Port853's own drop-in, but what is there is no file "
                    + "systemd-resolved can read (" + d.error() + "); move it away first (sudo mv " + file + " " + file
                    + ".old), then Port853 writes its drop-in there", "refused.own-drop-in-unreadable", file, d.error());
        }
        if (DropInScanner.isPipeOrDevice(file)) {
            return pipe("the drop-in " + file, file, "refused.drop-in-pipe", pipeEffect);
        }
        return Sentence.of("systemd-resolved cannot read the drop-in " + d.path() + " (" + d.error() + ") and then "
                + "ignores Port853's drop-in too; fix that file or remove it first", "refused.drop-in-unreadable",
                d.path(), d.error());
    }

    /**
     * {@code file} ({@code subject}) is a named pipe or device, which the restart the change needs would hang on (up to
     * 257), or would make resolved ignore the change with every other settings file (from 258): {@code wording}, with
     * ".ignores-all" for the latter.
     */
    private static Sentence pipe(String subject, Path file, String wording, SettingsPipe pipeEffect) {
        String why = pipeEffect.waits() ? "systemd-resolved waits on it when it starts, so it would not start again after "
                + "the change" : "systemd-resolved cannot open it and then ignores every settings file, Port853's drop-in "
                + "too, so the change would not take";
        return Sentence.of(subject + " is a named pipe or device, not a file: " + why + "; move it away first (sudo mv "
                + file + " " + file + ".old)", pipeEffect.waits() ? wording : wording + ".ignores-all", file);
    }

    /** The keys of {@code written} that drop-in {@code d} sets too, read after Port853's drop-in (so it wins). */
    private List<String> settingAfterOurs(DropIn d, java.util.Set<String> written) {
        if (!DropInScanner.readAfterOurs(d.path())) {
            return List.of();
        }
        return ResolvedConf.effectiveKeysAmong(d.keys(), written);
    }

    /**
     * Why resolv.conf may not be linked to the stub, if it may not: it is a directory, which a link cannot replace, or
     * resolved's stub listener is off ({@code stubListenerOff}, asked only when the link would change the file), so
     * nothing would answer there. The directory's words give the fix of the reason RESOLV_CONF_DIRECTORY.
     */
    public Optional<Sentence> linkRefusal(boolean linkResolvConf, BooleanSupplier stubListenerOff) {
        if (!linkResolvConf || existingStubLink().isPresent()) {
            return Optional.empty();
        }
        Path rc = paths.resolvConf();
        FileType type = typeOf(rc); // a link to a directory or pipe is replaced as any link
        if (type == FileType.DIRECTORY) {
            return Optional.of(stubListenerOff.getAsBoolean()
                    ? Sentence.of(rc + " is a directory, not a file, and systemd-resolved's stub listener is off "
                            + "(DNSStubListener=no), so it cannot be linked to the stub: move the directory away (sudo mv "
                            + rc + " " + rc + ".old) and put a file there that names a DNS server",
                            "refused.resolv-conf-directory.stub-off", rc)
                    : Sentence.of(rc + " is a directory, not a file, so Port853 cannot link it to the stub: move the "
                            + "directory away first (sudo mv " + rc + " " + rc + ".old), then try again",
                            "refused.resolv-conf-directory", rc));
        }
        if (type != null && type != FileType.REGULAR && type != FileType.SYMBOLIC_LINK) {
            // its before-state cannot be kept for a revert, and a pipe would make the change wait on it
            ResolvConfState file = new ResolvConfState(ResolvConfState.Kind.SPECIAL, null, List.of(), false, type);
            String start = rc + " is not a regular file (" + file.specialName() + ")";
            return Optional.of(stubListenerOff.getAsBoolean()
                    ? Sentence.of(start + ", and systemd-resolved's stub listener is off (DNSStubListener=no), so it "
                            + "cannot be linked to the stub: move it away (sudo mv " + rc + " " + rc + ".old) and put a "
                            + "file there that names a DNS server", "refused.resolv-conf-special.stub-off", rc,
                            file.specialKind())
                    : Sentence.of(start + ", so Port853 cannot link it to the stub: move it away first (sudo mv " + rc
                            + " " + rc + ".old), then try again", "refused.resolv-conf-special", rc, file.specialKind()));
        }
        return stubListenerOff.getAsBoolean() ? Optional.of(StubListenerAdvice.of(rc.toString())) : Optional.empty();
    }

    /** What the path itself is (a link not followed); null where nothing is there or it cannot be told. */
    private static FileType typeOf(Path rc) {
        try {
            return FileType.of(rc, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** The files after the change: our drop-in (absent when the settings hand control back), maybe resolv.conf. */
    public List<ItemSnapshot> targetFiles(DesiredSettings s, boolean linkResolvConf) {
        return targetFiles(s, linkResolvConf, 0);
    }

    /** As above for systemd {@code systemdVersion} (0 = unknown: a current release's syntax). */
    public List<ItemSnapshot> targetFiles(DesiredSettings s, boolean linkResolvConf, int systemdVersion) {
        List<ItemSnapshot> files = new ArrayList<>();
        files.add(s.isOff() ? FileItemStore.absent(paths.ourDropIn())
                : FileItemStore.file(paths.ourDropIn(), DropInRenderer.render(s, new ResolvedFeatures(systemdVersion))));
        if (linkResolvConf) {
            files.add(stubLink());
        }
        return files;
    }

    /** resolv.conf as a link to the stub: its own link where it already leads there, else a new one. */
    private ItemSnapshot stubLink() {
        return existingStubLink().orElseGet(() -> FileItemStore.symlink(paths.resolvConf(), LinuxPaths.STUB_RESOLV_CONF));
    }

    /**
     * resolv.conf's link when it already leads to the stub, however spelled (Debian's is relative): a request for the
     * link is then satisfied as it stands, and neither rewrites nor refuses anything.
     */
    private Optional<ItemSnapshot> existingStubLink() {
        try {
            ItemSnapshot now = FileItemStore.read(paths.resolvConf());
            return ResolvConfInspector.leadsToStub(paths.resolvConf(), FileItemStore.symlinkTarget(now))
                    ? Optional.of(now) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The plan, with our drop-in as the main item ("dropIn" in documents). */
    public Plan plan(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf) {
        return plan(s, systemdVersion, dropIns, linkResolvConf, false);
    }

    /** As above; {@code stubListenerOff}: resolved runs with DNSStubListener=no, so linking to the stub is refused. */
    public Plan plan(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf,
                     boolean stubListenerOff) {
        return plan(s, systemdVersion, dropIns, linkResolvConf, stubListenerOff, false);
    }

    /**
     * As above; {@code resolverStopped}: systemd-resolved is installed but not running, so settings already in place
     * are not in effect, and applying them starts it (nothing to write, nothing to roll back).
     */
    public Plan plan(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf,
                     boolean stubListenerOff, boolean resolverStopped) {
        return plan(s, systemdVersion, dropIns, linkResolvConf, stubListenerOff, resolverStopped, List.of());
    }

    /**
     * As above; {@code linkSearchDomains}: the links' search domains, which the stub file's search line keeps. The notes
     * say what the change lowers of an administrator's settings and what linking resolv.conf to the stub drops of it.
     */
    public Plan plan(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf,
                     boolean stubListenerOff, boolean resolverStopped, List<String> linkSearchDomains) {
        Plan p = planOf(s, systemdVersion, dropIns, linkResolvConf, stubListenerOff, resolverStopped);
        if (p.isRefused() || s.isOff()) {
            return p.withItemKind("dropIn");
        }
        Map<String, String> mainKeys = ResolvedConfFiles.mainFileKeys(paths, systemdVersion);
        List<Sentence> notes = new ArrayList<>(LoweredSettings.of(s, mainKeys, paths.mainConf(systemdVersion).toString(),
                dropIns));
        if (p.changes(paths.resolvConf())) {
            notes.addAll(DroppedByStubLink.notes(paths, mainKeys, dropIns, linkSearchDomains));
        } else {
            notes.addAll(ImportedSearchDomains.notes(paths, mainKeys, dropIns, linkSearchDomains));
        }
        return p.withNotes(notes).withItemKind("dropIn");
    }

    private Plan planOf(DesiredSettings s, int systemdVersion, List<DropIn> dropIns, boolean linkResolvConf,
                        boolean stubListenerOff, boolean resolverStopped) {
        Optional<Sentence> refusal = refusalSaid(s, systemdVersion, dropIns);
        if (refusal.isPresent()) {
            return Plan.refused(refusal.get());
        }
        Optional<Sentence> linkRefusal = linkRefusal(linkResolvConf, () -> stubListenerOff);
        if (linkRefusal.isPresent()) {
            return Plan.refused(linkRefusal.get());
        }
        List<FileChange> changes = new ArrayList<>();
        List<ItemSnapshot> targets = targetFiles(s, linkResolvConf, systemdVersion);
        // Off previews the helper's revert, which leaves a file at Port853's path that is someone else's
        boolean revertKeeps = s.isOff() && OurDropIn.revertKeeps(paths);
        for (ItemSnapshot target : targets) {
            Path file = FileItemStore.path(target.key());
            ItemSnapshot now;
            try {
                now = FileItemStore.read(file);
            } catch (IOException e) {
                return Plan.refused(Sentence.of("cannot read " + file + ": " + e.getMessage(), "refused.unreadable", file,
                        e.getMessage()));
            }
            changes.add(new FileChange(file.toString(), describe(now), describe(revertKeeps && file.equals(paths.ourDropIn())
                    ? now : target)));
        }
        Steps actions = new Steps();
        boolean ourSettings = !s.isOff(); // off: the revert of Port853's settings
        if (resolverStopped && ItemSnapshots.needRunningResolver(targets) && changes.stream().noneMatch(FileChange::changes)) {
            String verb = new ResolvedFeatures(systemdVersion).reloadVerb();
            actions.add("systemctl " + verb + " " + ResolvedControl.UNIT + " (it is not running)", "plan.start-stopped",
                    verb, ResolvedControl.UNIT);
            actions.add("health check: resolve a name through systemd-resolved; the settings were already in place, so "
                    + "nothing is rolled back", "plan.health-check.in-place");
        }
        if (changes.stream().anyMatch(FileChange::changes)) {
            changes.stream().filter(FileChange::changes).forEach(c -> {
                if (c.after() == null) {
                    actions.add("remove " + c.path(), "plan.remove", c.path());
                } else {
                    actions.add("write " + c.path(), "plan.write", c.path());
                }
            });
            if (ourSettings) {
                actions.add("systemctl enable " + ResolvedControl.UNIT, "plan.enable", ResolvedControl.UNIT);
            }
            String verb = new ResolvedFeatures(systemdVersion).reloadVerb();
            if (!ourSettings && resolverStopped) { // ChangeEngine.revert leaves a stopped resolver stopped
                actions.add("leave the resolver stopped, as it was: it reads the restored settings when it next "
                        + "starts", "step.stopped-left");
                return new Plan(changes, actions);
            }
            actions.add("systemctl " + verb + " " + ResolvedControl.UNIT, "plan.reload", verb, ResolvedControl.UNIT);
            if (ourSettings) {
                boolean strict = s.mode() == DotMode.STRICT;
                actions.add("health check: resolve a name through systemd-resolved"
                        + (strict ? " and require an encrypted answer" : "") + "; roll back if it fails",
                        "plan.health-check", strict ? 1 : 0);
            } else { // revert (ChangeEngine.revert): it restarts and checks, and neither enables nor rolls back
                actions.add("check that names resolve with the restored settings; nothing is rolled back",
                        "plan.revert-check");
            }
        }
        return new Plan(changes, actions);
    }

    private static String describe(ItemSnapshot f) {
        if (!f.present()) {
            return null;
        }
        String link = FileItemStore.symlinkTarget(f);
        return link != null ? "-> " + link + "\n" : f.content();
    }
}
