package io.jenkins.plugins.ecrpromotion;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import net.java.sezpoz.Index;
import net.java.sezpoz.IndexItem;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Opens the built {@code target/ecr-promotion.hpi} (this runs in {@code integration-test}, after {@code package})
 * and checks what Jenkins' plugin loader relies on: the manifest, the {@code WEB-INF/lib} layout, that no
 * compile-only Jenkins surface or other provided jar is shipped, and that the {@code @Extension} (SezPoz) and
 * {@code @Symbol} (annotation-indexer) indexes list exactly the annotated classes of the plugin jar.
 */
public class HpiPackagingIT {
    private static final String PLUGIN_JAR = "WEB-INF/lib/ecr-promotion.jar";

    /** Packages of Jenkins core, Stapler and the plugins we depend on: provided at run time, never bundled. */
    private static final List<String> PROVIDED_PACKAGES = List.of(
            "hudson/", "jenkins/", "org/kohsuke/stapler/", "org/jenkinsci/plugins/workflow/",
            "com/cloudbees/plugins/credentials/", "org/jenkinsci/Symbol", "org/jvnet/hudson/annotation_indexer/",
            "net/java/sezpoz/", "io/github/ecrpromotion/jenkinsapi/", "jakarta/servlet/", "org/jvnet/localizer/",
            "net/sf/json/", "org/springframework/", "com/google/common/",
            // the AWS SDK comes from the aws-java-sdk2-* library plugins; aws-credentials' own classes from that plugin
            "software/amazon/awssdk/", "com/cloudbees/jenkins/plugins/awscredentials/",
            // Jackson comes from the jackson2-api library plugin
            "com/fasterxml/jackson/");

    /** Everything WEB-INF/lib may hold: the plugin jar and our own modules; no third-party runtime library is needed. */
    private static final Set<String> OWN_JARS = Set.of("ecr-promotion.jar", "ecr-promotion-core-", "ecr-promotion-registry-oci-",
            "ecr-promotion-registry-ecr-");

    /** Jars on the plugin's provided class path (jenkins-api and its stand-ins), by artifactId prefix. */
    private static final List<String> PROVIDED_JARS = List.of(
            "ecr-promotion-jenkins-api", "sezpoz", "jakarta.servlet-api", "guava", "spring-security-core",
            "localizer", "json-lib");

    private static Path hpi;
    private static Path workDir;
    private static Path pluginJar;
    private static List<Path> bundledJars;
    private static URLClassLoader loader;

    @BeforeClass
    public static void extractHpi() throws IOException, URISyntaxException {
        String file = System.getProperty("hpi.file");
        assertNotNull("run by maven-failsafe-plugin, which sets hpi.file", file);
        hpi = Paths.get(file);
        assertTrue(hpi + " exists", Files.isRegularFile(hpi));
        workDir = Files.createTempDirectory("hpi-it");
        bundledJars = new ArrayList<>();
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            for (ZipEntry e : list(zip)) {
                if (e.getName().startsWith("WEB-INF/lib/") && e.getName().endsWith(".jar")) {
                    Path target = workDir.resolve(e.getName().substring("WEB-INF/lib/".length()));
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    bundledJars.add(target);
                }
            }
        }
        pluginJar = workDir.resolve("ecr-promotion.jar");

        // What Jenkins gives the plugin: the plugin jar, its bundled libraries and (from core and the plugins it
        // depends on) the Jenkins API. Here the API is the compile-only surface and its stand-ins, taken from this
        // test's class path; the plugin's own target/classes (also on it) are left out on purpose, so the indexes
        // come from the .hpi only.
        Set<URL> urls = new LinkedHashSet<>();
        for (Path jar : bundledJars) {
            urls.add(jar.toUri().toURL());
        }
        for (String apiClass : List.of("hudson.Extension",
                "jakarta.servlet.ServletException", "com.google.common.util.concurrent.FutureCallback",
                "org.springframework.security.core.Authentication", "org.jvnet.localizer.Localizable",
                "net.sf.json.JSONObject",
                // Jackson, from the jackson2-api plugin the .hpi depends on (the page JSON is written with it)
                "com.fasterxml.jackson.core.JsonProcessingException", "com.fasterxml.jackson.databind.ObjectMapper")) {
            urls.add(codeSource(apiClass));
        }
        // SezPoz itself comes from this test's loader, so that the @Indexable on the loaded hudson.Extension is
        // the one net.java.sezpoz.Index checks for.
        ClassLoader testLoader = HpiPackagingIT.class.getClassLoader();
        ClassLoader sezpozOnly = new ClassLoader(ClassLoader.getPlatformClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (name.startsWith("net.java.sezpoz.")) {
                    return testLoader.loadClass(name);
                }
                throw new ClassNotFoundException(name);
            }
        };
        loader = new URLClassLoader(urls.toArray(new URL[0]), sezpozOnly);
    }

    @AfterClass
    public static void cleanUp() throws IOException {
        if (loader != null) {
            loader.close();
        }
        if (workDir != null) {
            try (var files = Files.walk(workDir)) {
                files.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    public void manifest_ofHpiAndPluginJar_hasPluginAttributes() throws IOException {
        Manifest hpiManifest;
        try (JarFile jar = new JarFile(hpi.toFile())) {
            hpiManifest = jar.getManifest();
            assertNotNull("META-INF/MANIFEST.MF in the .hpi", hpiManifest);
        }
        assertPluginAttributes("the .hpi", hpiManifest.getMainAttributes());
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            assertPluginAttributes(PLUGIN_JAR, jar.getManifest().getMainAttributes());
        }
    }

    private static void assertPluginAttributes(String where, Attributes a) {
        String version = System.getProperty("hpi.expected.version");
        assertNotNull("hpi.expected.version set by the pom", version);
        assertEquals(where, "ecr-promotion", a.getValue("Short-Name"));
        assertEquals(where, "ECR Promotion", a.getValue("Long-Name"));
        assertEquals(where, "io.github.ecrpromotion", a.getValue("Group-Id"));
        assertEquals(where, "ecr-promotion", a.getValue("Artifact-Id"));
        assertEquals(where, version, a.getValue("Plugin-Version"));
        assertEquals(where, "2.541.1", a.getValue("Jenkins-Version"));
        assertEquals(where, "2.541.1", a.getValue("Hudson-Version"));
        assertEquals(where, "workflow-step-api:710.v3e456cc85233,credentials:1502.v5c95e620ddfe,"
                + "structs:362.va_b_695ef4fdf9,aws-credentials:262.v0efb_28f71f94,aws-java-sdk2-ecr:2.42.33-70.vd69c0763fa_60,"
                + "jackson2-api:2.22.2-445.vdc613f1d8012", a.getValue("Plugin-Dependencies"));
        String url = a.getValue("Url");
        assertTrue(where + " Url: " + url, url != null && url.startsWith("https://"));
        // no hudson.Plugin subclass: Plugin-Class must be absent (Jenkins would try to instantiate it)
        assertNull(where, a.getValue("Plugin-Class"));
    }

    @Test
    public void webInfLib_bundlesPluginJarAndEveryRuntimeDependency_only() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path jar : bundledJars) {
            names.add(jar.getFileName().toString());
        }
        assertTrue("WEB-INF/lib/ecr-promotion.jar in " + names, names.contains("ecr-promotion.jar"));

        Set<String> runtime = runtimeDependencyFileNames();
        for (String dep : runtime) {
            assertTrue("runtime dependency " + dep + " bundled in " + names, names.contains(dep));
        }
        Set<String> expected = new TreeSet<>(runtime);
        expected.add("ecr-promotion.jar");
        assertEquals("WEB-INF/lib holds the plugin jar and the runtime dependencies, nothing else", expected, names);

        for (String name : names) {
            for (String provided : PROVIDED_JARS) {
                assertFalse("provided jar " + name + " must not be bundled", name.startsWith(provided));
            }
        }
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            for (ZipEntry e : list(zip)) {
                assertFalse("the current maven-hpi-plugin layout has no WEB-INF/classes: " + e.getName(),
                        e.getName().startsWith("WEB-INF/classes/"));
            }
        }
    }

    @Test
    public void manifest_dependsOnTheAwsLibraryAndCredentialsPlugins_withVersions() throws IOException {
        String deps;
        try (JarFile jar = new JarFile(hpi.toFile())) {
            deps = jar.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
        }
        Set<String> names = new TreeSet<>();
        for (String entry : deps.split(",")) {
            String[] nameAndVersion = entry.trim().split(":", 2);
            assertEquals("name:version in " + deps, 2, nameAndVersion.length);
            assertFalse("a version for " + nameAndVersion[0], nameAndVersion[1].isBlank());
            assertFalse("required, not optional: " + entry, entry.contains("resolution:=optional"));
            names.add(nameAndVersion[0]);
        }
        assertTrue(deps, names.contains("aws-java-sdk2-ecr"));
        assertTrue(deps, names.contains("aws-credentials"));
        // @Symbol names (the step names, ecrPromotion for Configuration as Code) are resolved by structs' SymbolLookup
        assertTrue(deps, names.contains("structs"));
    }

    @Test
    public void manifest_dependsOnJackson2Api_andNoJacksonJarIsBundled() throws IOException {
        String deps;
        try (JarFile jar = new JarFile(hpi.toFile())) {
            deps = jar.getManifest().getMainAttributes().getValue("Plugin-Dependencies");
        }
        assertTrue(deps, deps.matches("(.*,)?jackson2-api:2\\.[0-9.]+-[0-9]+\\.v[0-9a-f_]+(,.*)?"));
        for (Path jar : bundledJars) {
            String name = jar.getFileName().toString();
            assertFalse("Jackson must come from jackson2-api, found " + name, name.startsWith("jackson-"));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    assertFalse(name + " holds Jackson classes: " + e.getName(), e.getName().startsWith("com/fasterxml/jackson/"));
                }
            }
        }
    }

    @Test
    public void webInfLib_holdsOurOwnModulesOnly_noAwsSdkJar() throws IOException {
        for (Path jar : bundledJars) {
            String name = jar.getFileName().toString();
            assertTrue("only our own modules in WEB-INF/lib, found " + name,
                    OWN_JARS.stream().anyMatch(own -> own.endsWith(".jar") ? name.equals(own) : name.startsWith(own)));
            assertFalse(name, name.contains("awssdk") || name.startsWith("apache-client") || name.startsWith("url-connection-client"));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    assertFalse(name + " holds AWS SDK classes: " + e.getName(), e.getName().startsWith("software/amazon/awssdk/"));
                }
            }
        }
        assertEquals("the plugin jar and core, registry-oci, registry-ecr", 4, bundledJars.size());
    }

    @Test
    public void hpi_containsNoJenkinsOrOtherProvidedClasses() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (ZipFile zip = new ZipFile(hpi.toFile())) {
            for (ZipEntry e : list(zip)) {
                if (isProvidedClass(e.getName())) {
                    offenders.add(e.getName());
                }
            }
        }
        for (Path jar : bundledJars) {
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (isProvidedClass(e.getName())) {
                        offenders.add(jar.getFileName() + "!/" + e.getName());
                    }
                }
            }
        }
        assertTrue("classes Jenkins provides must not be shipped; " + offenders.size() + " found, e.g. "
                + offenders.subList(0, Math.min(10, offenders.size())), offenders.isEmpty());
    }

    private static boolean isProvidedClass(String entry) {
        if (!entry.endsWith(".class")) {
            return false;
        }
        for (String p : PROVIDED_PACKAGES) {
            if (entry.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Test
    public void pluginJar_hasIndexJelly() throws IOException {
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            ZipEntry index = jar.getEntry("index.jelly");
            assertNotNull("index.jelly (the plugin description) at the root of " + PLUGIN_JAR, index);
            try (InputStream in = jar.getInputStream(index)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(text, text.startsWith("<?jelly escape-by-default='true'?>"));
            }
        }
    }

    @Test
    public void extensionIndex_listsEveryExtensionOfThePluginJar() throws Exception {
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> extension =
                (Class<? extends Annotation>) Class.forName("hudson.Extension", false, loader);

        Set<String> annotated = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            if (c.isAnnotationPresent(extension)) {
                annotated.add(c.getName());
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(extension)) {
                    annotated.add(c.getName() + "#" + f.getName());
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(extension)) {
                    annotated.add(c.getName() + "#" + m.getName());
                }
            }
        }
        assertTrue("the global configuration is an @Extension: " + annotated,
                annotated.contains(EcrPromotionConfiguration.class.getName()));

        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            assertNotNull("SezPoz index in " + PLUGIN_JAR, jar.getEntry("META-INF/annotations/hudson.Extension"));
        }
        Set<String> indexed = new TreeSet<>();
        for (IndexItem<? extends Annotation, Object> item : Index.load(extension, Object.class, loader)) {
            indexed.add(item.memberName() == null ? item.className() : item.className() + "#" + item.memberName());
            AnnotatedElement element = item.element(); // loadable through the index, as Jenkins does
            assertNotNull(item.toString(), element);
        }
        assertEquals("META-INF/annotations/hudson.Extension lists exactly the @Extension classes and members",
                annotated, indexed);
    }

    @Test
    public void symbolIndex_listsEverySymbolClassOfThePluginJar() throws Exception {
        assertAnnotationIndex("org.jenkinsci.Symbol", false);
    }

    @Test
    public void initializerIndex_listsEveryClassWithAnInitializer() throws Exception {
        assertAnnotationIndex("hudson.init.Initializer", true);
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            assertNotNull("the permissions are registered by an @Initializer",
                    jar.getEntry("META-INF/services/annotations/hudson.init.Initializer"));
        }
    }

    /**
     * An annotation-indexer index ({@code META-INF/services/annotations/NAME}) lists exactly the plugin classes that
     * carry the annotation, on the class itself or (for method annotations) on one of its methods.
     */
    private static void assertAnnotationIndex(String annotationName, boolean onMethods) throws Exception {
        String indexName = "META-INF/services/annotations/" + annotationName;
        @SuppressWarnings("unchecked")
        Class<? extends Annotation> type = (Class<? extends Annotation>) Class.forName(annotationName, false, loader);
        Set<String> annotated = new TreeSet<>();
        for (Class<?> c : pluginClasses()) {
            boolean carries = onMethods
                    ? java.util.Arrays.stream(c.getDeclaredMethods()).anyMatch(m -> m.isAnnotationPresent(type))
                    : c.isAnnotationPresent(type);
            if (carries) {
                annotated.add(c.getName());
            }
        }
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            ZipEntry index = jar.getEntry(indexName);
            if (annotated.isEmpty()) {
                assertNull("nothing carries @" + annotationName + ", so no " + indexName, index);
                return;
            }
            assertNotNull(indexName + " in " + PLUGIN_JAR + " for " + annotated, index);
            Set<String> indexed = new TreeSet<>();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(jar.getInputStream(index), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.trim().isEmpty()) {
                        indexed.add(line.trim());
                    }
                }
            }
            assertEquals(indexName + " lists exactly the classes carrying @" + annotationName, annotated, indexed);
        }
    }

    /** Every class of the plugin jar, loaded (not initialized) the way Jenkins' plugin class loader would. */
    private static List<Class<?>> pluginClasses() throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        try (JarFile jar = new JarFile(pluginJar.toFile())) {
            for (ZipEntry e : list(jar)) {
                String name = e.getName();
                if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    classes.add(Class.forName(className, false, loader));
                } catch (ClassNotFoundException | LinkageError ex) {
                    throw new AssertionError("cannot load " + className + " from the .hpi with the Jenkins API", ex);
                }
            }
        }
        if (classes.isEmpty()) {
            fail("no classes in " + PLUGIN_JAR);
        }
        return classes;
    }

    /** The jar file names `dependency:build-classpath` wrote for the runtime scope (empty if none). */
    private static Set<String> runtimeDependencyFileNames() throws IOException {
        Set<String> names = new TreeSet<>();
        String file = System.getProperty("hpi.runtimeClasspathFile");
        assertNotNull("hpi.runtimeClasspathFile set by the pom", file);
        Path list = Paths.get(file);
        assertTrue(list + " written during package", Files.isRegularFile(list));
        String text = Files.readString(list, StandardCharsets.UTF_8).trim();
        if (!text.isEmpty()) {
            for (String entry : text.split(File.pathSeparator)) {
                names.add(Paths.get(entry.trim()).getFileName().toString());
            }
        }
        return names;
    }

    private static URL codeSource(String className) throws URISyntaxException, IOException {
        try {
            Class<?> c = Class.forName(className, false, HpiPackagingIT.class.getClassLoader());
            return c.getProtectionDomain().getCodeSource().getLocation().toURI().toURL();
        } catch (ClassNotFoundException e) {
            throw new AssertionError(className + " on the test class path (provided dependency)", e);
        }
    }

    private static List<? extends ZipEntry> list(ZipFile zip) {
        List<ZipEntry> entries = new ArrayList<>();
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            entries.add(e.nextElement());
        }
        return entries;
    }
}
