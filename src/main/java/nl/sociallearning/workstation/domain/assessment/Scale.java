package nl.sociallearning.workstation.domain.assessment;

import java.util.List;
import java.util.Optional;

/** A named, ordered scale, lowest level first (e.g. nooit / oefenen / voldoende / goed). */
public record Scale(String code, String name, List<ScaleLevel> levels) {

    public Scale {
        levels = List.copyOf(levels);
        if (levels.size() < 2) {
            throw new IllegalArgumentException("a scale needs at least two levels: " + code);
        }
    }

    /** The level's position, 0 for the lowest; -1 when the scale has no such level. */
    public int rank(String levelCode) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(levelCode)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String levelCode) {
        return rank(levelCode) >= 0;
    }

    public ScaleLevel lowest() {
        return levels.get(0);
    }

    public Optional<ScaleLevel> level(String levelCode) {
        return levels.stream().filter(l -> l.code().equals(levelCode)).findFirst();
    }

    public String label(String levelCode) {
        return level(levelCode).map(ScaleLevel::label).orElse(levelCode);
    }
}
