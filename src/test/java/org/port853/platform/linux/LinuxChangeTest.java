package org.port853.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.port853.core.DesiredSettings;
import org.port853.core.DnssecMode;
import org.port853.core.DotMode;
import org.port853.core.ServerAddress;

class LinuxChangeTest {
    @TempDir
    Path root;

    /** The engine's baseline without a journal: our drop-in (by its header) counts as absent, anyone else's stays. */
    @Test
    void onlyADropInWithOurHeaderHasAnAbsentPristineState() throws IOException {
        Path dropIn = root.resolve(LinuxPaths.DROP_IN_NAME);
        assertEquals(List.of(), LinuxChange.pristine(dropIn), "no file: nothing to remove");
        Files.writeString(dropIn, DropInRenderer.render(new DesiredSettings(List.of(ServerAddress.parse("9.9.9.9")),
                DotMode.OPPORTUNISTIC, DnssecMode.NO, false, List.of()), new ResolvedFeatures(252)));
        assertEquals(List.of(FileItemStore.absent(dropIn)), LinuxChange.pristine(dropIn));
        Files.writeString(dropIn, "# the admin's own file\n[Resolve]\nDNS=192.0.2.53\n");
        assertEquals(List.of(), LinuxChange.pristine(dropIn));
    }
}
