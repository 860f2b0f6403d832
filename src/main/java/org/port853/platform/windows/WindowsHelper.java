package org.port853.platform.windows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.port853.change.ApplyPlan;
import org.port853.change.ChangeEngine;
import org.port853.change.ItemSnapshot;
import org.port853.change.Journal;
import org.port853.change.JournalStore;
import org.port853.change.Surroundings;
import org.port853.core.DotMode;
import org.port853.core.InvalidInputException;
import org.port853.core.ProviderCatalog;
import org.port853.core.Sentence;
import org.port853.helper.HelperDocuments;
import org.port853.helper.HelperRequest;
import org.port853.platform.ApplyResult;

/**
 * The elevated side on Windows: reads one request document, validates it again (the caller is not trusted), and
 * runs the change engine, which has it planned, or refused, against the state read under the change lock. Exit codes
 * as on Linux: 0 done, 1 failed, refused or rolled back, 2 refused input.
 */
public final class WindowsHelper {
    public record Response(int exitCode, String resultJson, String error) {
    }

    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private WindowsHelper() {
    }

    /** The engine over the Windows items; creates the journal folder with its ACL first. */
    public static ChangeEngine engine(WindowsSystem system) throws IOException {
        new IcaclsGuard(system.runner()).prepare(system.stateDir(), system.markerDir());
        WindowsStateReader reader = system.reader();
        JournalStore journals = new JournalStore(system.stateDir(), system.markerDir());
        WindowsItemStore items = new WindowsItemStore(reader, system.runner(), () -> recorded(journals.load()));
        return new ChangeEngine(journals, items,
                new WindowsResolverControl(system.runner(), reader, system.probe()), LOCK_WAIT,
                () -> pristine(items), s -> null, Surroundings.NONE, now -> false);
    }

    /** What the journal records of the items: what Port853 wrote first, then what was there before. */
    private static List<ItemSnapshot> recorded(Journal j) {
        List<ItemSnapshot> out = new java.util.ArrayList<>();
        if (j.applied() != null) {
            out.addAll(j.applied());
        }
        if (j.pending() != null) {
            out.addAll(j.pending().after());
            out.addAll(j.pending().before());
        }
        if (j.baseline() != null) {
            out.addAll(j.baseline());
        }
        return out;
    }

    /**
     * Without a journal, the rule for all names was absent before Port853, unless it is the fleet script's: the first
     * apply then records it as found, so that revert puts it back beside the script's entries and adapter servers.
     */
    private static List<ItemSnapshot> pristine(WindowsItemStore items) {
        try {
            return items.details().port853Rule().filter(NrptRule::isFleetScripts).isPresent() ? List.of()
                    : List.of(WindowsItems.absent(WindowsItems.NRPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    public static Response handle(byte[] document, WindowsSystem system, ProviderCatalog catalog) {
        HelperRequest request;
        try {
            request = HelperDocuments.parse(document);
        } catch (InvalidInputException e) {
            return new Response(2, null, "refused: " + e.getMessage());
        }
        try {
            ApplyResult result;
            switch (request.action()) {
                case APPLY:
                    result = engine(system).applyPlanned(() -> plan(request, system.reader(), catalog),
                            request.settings().mode() == DotMode.STRICT);
                    break;
                case REVERT:
                    result = engine(system).revertUnless(ChangeEngine.RevertRefusal.NONE,
                            journal -> fleetScriptsRuleOnly(journal, system.reader()));
                    break;
                case RECOVER:
                    result = engine(system).recover();
                    break;
                default: // harden/unharden: a Linux firewall rule
                    return new Response(2, null, "refused: " + request.action().name().toLowerCase(Locale.ROOT)
                            + " is not available on Windows");
            }
            return new Response(result.succeeded() ? 0 : 1, HelperDocuments.writeResult(result), null);
        } catch (IOException | RuntimeException e) {
            return new Response(1, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Planned from the state read under the change lock: a change that ran while this one waited altered it. */
    private static ApplyPlan plan(HelperRequest request, WindowsStateReader reader, ProviderCatalog catalog)
            throws IOException {
        WindowsPlanner.Result plan = new WindowsPlanner(catalog).plan(request.settings(), reader.read());
        return plan.refusal() != null ? ApplyPlan.refused(plan.refusalSaid())
                : ApplyPlan.of(plan.items(), describe(request, plan));
    }

    /**
     * No change of Port853's is on record and the rule for "." is the fleet script's: the engine would take it for a
     * rule of Port853's whose journal was lost, remove it alone and call the machine restored.
     */
    private static Optional<Sentence> fleetScriptsRuleOnly(Journal journal, WindowsStateReader reader)
            throws IOException {
        if (!journal.isEmpty() || reader.read().port853Rule().filter(NrptRule::isFleetScripts).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Sentence.of("nothing to revert: Port853 has no record of a change on this computer; the "
                + "rule for all names here was written by Port853's fleet script, which also set the encryption entries "
                + "and the adapters' servers, so removing the rule alone would undo only part of it: undo the script as "
                + "its header says", "result.nothing-to-revert.fleet"));
    }

    /** The journal's description of a change; the window reads it back (PendingTexts). */
    private static String describe(HelperRequest r, WindowsPlanner.Result plan) {
        return new org.port853.core.ApplyDescription(plan.protocol() == EncryptionEntry.Protocol.DOT
                ? org.port853.core.ApplyDescription.DOT : org.port853.core.ApplyDescription.DOH, r.settings().mode(),
                r.settings().servers().size()).text();
    }
}
