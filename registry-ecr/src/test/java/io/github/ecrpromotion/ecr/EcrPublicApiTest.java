package io.github.ecrpromotion.ecr;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.github.ecrpromotion.core.ref.Repository;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** No AWS SDK type leaks through the backend's public surface, and the provider claims only ECR hosts. */
public class EcrPublicApiTest {

    @Test
    public void publicSignatures_nameNoAwsType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : List.of(EcrRegistry.class, EcrRegistryProvider.class)) {
            assertTrue(Modifier.isPublic(c.getModifiers()));
            for (Method m : c.getMethods()) {
                List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                types.add(m.getGenericReturnType());
                types.addAll(List.of(m.getGenericExceptionTypes()));
                types.stream().filter(t -> t.getTypeName().contains("software.amazon")).forEach(t -> leaks.add(c.getSimpleName() + "." + m.getName() + ": " + t));
            }
            for (Constructor<?> k : c.getConstructors()) {
                for (Type t : k.getGenericParameterTypes()) {
                    if (t.getTypeName().contains("software.amazon")) {
                        leaks.add(c.getSimpleName() + "(): " + t);
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertEquals("only the provider's no-argument constructor is public", 0, EcrRegistry.class.getConstructors().length);
    }

    @Test
    public void provider_supportsEcrHostsOnly() {
        EcrRegistryProvider p = new EcrRegistryProvider();
        assertTrue(p.supports(Repository.of("123456789012.dkr.ecr.eu-central-1.amazonaws.com/oe/ecs-demo")));
        assertFalse(p.supports(Repository.of("registry.example.com/oe/ecs-demo")));
        assertFalse(p.supports(Repository.of("127.0.0.1:5000/oe/ecs-demo")));
    }
}
