package org.port853.probe.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.RunningPrograms;
import org.port853.capture.SocketHolder;

/** Port 53 open to the network: which program listens, and whether hardening is the fix or only a choice. */
class ExposureCheckTest {
    static final String NO_RULES = "{\"nftables\": []}";
    static final SocketHolder DNSMASQ = new SocketHolder("dnsmasq", 812, 117, "libvirt-dnsmasq");
    static final SocketHolder RESOLVED = new SocketHolder("systemd-resolved", 77, 990, "systemd-resolve");
    /** dnsmasq run by libvirt, read by a user who may not see its fds: only the socket's owner is known. */
    static final SocketHolder UNREAD_DNSMASQ = new SocketHolder(null, 0, 117, "libvirt-dnsmasq");

    static ListeningSockets.Socket udp(String address, SocketHolder holder) {
        return new ListeningSockets.Socket("udp", address, false, 4242, holder.uid(), holder);
    }

    @Test
    @DisplayName("/proc/net's uid and inode come with each socket, for finding its program")
    void socketsCarryUidAndInode() {
        String udp = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
                + " 1: 017AA8C0:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   117        0 31337 2 0000000000000000 0\n";
        ListeningSockets.Socket s = ListeningSockets.port53(udp, "udp").get(0);
        assertEquals("192.168.122.1", s.address());
        assertEquals(117, s.uid());
        assertEquals(31337, s.inode());
    }

    @Test
    @DisplayName("a DNS server on the network (libvirt's dnsmasq): named, said to look intentional, hardening a choice")
    void dnsServerLooksIntentional() {
        Check c = ExposureCheck.of(List.of(udp("192.168.122.1", DNSMASQ)), NO_RULES);
        assertEquals(CheckStatus.OK, c.status(), "serving other machines is what it is for");
        assertTrue(c.evidence().contains("udp 192.168.122.1 · dnsmasq (812)"), c.evidence());
        assertTrue(c.evidence().contains("dnsmasq answers other machines, which looks intentional"), c.evidence());
        assertTrue(c.evidence().contains("hardening would cut the DNS of the machines it serves"), c.evidence());
        assertTrue(c.fix().startsWith("Nothing to do if dnsmasq should serve other machines. If not, stop it, or drop "
                + "inbound DNS"), c.fix());
        assertEquals(FixActions.HARDEN_PORT_53, c.fixAction(), "still offered, as a choice");
    }

    @Test
    @DisplayName("several DNS servers are said in the plural: 'dnsmasq, unbound answer', 'the machines they serve'")
    void severalServersTakeThePlural() {
        SocketHolder unbound = new SocketHolder("unbound", 650, 0, "root");
        Check c = ExposureCheck.of(List.of(udp("192.168.122.1", DNSMASQ), udp("10.0.0.1", unbound)), NO_RULES);
        assertEquals(CheckStatus.OK, c.status());
        assertTrue(c.evidence().contains(": dnsmasq, unbound answer other machines, which looks intentional"),
                c.evidence());
        assertTrue(c.evidence().endsWith("hardening would cut the DNS of the machines they serve."), c.evidence());
        assertTrue(c.fix().startsWith("Nothing to do if dnsmasq, unbound should serve other machines. If not, stop "
                + "them, or drop"), c.fix());
        assertTrue(c.fix().endsWith("which cuts every machine they serve."), c.fix());
        assertEquals(java.util.Optional.of(new ExposureCheck.Servers("dnsmasq, unbound", 2)), ExposureCheck.serversCut(c));

        Check mixed = ExposureCheck.of(List.of(udp("198.18.0.1", RESOLVED), udp("192.168.122.1", DNSMASQ),
                udp("10.0.0.1", unbound)), NO_RULES);
        assertTrue(mixed.evidence().endsWith("; dnsmasq, unbound answer other machines too, which looks intentional."),
                mixed.evidence());
        assertTrue(mixed.fix().endsWith("which cuts the DNS of the machines dnsmasq, unbound serve too."), mixed.fix());
    }

    /** resolved listening on many addresses (DNSStubListenerExtra= on each bridge and VPN), udp and tcp on each. */
    static List<ListeningSockets.Socket> manyListeners() {
        List<ListeningSockets.Socket> out = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            for (String protocol : List.of("udp", "tcp")) {
                out.add(new ListeningSockets.Socket(protocol, "172.17." + i + ".1", false, i, RESOLVED.uid(), RESOLVED));
            }
        }
        return out;
    }

    @Test
    @DisplayName("many listeners are summed up: the first three, then how many more, not a list of fourteen")
    void manyListenersAreSummedUp() {
        for (String rules : java.util.Arrays.asList(NO_RULES, null)) {
            Check c = ExposureCheck.of(manyListeners(), rules);
            assertTrue(c.evidence().startsWith("Port 53 listens on udp 172.17.1.1 · systemd-resolved (77), tcp 172.17.1.1 · "
                    + "systemd-resolved (77), udp 172.17.2.1 · systemd-resolved (77) and 11 more and no firewall rule "
                    + "drops it"), c.evidence());
            assertFalse(c.evidence().contains("172.17.3.1"), c.evidence());
        }
        Check three = ExposureCheck.of(manyListeners().subList(0, 3), NO_RULES);
        assertTrue(three.evidence().contains("udp 172.17.2.1 · systemd-resolved (77) and no firewall"), three.evidence());
        Check four = ExposureCheck.of(manyListeners().subList(0, 4), NO_RULES);
        assertTrue(four.evidence().contains("systemd-resolved (77) and 1 more and no firewall"), four.evidence());
    }

    @Test
    @DisplayName("a server whose process this user may not read is known by its service account")
    void dnsServerKnownByItsAccount() {
        Check c = ExposureCheck.of(List.of(udp("192.168.122.1", UNREAD_DNSMASQ)), NO_RULES);
        assertEquals(CheckStatus.OK, c.status());
        assertTrue(c.evidence().contains("udp 192.168.122.1 · uid 117 (libvirt-dnsmasq)"), c.evidence());
        assertTrue(c.evidence().contains("libvirt-dnsmasq answers other machines"), c.evidence());
    }

    /** /proc/net/udp as recorded, one socket on 192.168.122.1:53 owned by {@code uid}, whose process was not read. */
    static ListeningSockets.Socket unreadSocket(int uid, String user) {
        String udp = "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n"
                + " 1: 017AA8C0:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000 " + uid + "        0 31337 2 0000000000000000 0\n";
        ListeningSockets.Socket s = ListeningSockets.port53(udp, "udp").get(0);
        return s.heldBy(new SocketHolder(null, 0, s.uid(), user));
    }

    static RunningPrograms.Running running(long pid, String program, Integer... uids) {
        return new RunningPrograms.Running(pid, program, java.util.Set.of(uids));
    }

    @Test
    @DisplayName("a DNS server whose socket this user may not read is known by the one DNS server program running under "
            + "the socket's account, a user's or a service account's; a socket of root's is not told by any program; not "
            + "by an unknown account alone")
    void dnsServerKnownByItsProgramUnderItsAccount() {
        ListeningSockets.Socket root = unreadSocket(0, "root");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(root), NO_RULES).status(), "nothing running named");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(root), NO_RULES, List.of(running(1, "systemd", 0),
                running(700, "dnsmasq", 0), running(2000, "bash", 1000))).status(),
                "a socket of root's may be any root program's, also beside a dnsmasq running as root");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(root), NO_RULES, List.of(running(1, "systemd", 0),
                running(812, "unbound", 118))).status(),
                "an unknown root listener is not the unbound beside it (review: that one listened on loopback only)");

        Check users = ExposureCheck.of(List.of(unreadSocket(1000, "alice")), NO_RULES,
                List.of(running(4000, "coredns", 1000), running(4100, "unbound", 1001)));
        assertTrue(users.evidence().contains(": coredns answers other machines"), users.evidence());

        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(unreadSocket(1000, "alice")), NO_RULES,
                List.of(running(4100, "unbound", 1001))).status(), "another user's server holds no socket of alice's");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(root), NO_RULES, List.of(running(700, "dnsmasq", 117),
                running(701, "unbound", 118))).status(), "two servers, a socket of root's: which one holds it is unknown");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(udp("0.0.0.0", new SocketHolder("python3", 900, 0,
                "root"))), NO_RULES, List.of(running(700, "dnsmasq", 0))).status(), "the socket's own program decides");
        Check account = ExposureCheck.of(List.of(unreadSocket(117, "libvirt-dnsmasq")), NO_RULES,
                List.of(running(1, "systemd", 0)));
        assertTrue(account.evidence().contains(": libvirt-dnsmasq answers"), "processes hidden (hidepid): the account "
                + "is the hint: " + account.evidence());
    }

    @Test
    @DisplayName("systemd-resolved's stub open to the network is this computer's resolver exposed: hardening is the fix")
    void resolvedExposedIsAWarning() {
        Check c = ExposureCheck.of(List.of(udp("198.18.0.1", RESOLVED)), NO_RULES);
        assertEquals(CheckStatus.WARNING, c.status());
        assertTrue(c.evidence().startsWith("Port 53 listens on udp 198.18.0.1 · systemd-resolved (77) and no firewall "
                + "rule drops it"), c.evidence());
        assertFalse(c.evidence().contains("intentional"), c.evidence());
        assertTrue(c.fix().startsWith("Drop inbound DNS"), c.fix());
    }

    @Test
    @DisplayName("a DNS server beside an exposed resolver: the warning stands and says whom hardening cuts too")
    void mixedSaysWhomHardeningCuts() {
        Check c = ExposureCheck.of(List.of(udp("198.18.0.1", RESOLVED), udp("192.168.122.1", DNSMASQ)), NO_RULES);
        assertEquals(CheckStatus.WARNING, c.status());
        assertTrue(c.evidence().endsWith("other machines can query this computer's resolver; dnsmasq answers other "
                + "machines too, which looks intentional."), c.evidence());
        assertTrue(c.fix().startsWith("Stop the service that should not answer other machines, or drop inbound DNS"),
                c.fix());
        assertTrue(c.fix().endsWith("which cuts the DNS of the machines dnsmasq serves too."), c.fix());
        assertEquals(FixActions.HARDEN_PORT_53, c.fixAction());
    }

    @Test
    @DisplayName("a program that is no DNS server, and a socket without a known holder, stay warnings")
    void otherListenersStayWarnings() {
        SocketHolder other = new SocketHolder("python3", 900, 0, "root");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(udp("0.0.0.0", other)), NO_RULES).status());
        SocketHolder stranger = new SocketHolder(null, 0, 1000, "alice");
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(udp("0.0.0.0", stranger)), NO_RULES).status());
        assertEquals(CheckStatus.WARNING, ExposureCheck.of(List.of(new ListeningSockets.Socket("udp", "0.0.0.0", false,
                1, 0, null)), NO_RULES).status());
    }
}
