package io.github.ecrpromotion.jenkinsapi.processor;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Compiles small sources with javac and the processor, and reads the annotation-indexer file it writes. */
public class IndexedAnnotationProcessorTest {
    private static final String SYMBOL_INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void compile_symbolClasses_listsTheirBinaryNamesSorted() throws IOException {
        Path out = tmp.newFolder("out").toPath();
        compile(out, source("p.B", "@org.jenkinsci.Symbol({\"b1\", \"b2\"}) public class B {}"),
                source("p.A", "@org.jenkinsci.Symbol(\"a\") public class A {"
                        + " @org.jenkinsci.Symbol(\"inner\") public static class Inner {} }"),
                source("p.Plain", "public class Plain {}"));

        assertEquals(List.of("p.A", "p.A$Inner", "p.B"), index(out));
    }

    @Test
    public void compile_noSymbol_writesNoIndex() throws IOException {
        Path out = tmp.newFolder("out").toPath();
        compile(out, source("p.Plain", "@Deprecated public class Plain {}"));

        assertFalse(Files.exists(out.resolve(SYMBOL_INDEX)));
    }

    @Test
    public void partialRecompile_keepsEarlierEntriesThatStillHoldAndDropsRemovedOnes() throws IOException {
        Path out = tmp.newFolder("out").toPath();
        compile(out, source("p.A", "@org.jenkinsci.Symbol(\"a\") public class A {}"),
                source("p.B", "@org.jenkinsci.Symbol(\"b\") public class B {}"));

        // only B and a new C are recompiled; B lost its symbol, A (not recompiled) keeps its entry
        compile(out, source("p.B", "public class B {}"), source("p.C", "@org.jenkinsci.Symbol(\"c\") public class C {}"));

        assertEquals(List.of("p.A", "p.C"), index(out));
    }

    private Path source(String className, String body) throws IOException {
        int dot = className.lastIndexOf('.');
        Path file = tmp.getRoot().toPath().resolve("src-" + System.nanoTime())
                .resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package " + className.substring(0, dot) + ";\n" + body + "\n");
        return file;
    }

    private static void compile(Path out, Path... sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<File> sourceFiles = new ArrayList<>();
            for (Path s : sources) {
                sourceFiles.add(s.toFile());
            }
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sourceFiles);
            // the surface (org.jenkinsci.Symbol) and the processor come from this module's classes; `out` is on
            // the class path too, as target/classes is for javac in Maven (that is how earlier entries are checked)
            String classPath = moduleClasses() + File.pathSeparator + out;
            List<String> options = List.of("-d", out.toString(), "-classpath", classPath,
                    "-processor", IndexedAnnotationProcessor.class.getName());
            Boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            assertTrue(diagnostics.toString(), ok);
        }
    }

    private static String moduleClasses() {
        try {
            return Path.of(IndexedAnnotationProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> index(Path out) throws IOException {
        return Files.readAllLines(out.resolve(SYMBOL_INDEX), StandardCharsets.UTF_8);
    }
}
