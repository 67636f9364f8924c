package io.github.ecrpromotion.oci;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Repository;
import io.github.ecrpromotion.core.registry.RegistryProvider;
import io.github.ecrpromotion.oci.http.OciRegistry;
import io.github.ecrpromotion.oci.http.OciRegistryProvider;
import io.github.ecrpromotion.oci.layout.LayoutRegistry;
import io.github.ecrpromotion.oci.layout.LayoutRegistryProvider;
import io.github.ecrpromotion.oci.layout.OciLayout;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.Test;

/** The backend's public surface shows no java.net.http type, and both providers are registered for ServiceLoader. */
public class PublicApiTest {
    private static final List<Class<?>> PUBLIC = List.of(OciRegistry.class, OciRegistryProvider.class,
            LayoutRegistry.class, LayoutRegistryProvider.class, OciLayout.class);

    @Test
    public void publicSignatures_doNotMentionJavaNetHttp() {
        List<String> offenders = new ArrayList<>();
        for (Class<?> c : PUBLIC) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())) {
                    check(c, m.getGenericReturnType(), offenders);
                    for (Type t : m.getGenericParameterTypes()) {
                        check(c, t, offenders);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (Modifier.isPublic(k.getModifiers())) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(c, t, offenders);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static void check(Class<?> owner, Type t, List<String> offenders) {
        if (t.getTypeName().contains("java.net.http") || t.getTypeName().contains("com.sun.net")) {
            offenders.add(owner.getSimpleName() + ": " + t.getTypeName());
        }
    }

    @Test
    public void serviceLoader_findsBothProviders_forTheirKinds() {
        List<RegistryProvider> providers = new ArrayList<>();
        ServiceLoader.load(RegistryProvider.class).forEach(providers::add);
        assertTrue(providers.stream().anyMatch(p -> p instanceof OciRegistryProvider
                && p.supports(Repository.of("127.0.0.1:5000/demo/app"))));
        assertTrue(providers.stream().anyMatch(p -> p instanceof LayoutRegistryProvider
                && p.supports(Repository.of("oci:/tmp/x"))));
        assertTrue(providers.stream().noneMatch(p -> p instanceof OciRegistryProvider
                && p.supports(Repository.of("123456789012.dkr.ecr.us-east-1.amazonaws.com/demo/app"))));
    }
}
