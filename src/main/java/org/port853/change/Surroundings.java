package org.port853.change;

import java.io.IOException;

/**
 * What a platform's items need around them that is no item itself: a directory created for them (Debian ships no
 * /etc/systemd/resolved.conf.d). The engine sets it up and tidies it while it holds the change lock: outside the lock,
 * a revert's tidying in one process could remove the directory that another process's apply had just found there
 * and was about to write into.
 */
public interface Surroundings {
    /** Nothing around the items (Windows' items, tests). */
    Surroundings NONE = new Surroundings() {
        @Override
        public void prepare() {
        }

        @Override
        public void tidy() {
        }
    };

    /** Creates what must exist before an item is written. */
    void prepare() throws IOException;

    /** Removes what {@link #prepare()} created and no longer holds anything, once a revert has undone the change. */
    void tidy() throws IOException;
}
