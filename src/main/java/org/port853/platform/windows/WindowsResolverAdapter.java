package org.port853.platform.windows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;
import org.port853.change.JournalStore;
import org.port853.core.DesiredSettings;
import org.port853.core.PendingChange;
import org.port853.core.ProviderCatalog;
import org.port853.core.ResolverState;
import org.port853.core.Sentence;
import org.port853.core.StateSource;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;
import org.port853.platform.FileChange;
import org.port853.platform.OperatingSystem;
import org.port853.platform.OutsideEncryption;
import org.port853.platform.Plan;
import org.port853.platform.Steps;

/**
 * The Windows DNS client (Windows 11: DoH entries, DoT where the build has it, NRPT). Reads without elevation;
 * changes go through the elevated helper and the change engine. Found by ServiceLoader; supported only on Windows.
 */
public final class WindowsResolverAdapter implements WindowsDnsClientAdapter {
    private final WindowsSystem system;
    private final ProviderCatalog catalog;
    private final WindowsElevatedClient client;

    public WindowsResolverAdapter() {
        this(null, null, null);
    }

    public WindowsResolverAdapter(WindowsSystem system, ProviderCatalog catalog, WindowsElevatedClient client) {
        this.system = system;
        this.catalog = catalog;
        this.client = client;
    }

    @Override
    public String id() {
        return "windows-dnsclient";
    }

    @Override
    public boolean isSupported() {
        return isWindows();
    }

    static boolean isWindows() {
        return OperatingSystem.isWindows();
    }

    @Override
    public String ownLookupName() {
        return WindowsResolverControl.CHECK_NAME; // the change's health check
    }

    @Override
    public ResolverState readState() {
        WindowsSystem system = system();
        PendingChange pending = JournalStore.readMarker(system.markerDir());
        try {
            return WindowsStates.of(system.reader().read(), pending, StateSource.WINDOWS);
        } catch (IOException | RuntimeException e) {
            return WindowsStates.unreadable(e.getMessage(), pending);
        } catch (LinkageError e) {
            // The Win32 libraries are missing (or this is not really Windows): a state, never a crash.
            return WindowsStates.unreadable("the Windows DNS client libraries could not be loaded: " + e.getMessage(),
                    pending);
        }
    }

    @Override
    public Plan plan(DesiredSettings desired, ResolverState current) {
        if (!(current.platform() instanceof WindowsDetails d)) {
            return Plan.refused(Sentence.of("the Windows DNS client could not be read: " + current.problem(),
                    "refused.windows-unreadable", current.problem()));
        }
        WindowsPlanner.Result r = new WindowsPlanner(catalog()).plan(desired, d);
        if (r.refusal() != null) {
            return Plan.refused(r.refusalSaid());
        }
        List<FileChange> changes = new ArrayList<>();
        Steps actions = new Steps();
        try {
            for (ItemSnapshot target : r.items()) {
                ItemSnapshot before = WindowsItems.snapshot(d, target.key());
                changes.add(new FileChange(target.key(), before.present() ? before.content() + "\n" : null,
                        target.content() + "\n", WindowsItems.shownAs(target)));
                if (!ItemSnapshots.satisfies(before, target)) {
                    WindowsWrites.commands(d, target).forEach(c -> actions.add(PowerShell.describe(c), "plan.command",
                            PowerShell.describe(c)));
                }
            }
        } catch (IOException e) {
            return Plan.refused(e.getMessage());
        }
        if (changes.stream().anyMatch(FileChange::changes)) { // as on Linux: no flush and no check when nothing changes
            actions.add("Clear-DnsClientCache", "plan.command", "Clear-DnsClientCache");
            actions.add("health check: resolve " + WindowsResolverControl.CHECK_NAME + " with DnsQueryEx (cache bypassed)",
                    "plan.windows-health-check", WindowsResolverControl.CHECK_NAME);
            List<Sentence> notes = new ArrayList<>(WindowsPlanner.ipv4OnlyNotes(desired, d));
            notes.add(NrptRule.companyNames());
            return new Plan(changes, actions).withNotes(notes);
        }
        return new Plan(changes, actions);
    }

    @Override
    public ApplyResult apply(DesiredSettings desired) {
        return client().run(HelperRequest.apply(desired, false));
    }

    @Override
    public ApplyResult revert() {
        // the state after it, read here: the fleet script's rule a revert put back (or left) keeps encryption on
        return OutsideEncryption.afterFinishedRevert(client().run(HelperRequest.of(HelperRequest.Action.REVERT)),
                this::readState);
    }

    @Override
    public ApplyResult recover() {
        // one that finishes an interrupted revert says what a finished revert says
        return OutsideEncryption.afterRecover(client().run(HelperRequest.of(HelperRequest.Action.RECOVER)),
                this::readState);
    }

    private WindowsSystem system() {
        return system != null ? system : WindowsSystem.real();
    }

    private ProviderCatalog catalog() {
        return catalog != null ? catalog : ProviderCatalog.loadDefault();
    }

    private WindowsElevatedClient client() {
        if (client != null) {
            return client;
        }
        String local = System.getenv().getOrDefault("LOCALAPPDATA", System.getProperty("user.home"));
        return new WindowsElevatedClient(system().elevation(), Path.of(local, "Port853", "elevation"), selfCommand());
    }

    /** The jpackage launcher, or java with this class path when run from a jar. */
    static List<String> selfCommand() {
        return selfCommand(ProcessHandle.current().info().command().orElse("port853.exe"),
                System.getProperty("java.class.path"));
    }

    /**
     * The class path made absolute: an elevated process does not start in the caller's directory (UAC may start it
     * in System32), so {@code java -jar target\port853.jar} would otherwise start a helper that finds no classes.
     */
    static List<String> selfCommand(String cmd, String classPath) {
        String file = cmd.substring(Math.max(cmd.lastIndexOf('\\'), cmd.lastIndexOf('/')) + 1).toLowerCase(Locale.ROOT);
        if (file.equals("java.exe") || file.equals("javaw.exe")) {
            String absolute = java.util.Arrays.stream(classPath.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)))
                    .filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().toString())
                    .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
            return List.of(cmd, "-cp", absolute, "org.port853.app.Launcher");
        }
        return List.of(cmd);
    }
}
