package org.port853.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The programs running now, with every account each runs as. */
class RunningProgramsTest {
    @Test
    @DisplayName("the Uid: line of /proc/PID/status gives the real, effective, saved and file system uids")
    void uidsFromStatus() {
        String status = "Name:\tdnsmasq\nUmask:\t0022\nState:\tS (sleeping)\nPid:\t812\nPPid:\t1\n"
                + "Uid:\t117\t117\t0\t117\nGid:\t65534\t65534\t65534\t65534\n";
        assertEquals(Set.of(117, 0), RunningPrograms.uids(status));
        assertEquals(Set.of(), RunningPrograms.uids("Name:\tkthreadd\n"));
    }

    @Test
    @DisplayName("this test's own process is listed, as java")
    void listsThisProcess() {
        long self = ProcessHandle.current().pid();
        assertTrue(RunningPrograms.list().stream().anyMatch(r -> r.pid() == self && r.program().equals("java")
                && !r.uids().isEmpty()), "pid " + self);
    }
}
