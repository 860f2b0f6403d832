package org.port853.platform.windows;

import java.io.IOException;
import java.util.Optional;
import org.port853.change.ItemSnapshot;
import org.port853.change.ItemSnapshots;
import org.port853.change.ItemStore;
import org.port853.core.Sentence;

/**
 * The Windows items behind the change engine: reads them from a fresh {@link WindowsStateReader} snapshot
 * (cached until the next write) and writes them with {@link WindowsWrites}' commands.
 */
public final class WindowsItemStore implements ItemStore {
    private final WindowsStateReader reader;
    private final CommandRunner runner;
    private WindowsDetails cached;

    public WindowsItemStore(WindowsStateReader reader, CommandRunner runner) {
        this.reader = reader;
        this.runner = runner;
    }

    @Override
    public boolean owns(String key) {
        return WindowsItems.parse(key) != null;
    }

    @Override
    public synchronized ItemSnapshot read(String key) throws IOException {
        return WindowsItems.snapshot(details(), key);
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
        ItemSnapshot now = read(target.key());
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
        return WindowsItems.gone(now, wanted);
    }

    /** The machine as the items were last read (the same snapshot), or read now. */
    synchronized WindowsDetails details() throws IOException {
        if (cached == null) {
            cached = reader.read();
        }
        return cached;
    }
}
