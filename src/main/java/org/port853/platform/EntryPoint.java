package org.port853.platform;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A command-line entry point a platform adds to the launcher, selected by its first argument (e.g. Windows'
 * elevated helper, {@code --windows-helper}). Registered with {@link ServiceLoader} (META-INF/services, a public
 * no-arg constructor that does no work) so that the launcher names no platform class.
 */
public interface EntryPoint {
    /** The first argument that selects it, e.g. {@code --windows-helper}. */
    String flag();

    /** Quick and never throwing: can it run on this machine (checks the operating system)? */
    boolean isSupported();

    /** Runs with the arguments after the flag; returns the process exit code. */
    int run(String[] args);

    /** The entry point selected by {@code flag}, whether or not it is supported here. */
    static Optional<EntryPoint> forFlag(String flag) {
        return ServiceLoader.load(EntryPoint.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.flag().equals(flag)).findFirst();
    }
}
