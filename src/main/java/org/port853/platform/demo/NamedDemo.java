package org.port853.platform.demo;

import org.port853.platform.ResolverAdapter;

/** A demo of a platform other than the default one ({@code --demo=NAME}), registered with ServiceLoader. */
public interface NamedDemo {
    /** The name after {@code --demo=}, e.g. {@code windows}. */
    String name();

    ResolverAdapter adapter();
}
