package nl.sociallearning.workstation.assessment.flow;

import nl.sociallearning.workstation.domain.assessment.Criterion;
import nl.sociallearning.workstation.domain.assessment.Note;
import nl.sociallearning.workstation.domain.assessment.SignerRole;

import java.time.Duration;

/** Walks an assessment of assessors "ank" and "bram" to its signed, locked end with the same levels everywhere. */
final class LockedAssessments {

    private LockedAssessments() {
    }

    static String walk(AssessmentFlow flow, TestClock clock, String id) {
        flow.startObservation(id, "ank");
        var criteria = flow.view(id, "ank").criteria();
        java.util.Map<String, Note> notes = new java.util.HashMap<>();
        for (String who : new String[] {"ank", "bram"}) {
            clock.advance(Duration.ofMinutes(1));
            notes.put(who, flow.addNote(id, who, "Controleert polsbandje, leest de lijst hardop voor"));
        }
        flow.endObservation(id, "ank");
        for (String who : new String[] {"ank", "bram"}) {
            for (Criterion c : criteria) {
                flow.link(id, who, notes.get(who).id(), c.code());
            }
        }
        for (String who : new String[] {"ank", "bram"}) {
            for (Criterion c : criteria) {
                flow.setLevel(id, who, c.code(), "voldoende", "Zie notitie");
            }
            flow.lockLevels(id, who);
        }
        flow.agreeWhereUnanimous(id, "ank");
        flow.writeReport(id, "ank", "Sterk", "Verder", "Besproken", "Eens");
        flow.sign(id, "ank", SignerRole.ASSESSOR, "Ank");
        flow.sign(id, "bram", SignerRole.ASSESSOR, "Bram");
        flow.sign(id, null, SignerRole.STUDENT, "Sanne");
        return id;
    }
}
