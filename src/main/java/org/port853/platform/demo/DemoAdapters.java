package org.port853.platform.demo;

import java.util.Optional;
import java.util.ServiceLoader;
import org.port853.platform.ResolverAdapter;

/** Finds a named demo ({@code --demo=windows}) without the caller naming a platform class. */
public final class DemoAdapters {
    private DemoAdapters() {
    }

    public static Optional<ResolverAdapter> named(String name) {
        return ServiceLoader.load(NamedDemo.class).stream().map(ServiceLoader.Provider::get)
                .filter(d -> d.name().equals(name)).findFirst().map(NamedDemo::adapter);
    }
}
