package nl.sociallearning.workstation.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A course's user is its own server's user: never the primary server's in an added server's course. */
class IdentitiesTest {

    final UserIdentity primary = new UserIdentity("mod-1", "Marloes de Wit");
    final UserIdentity moodle = new UserIdentity("12879", "Taro Tanaka");

    @Test
    void aCourseFindsTheUserOfItsOwnServer() {
        Identities me = new Identities(Map.of("", primary, "moodle-3:", moodle), Set.of("moodle-3:", "canvas-4:"));

        assertThat(me.of("kinderzorg")).contains(primary);
        assertThat(me.of("moodle-3:4321")).contains(moodle);
        assertThat(me.idIn("moodle-30:1")).as("another server whose prefix merely starts alike").isEqualTo("mod-1");
    }

    @Test
    void anAddedServerWhoseUserIsNotKnownYetHasNoneRatherThanThePrimarysUser() {
        Identities me = new Identities(Map.of("", primary), Set.of("canvas-4:"));

        assertThat(me.of("canvas-4:17")).isEmpty();
        assertThat(Identities.NONE.of("kinderzorg")).isEmpty();
        assertThat(Identities.single("mod-1").idIn("anything")).isEqualTo("mod-1");
    }
}
