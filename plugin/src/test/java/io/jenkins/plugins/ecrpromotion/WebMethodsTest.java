package io.jenkins.plugins.ecrpromotion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Test;
import org.kohsuke.stapler.interceptor.RequirePOST;
import org.kohsuke.stapler.verb.POST;

/**
 * Every URL Stapler makes of a {@code doXxx} method of this plugin (reachable by GET unless annotated) is either a
 * read ({@code doState}, a form check) or POST only: a new button handler without {@code @RequirePOST} fails here.
 */
public class WebMethodsTest {
    @Test
    public void everyWebMethodThatIsNoReadIsPostOnly() throws Exception {
        Path classes = Paths.get(System.getProperty("basedir", "."), "target", "classes");
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(n -> n.startsWith("io.jenkins.plugins.ecrpromotion.")).sorted().toList();
        }
        assertTrue("plugin classes found in " + classes, names.size() > 30);
        List<String> webMethods = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !m.getName().matches("do[A-Z].*")) {
                    continue;
                }
                String id = c.getSimpleName() + "#" + m.getName();
                webMethods.add(id);
                boolean read = m.getName().equals("doState") || m.getName().startsWith("doCheck");
                boolean post = m.isAnnotationPresent(RequirePOST.class) || m.isAnnotationPresent(POST.class);
                if (!read && !post) {
                    unguarded.add(id);
                }
            }
        }
        assertTrue("found " + webMethods, webMethods.contains("EcrPromotionAction#doPromote")
                && webMethods.contains("EnvironmentsAction#doPromote"));
        assertEquals("web methods reachable by GET that are no read", List.of(), unguarded);
    }
}
