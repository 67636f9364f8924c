package io.github.ecrpromotion.jenkinsapi.processor;

import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the index of annotation-indexer ({@code org.jvnet.hudson:annotation-indexer}, not on Maven Central) for
 * every annotation meta-annotated {@code @org.jvnet.hudson.annotation_indexer.Indexed}: the file
 * {@code META-INF/services/annotations/<annotation binary name>} lists, one per line, the binary names of the
 * classes that carry the annotation (or declare a member that does), as the real {@code AnnotationProcessorImpl}
 * does. Jenkins reads it with {@code Index.list(...)}; structs' {@code SymbolLookup} finds {@code @Symbol}
 * describables this way (e.g. {@code ecrPromotion} in Pipeline or JCasC).
 *
 * <p>It lives in {@code src/processor/java} (added by build-helper) rather than {@code src/main/java}, because
 * the surface checker parses {@code src/main/java} and must only see copies of real Jenkins types; it is still
 * packaged in the jenkins-api jar and registered in {@code META-INF/services/javax.annotation.processing.Processor},
 * so javac runs it, next to SezPoz's indexer, in every module compiled against the surface. Annotations are
 * matched by name, so it also works if the real annotation-indexer classes are on the class path.
 *
 * <p>Incremental compilation: entries of an existing index are kept when their class still exists (compiled
 * earlier) and still carries the annotation; so a partial recompile never drops a class the compiler did not see.
 */
@SupportedAnnotationTypes("*")
public final class IndexedAnnotationProcessor extends AbstractProcessor {
    static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";
    static final String INDEX_DIR = "META-INF/services/annotations/";

    /** annotation binary name -> binary names of annotated classes, sorted for reproducible output. */
    private final Map<String, Set<String>> found = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        if (roundEnv.processingOver()) {
            found.forEach(this::write);
            found.clear();
            return false;
        }
        Elements elements = processingEnv.getElementUtils();
        for (TypeElement annotation : annotations) {
            if (!isIndexed(annotation)) {
                continue;
            }
            Set<String> classes = found.computeIfAbsent(
                    elements.getBinaryName(annotation).toString(), k -> new TreeSet<>());
            for (Element e : roundEnv.getElementsAnnotatedWith(annotation)) {
                TypeElement type = enclosingType(e);
                if (type != null) {
                    classes.add(elements.getBinaryName(type).toString());
                }
            }
        }
        return false; // never claim: SezPoz and others may process the same annotations
    }

    private static boolean isIndexed(TypeElement annotation) {
        for (AnnotationMirror meta : annotation.getAnnotationMirrors()) {
            if (((TypeElement) meta.getAnnotationType().asElement()).getQualifiedName().contentEquals(INDEXED)) {
                return true;
            }
        }
        return false;
    }

    private static TypeElement enclosingType(Element e) {
        while (e != null && !(e instanceof TypeElement)) {
            e = e.getEnclosingElement();
        }
        return (TypeElement) e;
    }

    private void write(String annotationName, Set<String> classes) {
        String path = INDEX_DIR + annotationName;
        Set<String> all = new TreeSet<>(classes);
        all.addAll(stillValidEntries(path, annotationName, classes));
        try {
            FileObject out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (Writer w = out.openWriter()) {
                for (String name : all) {
                    w.write(name);
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    "Tried to write " + path + " but failed because " + e);
        }
    }

    /** Entries of an index left by an earlier compilation whose classes still exist and are still annotated. */
    private Set<String> stillValidEntries(String path, String annotationName, Set<String> seenNow) {
        Set<String> kept = new TreeSet<>();
        Elements elements = processingEnv.getElementUtils();
        try {
            FileObject old = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (Reader r = old.openReader(true); BufferedReader in = new BufferedReader(r)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String name = line.trim();
                    if (name.isEmpty() || seenNow.contains(name)) {
                        continue;
                    }
                    TypeElement type = elements.getTypeElement(name.replace('$', '.'));
                    if (type != null && carries(type, annotationName)) {
                        kept.add(name);
                    }
                }
            }
        } catch (FileNotFoundException | NoSuchFileException e) {
            // first compilation: nothing to merge
        } catch (IOException | IllegalArgumentException e) {
            // unreadable or absent old index: start afresh (a clean build is always complete)
        }
        return kept;
    }

    private static boolean carries(TypeElement type, String annotationName) {
        if (hasAnnotation(type, annotationName)) {
            return true;
        }
        for (Element member : type.getEnclosedElements()) {
            if (hasAnnotation(member, annotationName)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAnnotation(Element e, String annotationName) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(
                    annotationName.replace('$', '.'))) {
                return true;
            }
        }
        return false;
    }
}
