package org.port853.ui.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.port853.capture.LeakRecord;
import org.port853.core.DnssecMode;
import org.port853.core.DomainEntry;
import org.port853.core.DotMode;
import org.port853.core.GlobalState;
import org.port853.core.LinkState;
import org.port853.core.ResolverState;
import org.port853.core.ServerAddress;
import org.port853.core.StateSource;

class LeakGroupsTest {
    private static final ServerAddress QUAD9 = ServerAddress.parse("9.9.9.9#dns.quad9.net");
    private static final Instant CHANGE = Instant.parse("2026-12-04T14:17:48Z");

    /** Strict, every name routed to Quad9: a program that asks the router itself still leaks. */
    private static ResolverState protectedState() {
        return new ResolverState("systemd-resolved", StateSource.DBUS, true, true, new GlobalState(List.of(QUAD9),
                List.of(), QUAD9, DotMode.STRICT, DnssecMode.NO, true, List.of(new DomainEntry(".", true)), "yes",
                "stub"), List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.132.4")), DotMode.OFF,
                null, List.of(), true, null)), null, null, null);
    }

    private static LeakRecord leak(String name, Instant at) {
        return new LeakRecord(at, "eth0", "198.18.132.4", name, "A", null);
    }

    @Test
    @DisplayName("a program's leaks from before the last change are a group of their own, explained as such; "
            + "the ones since keep their own cause")
    void leaksBeforeAndSinceAChangeAreNotOneGroup() {
        List<LeakRecord> leaks = List.of(leak("secret-bank.test", CHANGE.minusSeconds(30)),
                leak("myapp.test", CHANGE.minusSeconds(20)), leak("private-diary.test", CHANGE.plusSeconds(30)));
        List<LeakGroups.Group> groups = LeakGroups.group(leaks, LeakGroups.By.PROGRAM, protectedState(), CHANGE,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> false);
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(List.of("Program not identified", "Program not identified"),
                groups.stream().map(LeakGroups.Group::key).toList());
        assertEquals(1, groups.get(0).queries(), "the newest group first: the one since the change");
        assertEquals(2, groups.get(1).queries());
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, groups.get(1).why().cause());
        assertEquals(false, groups.get(0).why().cause() == LeakExplainer.Cause.FIXED_SINCE,
                "a leak after the change is not 'fixed since': " + groups.get(0).why());
        assertEquals(1, LeakGroups.group(leaks, LeakGroups.By.PROGRAM, protectedState(), null,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> false).size(), "no change: one group");
    }

    @Test
    @DisplayName("leaks before and after a change whose cause the change left in place are one group, not two "
            + "groups saying the same (a revert's own health check and the lookup after it)")
    void leaksOfACauseStillThereAreOneGroup() {
        ResolverState plaintext = new ResolverState("systemd-resolved", StateSource.DBUS, true, true, new GlobalState(
                List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, false, List.of(), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.132.4")), DotMode.OFF, null,
                        List.of(), true, null)), null, null, null);
        List<LeakRecord> leaks = List.of(leak("example.com", CHANGE.minusSeconds(1)),
                leak("example.com", CHANGE.plusSeconds(1)));
        List<LeakGroups.Group> groups = LeakGroups.group(leaks, LeakGroups.By.PROGRAM, plaintext, CHANGE,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> true);
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(2, groups.get(0).queries());
    }

    @Test
    @DisplayName("by name: a program's own leaks are one group across a change, and never one group with the same "
            + "name's leaks of a sender not identified (one program's explanation would claim them)")
    void aProgramsOwnLeaksByName() {
        java.util.function.BiFunction<Instant, String, LeakRecord> bySender = (at, sender) -> new LeakRecord(at, "eth0",
                "198.18.132.4", "pyleak.example", "A", sender, null, at.getEpochSecond(), sender, null);
        List<LeakRecord> leaks = List.of(bySender.apply(CHANGE.minusSeconds(30), null),
                bySender.apply(CHANGE.minusSeconds(20), "python3 (21029)"),
                bySender.apply(CHANGE.plusSeconds(5), null),
                bySender.apply(CHANGE.plusSeconds(10), "python3 (21029)"));
        List<LeakGroups.Group> groups = LeakGroups.group(leaks, LeakGroups.By.NAME, protectedState(), CHANGE,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> false);
        assertEquals(3, groups.size(), groups.toString());
        assertEquals(2, groups.get(0).queries(), "python3's before and after the change, and nothing else: " + groups);
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER, groups.get(0).why().cause());
        assertEquals(List.of(1, 1), List.of(groups.get(1).queries(), groups.get(2).queries()), groups.toString());
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, groups.get(2).why().cause());
        // the three heads would read "pyleak.example: 1 query …" alike: each says what sets it apart
        org.port853.ui.common.I18n.in(java.util.Locale.ENGLISH, () -> {
            List<String> titles = LeakGroups.group(leaks, LeakGroups.By.NAME, protectedState(), CHANGE,
                    new LeakGroups.Programs("Program not identified", "Port853"), r -> false).stream()
                    .map(LeakGroups.Group::title).toList();
            assertEquals(List.of("pyleak.example (sent by python3, past the system resolver)",
                    "pyleak.example (sent by a program that could not be identified, past the system resolver)",
                    "pyleak.example (before the change at " + org.port853.ui.common.I18n.timeWithSeconds(CHANGE) + ")"),
                    titles);
            return null;
        });
        assertEquals("pyleak.example", LeakGroups.group(List.of(bySender.apply(CHANGE, "python3 (21029)")),
                LeakGroups.By.NAME, protectedState(), CHANGE, new LeakGroups.Programs("Program not identified",
                        "Port853"), r -> false).get(0).title(), "a group alone keeps its bare key");
    }

    @Test
    @DisplayName("by name: the resolver's query to a link's plaintext server and a query of a sender not identified to a "
            + "server the settings do not name are two groups, each with its own cause (window walkthrough: one group "
            + "'foo.test … to .4, .2' explained by the link alone)")
    void theResolversLeakAndAnotherSendersAreTwoGroups() {
        ResolverState linkTakesNames = new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, true, List.of(), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.132.4")), null, null, List.of(),
                        true, null)), null, null, null);
        List<LeakRecord> leaks = List.of(
                new LeakRecord(CHANGE, "eth0", "198.18.132.4", "foo.test", "A", null),
                new LeakRecord(CHANGE.plusSeconds(1), "eth0", "198.18.132.2", "foo.test", "A", null));
        List<LeakGroups.Group> groups = LeakGroups.group(leaks, LeakGroups.By.NAME, linkTakesNames, null,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> false);
        assertEquals(2, groups.size(), groups.toString());
        assertEquals(LeakExplainer.Cause.UNKNOWN, groups.get(0).why().cause(), groups.toString());
        assertEquals(java.util.Set.of("198.18.132.2"), groups.get(0).servers());
        assertEquals(LeakExplainer.Cause.LINK_PLAINTEXT, groups.get(1).why().cause(), groups.toString());
    }

    @Test
    @DisplayName("a program's own leak stays its own after a change makes its server the resolver's (window "
            + "walkthrough: 'dig @198.18.0.2' before Protect became 'from before the change, nothing left to fix')")
    void aProgramsOwnLeakStaysItsOwnAcrossAChange() {
        ResolverState before = new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(), List.of(), null, DotMode.OFF, DnssecMode.NO, true, List.of(), "yes", "stub"),
                List.of(new LinkState(2, "eth0", List.of(ServerAddress.parse("198.18.132.4")), null, null, List.of(),
                        true, null)), null, null, null);
        ServerAddress dot = ServerAddress.parse("198.18.132.2#dot.test");
        ResolverState after = new ResolverState("systemd-resolved", StateSource.DBUS, true, true,
                new GlobalState(List.of(dot), List.of(), dot, DotMode.STRICT, DnssecMode.NO, true,
                        List.of(new DomainEntry(".", true)), "yes", "stub"), before.links(), null, null, null);
        LeakRecord dig = new LeakRecord(CHANGE.minusSeconds(30), "eth0", "198.18.132.2", "onlydig.test", "A", null);
        OwnLeaks own = new OwnLeaks();
        assertEquals(true, own.test(dig, before, null), "a server the settings do not name: not the resolver's");
        LeakGroups.Programs programs = new LeakGroups.Programs("Program not identified", "Port853");
        List<LeakGroups.Group> afterChange = LeakGroups.group(List.of(dig), LeakGroups.By.NAME, after, CHANGE, programs,
                r -> false, r -> own.test(r, after, CHANGE));
        assertEquals(LeakExplainer.Cause.UNKNOWN, afterChange.get(0).why().cause(), afterChange.toString());
        assertEquals(LeakExplainer.Cause.FIXED_SINCE, LeakGroups.group(List.of(dig), LeakGroups.By.NAME, after, CHANGE,
                programs, r -> false).get(0).why().cause(), "judged only now, it would be the resolver's");
    }

    @Test
    @DisplayName("by program: two runs of dig asking a server themselves are one group 'dig', not one per pid (HiDPI "
            + "walkthrough: two groups both headed 'dig: 1 query'); another program stays apart")
    void runsOfOneProgramAreOneGroup() {
        java.util.function.BiFunction<Integer, String, LeakRecord> by = (second, sender) -> new LeakRecord(
                CHANGE.plusSeconds(second), "eth0", "198.18.132.4", "a" + second + ".test", "A", sender, null,
                CHANGE.getEpochSecond() + second, sender, null);
        List<LeakRecord> leaks = List.of(by.apply(1, "dig (9800)"), by.apply(2, "dig (10201)"),
                by.apply(3, "python3 (21029)"));
        List<LeakGroups.Group> groups = LeakGroups.group(leaks, LeakGroups.By.PROGRAM, protectedState(), CHANGE,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> false);
        assertEquals(List.of("python3", "dig"), groups.stream().map(LeakGroups.Group::key).toList(), groups.toString());
        assertEquals(2, groups.get(1).queries(), groups.toString());
        assertEquals(LeakExplainer.Cause.OWN_RESOLVER, groups.get(1).why().cause());
    }

    @Test
    @DisplayName("50,000 old leaks, each name asked again and again by the resolver and by unknown senders: each old one "
            + "is still told apart by its own cause (the cause is worked out once per distinct query, not per leak)")
    void manyOldLeaksAreToldApartByTheirOwnCause() {
        List<LeakRecord> leaks = new java.util.ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            String sender = i % 2 == 0 ? "systemd-resolve (97)" : null;
            // the resolver's own leaks to the router are fixed since (all names routed); to an unknown server not
            String server = i % 4 < 2 ? "198.18.132.4" : "203.0.113.9";
            leaks.add(new LeakRecord(CHANGE.minusMillis(50_000 - i), "eth0", server, "host" + (i % 50) + ".test", "A",
                    sender, null, i, sender, null));
        }
        List<LeakGroups.Group> groups = LeakGroups.group(leaks, LeakGroups.By.NAME, protectedState(), CHANGE,
                new LeakGroups.Programs("Program not identified", "Port853"), r -> false);
        java.util.Map<LeakExplainer.Cause, Integer> byCause = new java.util.TreeMap<>();
        groups.forEach(g -> byCause.merge(g.why().cause(), g.queries(), Integer::sum));
        assertEquals(java.util.Map.of(LeakExplainer.Cause.FIXED_SINCE, 25_000, LeakExplainer.Cause.UNKNOWN, 25_000),
                byCause, groups.size() + " groups");
        assertEquals(100, groups.size(), "per name: the old ones fixed since, and the rest");
    }
}
