package nl.sociallearning.workstation.assessment.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.sociallearning.workstation.domain.assessment.Dossier;

/** The hash of everything recorded for an assessment: what the audit log says the assessment was. */
public final class DossierHash {

    private DossierHash() {
    }

    public static JsonNode tree(Dossier d) {
        ObjectNode o = Canonical.MAPPER.createObjectNode();
        o.set("assessment", Canonical.MAPPER.valueToTree(d.assessment()));
        o.set("notes", Canonical.MAPPER.valueToTree(d.notes()));
        o.set("links", Canonical.MAPPER.valueToTree(d.links()));
        o.set("levels", Canonical.MAPPER.valueToTree(d.levels()));
        o.set("locks", Canonical.MAPPER.valueToTree(d.locks()));
        o.set("agreed", Canonical.MAPPER.valueToTree(d.agreed()));
        o.set("report", d.report().map(r -> (JsonNode) Canonical.MAPPER.valueToTree(r)).orElse(Canonical.MAPPER.nullNode()));
        o.set("signatures", Canonical.MAPPER.valueToTree(d.signatures()));
        o.set("evidence", Canonical.MAPPER.valueToTree(d.evidence()));
        o.set("addenda", Canonical.MAPPER.valueToTree(d.addenda()));
        return o;
    }

    public static String of(Dossier d) {
        return Canonical.sha256(Canonical.bytes(tree(d)));
    }
}
