package nl.sociallearning.workstation.assessment.framework;

import nl.sociallearning.workstation.domain.assessment.Scale;
import nl.sociallearning.workstation.domain.assessment.ScaleLevel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The scales a framework file may name without defining them. */
public final class BuiltInScales {

    public static final List<Scale> ALL = List.of(
            new Scale("onvoldoende-voldoende-goed", "Onvoldoende / voldoende / goed", List.of(
                    new ScaleLevel("onvoldoende", "onvoldoende"), new ScaleLevel("voldoende", "voldoende"),
                    new ScaleLevel("goed", "goed"))),
            new Scale("nooit-oefenen-voldoende-goed", "Nooit / oefenen / voldoende / goed", List.of(
                    new ScaleLevel("nooit", "nooit"), new ScaleLevel("oefenen", "oefenen"),
                    new ScaleLevel("voldoende", "voldoende"), new ScaleLevel("goed", "goed"))),
            new Scale("epa-1-5", "EPA-niveau 1–5", List.of(
                    new ScaleLevel("1", "1 · kijkt mee"), new ScaleLevel("2", "2 · onder directe supervisie"),
                    new ScaleLevel("3", "3 · onder indirecte supervisie"), new ScaleLevel("4", "4 · zelfstandig"),
                    new ScaleLevel("5", "5 · superviseert anderen"))));

    private static final Map<String, Scale> BY_CODE = ALL.stream().collect(Collectors.toMap(Scale::code, Function.identity()));

    private BuiltInScales() {
    }

    public static Optional<Scale> find(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
