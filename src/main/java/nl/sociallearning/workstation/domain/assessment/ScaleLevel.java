package nl.sociallearning.workstation.domain.assessment;

import java.util.Objects;

/** One step of a scale: a code used in files and records, and the label an assessor reads. */
public record ScaleLevel(String code, String label) {

    public ScaleLevel {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
