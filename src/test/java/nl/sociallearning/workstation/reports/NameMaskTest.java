package nl.sociallearning.workstation.reports;

import nl.sociallearning.workstation.domain.Participant;
import nl.sociallearning.workstation.domain.ParticipantRole;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names of the course's people leave free text; other words, and particles like "de" and "van", stay. */
class NameMaskTest {

    private final NameMask mask = new NameMask(List.of(person("Sanne de Vries"), person("Roos van Dijk"),
            person("Zoë Çelik"), person("Al Li")), "[naam]");

    @Test
    void everyNamePartGoesWhereverItStandsAsAWord() {
        assertThat(mask.apply("Vraag van Sanne: wie helpt De Vries en Roos?"))
                .isEqualTo("Vraag van [naam]: wie helpt De [naam] en [naam]?");
        assertThat(mask.apply("Zoë's plan met Çelik-Dijk")).isEqualTo("[naam]'s plan met [naam]-[naam]");
    }

    @Test
    void ordinaryWordsAndShortNamePartsStay() {
        assertThat(mask.apply("een roos in de Sannestraat, van de vries")).isEqualTo("een roos in de Sannestraat, van de vries");
        assertThat(mask.apply("Al het werk")).as("name parts under three letters are too common to blank")
                .isEqualTo("Al het werk");
        assertThat(mask.apply("")).isEmpty();
        assertThat(mask.apply(null)).isNull();
    }

    private static Participant person(String name) {
        return new Participant("c", name, name, ParticipantRole.PARTICIPANT, null, Instant.EPOCH);
    }
}
