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
 * ({@link RecordedReading}).
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
        WindowsDetails d = details();
        return RecordedReading.of(WindowsItems.snapshot(d, key), WindowsItems.netshItems(d), recorded.items());
    }

    @Override
    public synchronized void write(ItemSnapshot target) throws IOException {
        if (!owns(target.key())) {
            throw new IOException("Port853 may not change this item (" + target.key() + ")");
        }
        try {
            for (Command c : WindowsWrites.commands(details(), target)) {
                runner.runOk(c);
            }
        } finally {
            cached = null;
        }
        WindowsDetails d = details();
        ItemSnapshot now = RecordedReading.of(WindowsItems.snapshot(d, target.key()), WindowsItems.netshItems(d),
                List.of(target));
        if (!ItemSnapshots.satisfies(now, target)) {
            throw new IOException(shownAs(target) + " reads back as " + (now.present() ? now.content() : "absent")
                    + " after the write");
        }
    }

    @Override
    public String shownAs(ItemSnapshot s) {
        return WindowsItems.shownAs(s);
    }

    @Override
    public Optional<Sentence> gone(ItemSnapshot now, ItemSnapshot wanted) {
        Optional<Sentence> gone = WindowsItems.gone(now, wanted);
        if (gone.isEmpty() || !reader.keepsSettingsOf(WindowsItems.parse(wanted.key()).guid())) {
            return gone;
        }
        try {
            return Optional.of(WindowsItems.notConnected(wanted));
        } catch (IOException e) {
            return gone;
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
