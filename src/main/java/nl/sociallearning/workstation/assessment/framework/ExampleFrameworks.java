package nl.sociallearning.workstation.assessment.framework;

import nl.sociallearning.workstation.domain.assessment.Framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** The framework shipped with the program: Verzorgende-IG, basisdeel B1, for assessing students on the ward. */
public final class ExampleFrameworks {

    public static final String VERZORGENDE_IG = "verzorgende-ig.json";

    private ExampleFrameworks() {
    }

    public static Framework verzorgendeIg() {
        try (InputStream in = Objects.requireNonNull(
                ExampleFrameworks.class.getResourceAsStream("/nl/sociallearning/workstation/assessment/" + VERZORGENDE_IG))) {
            return FrameworkImport.json(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
