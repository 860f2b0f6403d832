package org.port853.platform.windows;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;
import org.port853.change.ItemStore;
import org.port853.core.Sentence;

/**
 * The Windows items behind the change engine: reads them from a fresh {@link WindowsStateReader} snapshot
 * (cached until the next write) and writes them with {@link WindowsWrites}' commands. An item that netsh shows with a
 * yes or no in a word Port853 does not know is read as the state on record it is by what the word means in that reading
 * ({@link RecordedReading}); an adapter's family that netsh cannot reach now, in the settings Windows keeps for it
 * ({@link KeptAdapterSettings}).
 */
public final class WindowsItemStore implements ItemStore {
    /** The states of the items on record: the journal's (what Port853 wrote, what was there before), in that order. */
    public interface Recorded {
        List<ItemSnapshot> items() throws IOException;
    }

    private final WindowsStateReader reader;
    private final CommandRunner runner;
    private final Recorded recorded;
    private WindowsDetails cached;

    public WindowsItemStore(WindowsStateReader reader, CommandRunner runner, Recorded recorded) {
        this.reader = reader;
        this.runner = runner;
        this.recorded = recorded;
    }

    @Override
    public boolean owns(String key) {
        return WindowsItems.parse(key) != null;
    }

    @Override
    public synchronized ItemSnapshot read(String key) throws IOException {
        return asRecorded(snapshot(key), recorded.items());
    }

    /** The item as it is now: for an adapter Windows does not list, as the settings it keeps for it say. */
    private ItemSnapshot snapshot(String key) throws IOException {
        WindowsDetails d = details();
        ItemSnapshot s = WindowsItems.snapshot(d, key);
        return s.present() ? s : KeptAdapterSettings.unlisted(d, key, reader).orElse(s);
    }

    private ItemSnapshot asRecorded(ItemSnapshot read, List<ItemSnapshot> recorded) throws IOException {
        WindowsDetails d = details();
        return KeptAdapterSettings.asRecorded(d, RecordedReading.of(read, WindowsItems.netshItems(d), recorded), recorded);
    }

    @Override
    public synchronized void write(ItemSnapshot target) throws IOException {
        if (!owns(target.key())) {
            throw new IOException("Port853 may not change this item (" + target.key() + ")");
        }
        try {
            for (Command c : commands(target)) {
                runner.runOk(c);
            }
        } finally {
            cached = null;
        }
        ItemSnapshot now = asRecorded(snapshot(target.key()), List.of(target));
        if (!ItemSnapshots.satisfies(now, target)) {
            throw new IOException(shownAs(target) + " reads back as " + (now.present() ? now.content() : "absent")
                    + " after the write");
        }
    }

    /** An adapter Windows does not list is written as it is read: in the settings Windows keeps for it. */
    private List<Command> commands(ItemSnapshot target) throws IOException {
        WindowsDetails d = details();
        if (target.present() && KeptAdapterSettings.unlisted(d, target.key(), reader).isPresent()) {
            return List.of(KeptAdapterSettings.write(WindowsItems.parse(target.key()), WindowsItems.content(target)));
        }
        return WindowsWrites.commands(d, target);
    }

    @Override
    public String shownAs(ItemSnapshot s) {
        return WindowsItems.shownAs(s);
    }

    @Override
    public Optional<Sentence> gone(ItemSnapshot now, ItemSnapshot wanted) {
        return WindowsItems.gone(now, wanted);
    }

    @Override
    public synchronized Optional<Sentence> takesEffectLater(ItemSnapshot written) {
        try {
            return KeptAdapterSettings.restored(details(), written);
        } catch (IOException e) {
            return Optional.empty(); // written and read back already: only the words about it are lost
        }
    }

    /** An item still read with a word netsh printed for a yes or no ({@link RecordedReading}): what it means is unknown. */
    @Override
    public Optional<Sentence> unknown(ItemSnapshot now) {
        try {
            return RecordedReading.unpinned(now).map(w -> Sentence.of(w.said().english() + ", and nothing else netsh "
                    + "prints shows which it means", "windows.unpinned-word", w.said()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The machine as the items were last read (the same snapshot), or read now. */
    synchronized WindowsDetails details() throws IOException {
        if (cached == null) {
            cached = reader.read();
        }
        return cached;
    }
}
