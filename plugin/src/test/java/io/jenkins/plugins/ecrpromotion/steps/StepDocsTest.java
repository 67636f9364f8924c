package io.jenkins.plugins.ecrpromotion.steps;

import io.jenkins.plugins.ecrpromotion.EcrPromotionConfiguration;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * Every bindable field of every step and of the global configuration has a control in config.jelly and a help file,
 * and every step parameter is documented in its section of docs/STEPS.md: the Snippet Generator and the docs cannot
 * drift from the code.
 */
public class StepDocsTest {
    private static final List<Class<?>> STEPS = List.of(EcrBuildTagStep.class, EcrPromoteStep.class, EcrStateStep.class);

    @Test
    public void everyFieldHasAControlAHelpFileAndAStepHelp() throws IOException {
        List<String> missing = new ArrayList<>();
        List<Class<?>> all = new ArrayList<>(STEPS);
        all.add(EcrPromotionConfiguration.class);
        for (Class<?> type : all) {
            String config = resource(type, "config.jelly");
            if (config == null) {
                missing.add(type.getSimpleName() + "/config.jelly");
                continue;
            }
            for (String field : fields(type)) {
                if (!config.contains("field=\"" + field + "\"")) {
                    missing.add(type.getSimpleName() + "/config.jelly has no control for " + field);
                }
                if (resource(type, "help-" + field + ".html") == null) {
                    missing.add(type.getSimpleName() + "/help-" + field + ".html");
                }
            }
            if (STEPS.contains(type) && resource(type, "help.html") == null) {
                missing.add(type.getSimpleName() + "/help.html");
            }
        }
        assertTrue(String.join("\n", missing), missing.isEmpty());
    }

    @Test
    public void stepsMdDocumentsEveryParameterInTheStepsSection() throws IOException {
        String doc = Files.readString(Path.of("../docs/STEPS.md"), StandardCharsets.UTF_8);
        String common = section(doc, "## Common parameters");
        List<String> missing = new ArrayList<>();
        for (Class<?> type : STEPS) {
            String name = functionName(type);
            String own = section(doc, "## " + name);
            assertTrue("docs/STEPS.md has no section for " + name, !own.isEmpty());
            for (String field : fields(type)) {
                String cell = "`" + field + "`";
                if (!own.contains(cell) && !common.contains(cell)) {
                    missing.add(name + ": " + field);
                }
            }
        }
        assertTrue("undocumented in docs/STEPS.md:\n" + String.join("\n", missing), missing.isEmpty());
    }

    private static String functionName(Class<?> step) {
        String simple = step.getSimpleName().replace("Step", "");
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /** The text from the heading to the next heading of the same level. */
    private static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = doc.indexOf("\n## ", start + heading.length() + 2);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static Set<String> fields(Class<?> type) {
        Set<String> out = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(DataBoundSetter.class) && m.getName().startsWith("set")) {
                    out.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
                }
            }
        }
        for (Constructor<?> k : type.getConstructors()) {
            if (k.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : k.getParameters()) {
                    assertTrue("compile with -parameters", p.isNamePresent());
                    out.add(p.getName());
                }
            }
        }
        return out;
    }

    private static String resource(Class<?> type, String name) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
