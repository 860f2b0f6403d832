package org.port853.platform;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.port853.core.DesiredSettings;

/**
 * Renders settings for other machines in one format (e.g. a systemd-resolved drop-in, an Ansible playbook),
 * machines that need not have Port853. Found with {@link ServiceLoader}; not tied to the machine Port853 runs on.
 */
public interface SettingsExporter {
    /** The format's name on the command line, e.g. {@code resolved}. */
    String format();

    /**
     * The export for machines without Port853 (it says how to undo it by hand). {@code linkResolvConf}: also point
     * /etc/resolv.conf at the local stub. What the format cannot do as asked goes to {@code notes}, one sentence
     * each (the command line prints them on stderr); settings it cannot express at all throw
     * {@link org.port853.core.InvalidInputException}.
     */
    String export(DesiredSettings s, boolean linkResolvConf, Consumer<String> notes);

    /** What Port853 itself writes for these settings on a machine it manages, where the format is its own file. */
    default String managed(DesiredSettings s) {
        return export(s, false, note -> { });
    }

    static List<SettingsExporter> all() {
        return ServiceLoader.load(SettingsExporter.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    /** The exporter for {@code format} in any case ("Resolved" is resolved), as modes are taken. */
    static Optional<SettingsExporter> find(String format) {
        return all().stream().filter(e -> e.format().equalsIgnoreCase(format)).findFirst();
    }
}
