package org.port853.platform.windows.demo;

import org.port853.platform.ResolverAdapter;
import org.port853.platform.demo.NamedDemo;

/** {@code --demo=windows}: the real Windows adapter code on bundled outputs. */
public final class WindowsDemo implements NamedDemo {
    @Override
    public String name() {
        return "windows";
    }

    @Override
    public ResolverAdapter adapter() {
        return new WindowsDemoAdapter();
    }
}
