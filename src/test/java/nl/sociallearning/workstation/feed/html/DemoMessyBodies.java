package nl.sociallearning.workstation.feed.html;

import java.lang.reflect.Field;
import java.util.List;

/**
 * The demo server's deliberately messy post bodies ({@code DemoText.MESSY_BODIES}), read by reflection: the
 * list is package-private in the demo package, and this package may not depend on the demo. Reading the live
 * list keeps the tests honest when the demo gains new kinds of mess.
 */
final class DemoMessyBodies {

    private DemoMessyBodies() {
    }

    @SuppressWarnings("unchecked")
    static List<String> all() {
        try {
            Field field = Class.forName("nl.sociallearning.workstation.demo.DemoText").getDeclaredField("MESSY_BODIES");
            field.setAccessible(true);
            return (List<String>) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("DemoText.MESSY_BODIES moved: update this test helper", e);
        }
    }
}
