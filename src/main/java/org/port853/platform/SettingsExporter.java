package org.port853.platform;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.port853.core.DesiredSettings;

/**
 * Renders settings for other machines in one format (e.g. a systemd-resolved drop-in, an Ansible playbook).
 * Found with {@link ServiceLoader}; not tied to the machine Port853 runs on.
 */
public interface SettingsExporter {
    /** The format's name on the command line, e.g. {@code resolved}. */
    String format();

    String export(DesiredSettings s);

    static List<SettingsExporter> all() {
        return ServiceLoader.load(SettingsExporter.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    static Optional<SettingsExporter> find(String format) {
        return all().stream().filter(e -> e.format().equals(format)).findFirst();
    }
}
