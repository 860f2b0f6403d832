package org.port853.probe.doctor;

import java.util.function.Supplier;

/** A system source read when first asked for and kept for the rest of a doctor run; never read if nothing asks. */
final class ReadOnce<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;
    private boolean read;

    ReadOnce(Supplier<T> source) {
        this.source = source;
    }

    @Override
    public synchronized T get() {
        if (!read) {
            value = source.get();
            read = true;
        }
        return value;
    }
}
